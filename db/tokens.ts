import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './connection.js';

export interface TokenGrant {
  role: string;
  bodyId: string | null;
  institutionId: string | null;
  label: string;
}

export interface IssuedToken {
  id: string;
  token: string;
}

// Only a hash of the secret is stored: a leaked database does not leak tokens.
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function issueToken(db: Db, grant: TokenGrant, id: string = randomUUID()): Promise<IssuedToken> {
  const token = `acu_${randomBytes(32).toString('base64url')}`;
  await db
    .insertInto('api_tokens')
    .values({
      id,
      token_hash: hashToken(token),
      role: grant.role,
      body_id: grant.bodyId,
      institution_id: grant.institutionId,
      label: grant.label,
    })
    .execute();
  return { id, token };
}

export async function findActiveToken(db: Db, token: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'role', 'body_id', 'institution_id', 'label'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

// What an administrator sees of the tokens: never the secret nor its hash.
export async function listTokens(db: Db) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'role', 'body_id', 'institution_id', 'label', 'created_at', 'revoked_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

// Revoking twice keeps the first revocation's instant; false when no such token.
export async function revokeToken(db: Db, id: string): Promise<boolean> {
  const row = await db
    .updateTable('api_tokens')
    .set((eb) => ({ revoked_at: eb.fn.coalesce('revoked_at', sql<Date>`now()`) }))
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
