import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder } from 'kysely';
import type { Db } from './connection.js';
import type { Database } from './tables.js';

// One caller's request under one Idempotency-Key (kept as a digest), and what
// was asked (a digest of method, route, parameters and body).
export interface RequestKey {
  scope: string;
  keyDigest: string;
  requestHash: string;
}

// A claim: this process runs the request; `claimId` tells its claim from a
// later one that took it over.
export interface Claim extends RequestKey {
  claimId: string;
}

export type ClaimOutcome =
  | { kind: 'claimed'; claim: Claim }
  | { kind: 'answered'; statusCode: number; answer: Buffer }
  | { kind: 'reused' }
  | { kind: 'in_progress' };

function forKey(key: RequestKey) {
  return { scope: key.scope, key_digest: key.keyDigest };
}

// The row of a claim still held by `claimId` and not yet answered: what a
// renewal, an answer or a release may touch, and nothing a takeover changed.
function openClaim(claim: { scope: string; keyDigest: string; claimId: string }) {
  return (eb: ExpressionBuilder<Database, 'idempotent_requests'>) =>
    eb.and([eb('scope', '=', claim.scope), eb('key_digest', '=', claim.keyDigest), eb('claim_id', '=', claim.claimId), eb('status_code', 'is', null)]);
}

// Claims the key for this request, or says why not: answered already (the
// same request), used for another request, or running elsewhere right now. A
// claim whose keeper stopped renewing it for `staleAfterSeconds` (its process
// died) is taken over, so a crash does not block the key for good.
export async function claimRequest(db: Db, key: RequestKey, staleAfterSeconds: number): Promise<ClaimOutcome> {
  // A row released between the insert and the read is claimed on the next turn.
  for (let attempt = 0; attempt < 3; attempt++) {
    const claim: Claim = { ...key, claimId: randomUUID() };
    const inserted = await db
      .insertInto('idempotent_requests')
      .values({ ...forKey(key), request_hash: key.requestHash, claim_id: claim.claimId })
      .onConflict((oc) => oc.columns(['scope', 'key_digest']).doNothing())
      .returning('claim_id')
      .executeTakeFirst();
    if (inserted) return { kind: 'claimed', claim };

    const row = await db
      .selectFrom('idempotent_requests')
      .select(['request_hash', 'claim_id', 'status_code', 'answer'])
      .select(sql<boolean>`claimed_at < now() - make_interval(secs => ${staleAfterSeconds})`.as('stale'))
      .where('scope', '=', key.scope)
      .where('key_digest', '=', key.keyDigest)
      .executeTakeFirst();
    if (!row) continue;
    if (row.request_hash !== key.requestHash) return { kind: 'reused' };
    if (row.status_code !== null && row.answer !== null) return { kind: 'answered', statusCode: row.status_code, answer: row.answer };
    if (!row.stale) return { kind: 'in_progress' };
    const taken = await db
      .updateTable('idempotent_requests')
      .set({ claim_id: claim.claimId, claimed_at: sql<Date>`now()` })
      .where(openClaim({ ...key, claimId: row.claim_id }))
      .returning('claim_id')
      .executeTakeFirst();
    if (taken) return { kind: 'claimed', claim };
  }
  return { kind: 'in_progress' };
}

// Renews a claim while its request runs (a long import), so it is not taken
// for abandoned.
export async function renewClaim(db: Db, claim: Claim): Promise<void> {
  await db
    .updateTable('idempotent_requests')
    .set({ claimed_at: sql<Date>`now()` })
    .where(openClaim(claim))
    .execute();
}

// False when the claim was taken over meanwhile: the answer of the run that
// holds it is the one kept.
export async function storeAnswer(db: Db, claim: Claim, statusCode: number, answer: Buffer): Promise<boolean> {
  const stored = await db
    .updateTable('idempotent_requests')
    .set({ status_code: statusCode, answer, answered_at: sql<Date>`now()` })
    .where(openClaim(claim))
    .returning('claim_id')
    .executeTakeFirst();
  return stored !== undefined;
}

// The request failed without an answer worth repeating: the key is free for
// a retry.
export async function releaseClaim(db: Db, claim: Claim): Promise<void> {
  await db
    .deleteFrom('idempotent_requests')
    .where(openClaim(claim))
    .execute();
}
