import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../db/connection.js';
import { canonicalJson } from '../db/hash-chain.js';
import { claimRequest, releaseClaim, renewClaim, storeAnswer } from '../db/idempotent-requests.js';
import { AppError, idempotencyKeyReused } from './errors.js';

// A stable UUID from a scope and a key: the same request sent twice names the
// same record (an agreement, a session, an evidence), so the second one finds
// the first.
export function idempotentId(scope: string, key: string): string {
  const hex = createHash('sha256').update(`${scope}\n${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// A record a caller creates is named after the caller and its Idempotency-Key,
// when it has one: run again after a crash that lost its answer, the request
// meets the record it left instead of adding a second one.
export function creationIdOf(callerId: string | undefined, what: string, key: string | undefined): string {
  return key && callerId ? idempotentId(`${callerId}:${what}`, key) : randomUUID();
}

// After a unique violation on a row named by creationIdOf: the row an earlier
// run of this same request left (answered with again), or a row another
// request created under this key (refused). Undefined when no row has that id:
// the violation is another one (an acronym already taken).
export function earlierRun<T>(found: T | undefined, asRequested: (row: T) => unknown, requested: unknown): T | undefined {
  if (found === undefined) return undefined;
  if (canonicalJson(asRequested(found)) !== canonicalJson(requested)) throw idempotencyKeyReused();
  return found;
}

// A claim not renewed for this long belongs to a process that died.
const STALE_AFTER_SECONDS = 120;
const RENEW_EVERY_MS = 30_000;

export interface StoredAnswer {
  contentType: string | null;
  body: string;
}

// The answer is sealed under a key derived from the Idempotency-Key, which the
// database keeps only as a digest: a token's secret in an answer stays out of
// reach of whoever reads the table (as long as keys are not guessable).
function answerCipherKey(scope: string, key: string): Buffer {
  return Buffer.from(hkdfSync('sha256', key, scope, 'acuerdos: respuesta idempotente', 32));
}

function seal(cipherKey: Buffer, answer: StoredAnswer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', cipherKey, iv);
  const sealed = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]);
}

function unseal(cipherKey: Buffer, stored: Buffer): StoredAnswer {
  const decipher = createDecipheriv('aes-256-gcm', cipherKey, stored.subarray(0, 12));
  decipher.setAuthTag(stored.subarray(12, 28));
  return JSON.parse(Buffer.concat([decipher.update(stored.subarray(28)), decipher.final()]).toString('utf8')) as StoredAnswer;
}

export interface RequestShape {
  method: string;
  route: string;
  params: unknown;
  query: unknown;
  body: unknown;
}

// What was asked, as validated. Keyed by the Idempotency-Key, so a password in
// a body is not exposed to a dictionary attack through a plain digest.
export function requestFingerprint(key: string, shape: RequestShape): string {
  return createHmac('sha256', key).update(canonicalJson(shape)).digest('hex');
}

export function keyDigest(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

// A request running under its key, which it holds (renewed meanwhile) until it
// finishes: with an answer, kept for its retries (a refusal is an answer too),
// or without one, which frees the key so that a retry runs.
export interface IdempotentRun {
  finish(answer: { statusCode: number; stored: StoredAnswer } | undefined): Promise<void>;
}

export type IdempotentStart = { kind: 'answered'; statusCode: number; answer: StoredAnswer } | { kind: 'running'; run: IdempotentRun };

// A request with an Idempotency-Key from a known caller runs once per caller
// and key: the first claims the key; a retry of the same request gets the kept
// answer; another request under the key, or a retry while the first still
// runs, is refused.
export async function startIdempotent(
  db: Db,
  request: { scope: string; key: string; shape: RequestShape },
  onRenewalError: (error: unknown) => void,
): Promise<IdempotentStart> {
  const { scope, key } = request;
  const cipherKey = answerCipherKey(scope, key);
  const outcome = await claimRequest(db, { scope, keyDigest: keyDigest(key), requestHash: requestFingerprint(key, request.shape) }, STALE_AFTER_SECONDS);
  switch (outcome.kind) {
    case 'reused':
      throw idempotencyKeyReused();
    case 'in_progress':
      throw new AppError('IDEMPOTENT_REQUEST_IN_PROGRESS', 'Una solicitud igual con esta Idempotency-Key aún está en curso; espere su respuesta o reintente en unos segundos.');
    case 'answered':
      return { kind: 'answered', statusCode: outcome.statusCode, answer: unseal(cipherKey, outcome.answer) };
    case 'claimed': {
      const { claim } = outcome;
      const renewal = setInterval(() => renewClaim(db, claim).catch(onRenewalError), RENEW_EVERY_MS);
      renewal.unref();
      return {
        kind: 'running',
        run: {
          async finish(answer) {
            clearInterval(renewal);
            if (answer === undefined) await releaseClaim(db, claim);
            else await storeAnswer(db, claim, answer.statusCode, seal(cipherKey, answer.stored));
          },
        },
      };
    }
  }
}
