import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './connection.js';

// The cookie carries the secret; the table keeps only its SHA-256, as for tokens.
function sessionId(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export async function openSession(db: Db, userId: string, lifetimeMs: number): Promise<{ secret: string; expiresAt: Date }> {
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + lifetimeMs);
  // Signing in is also when this user's expired sessions are swept away.
  await db.deleteFrom('web_sessions').where('user_id', '=', userId).where('expires_at', '<=', new Date()).execute();
  await db.insertInto('web_sessions').values({ id: sessionId(secret), user_id: userId, expires_at: expiresAt }).execute();
  return { secret, expiresAt };
}

// The user of a live session: not expired, and the user not disabled.
export async function findSessionUser(db: Db, secret: string) {
  return db
    .selectFrom('web_sessions')
    .innerJoin('users', 'users.id', 'web_sessions.user_id')
    .select(['users.id', 'users.email', 'users.role', 'users.body_id', 'users.institution_id', 'users.created_at', 'users.disabled_at'])
    .where('web_sessions.id', '=', sessionId(secret))
    .where('web_sessions.expires_at', '>', new Date())
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function closeSession(db: Db, secret: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('id', '=', sessionId(secret)).execute();
}
