import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.js';
import { canonicalJson } from '../db/hash-chain.js';
import { claimRequest, releaseClaim, renewClaim, storeAnswer, type Claim } from '../db/idempotent-requests.js';
import { AppError, idempotencyKeyReused } from '../app/errors.js';
import { idempotentId } from '../app/commands.js';

// Writes answer a repeated Idempotency-Key from the store below; the routes
// marked 'workflow' leave it to the agreement's workflow, where the key is the
// update id and the repeat is answered by Temporal; those marked 'none' are not
// records (signing out ends the session each time it is asked).
declare module 'fastify' {
  interface FastifyContextConfig {
    idempotency?: 'workflow' | 'none';
  }
}

// A claim not renewed for this long belongs to a process that died.
const STALE_AFTER_SECONDS = 120;
const RENEW_EVERY_MS = 30_000;

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface StoredAnswer {
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

function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' && key.length > 0 ? key : undefined;
}

// A row a write creates is named after its caller and Idempotency-Key, when it
// has one: run again after a crash that lost its answer, the request meets the
// row it left instead of adding a second one.
export function creationId(request: FastifyRequest, what: string): string {
  const key = idempotencyKeyOf(request);
  return key && request.caller ? idempotentId(`${request.caller.tokenId}:${what}`, key) : randomUUID();
}

// After a unique violation on a row named by creationId: the row an earlier
// run of this same request left (answered with again), or a row another
// request created under this key (refused). Undefined when no row has that id:
// the violation is another one (an acronym already taken).
export function earlierRun<T>(found: T | undefined, asRequested: (row: T) => unknown, requested: unknown): T | undefined {
  if (found === undefined) return undefined;
  if (canonicalJson(asRequested(found)) !== canonicalJson(requested)) throw idempotencyKeyReused();
  return found;
}

interface Running {
  claim: Claim;
  cipherKey: Buffer;
  renewal: NodeJS.Timeout;
}

function storable(payload: unknown): string | undefined {
  if (payload === undefined || payload === null) return '';
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return undefined;
}

function replay(reply: FastifyReply, statusCode: number, answer: StoredAnswer): FastifyReply {
  reply.code(statusCode).header('idempotent-replayed', 'true');
  if (answer.contentType) reply.type(answer.contentType);
  return answer.body === '' ? reply.send() : reply.send(answer.body);
}

// Writes with an Idempotency-Key from a known caller run once per caller and
// key: the key is claimed once the request is validated, before the handler
// runs; its answer (2xx, 3xx or 4xx: a refusal is an answer too) is kept before
// it is sent, and a retry with the same request gets it again; a 5xx frees the
// key so the retry runs. A request that fails validation claims nothing.
export function registerIdempotency(app: FastifyInstance, db: Db): void {
  const running = new WeakMap<FastifyRequest, Running>();

  async function finish(request: FastifyRequest, statusCode: number, payload: unknown, contentType: string | null): Promise<void> {
    const run = running.get(request);
    if (!run) return;
    running.delete(request);
    clearInterval(run.renewal);
    const body = statusCode < 500 ? storable(payload) : undefined;
    try {
      if (body === undefined) await releaseClaim(db, run.claim);
      else await storeAnswer(db, run.claim, statusCode, seal(run.cipherKey, { contentType, body }));
    } catch (error) {
      // The answer still goes out; the claim, no longer renewed, is taken over
      // by a retry once stale.
      request.log.error({ err: error }, 'no se pudo guardar la respuesta idempotente');
    }
  }

  app.addHook('preHandler', async (request, reply) => {
    const key = idempotencyKeyOf(request);
    const caller = request.caller;
    const route = request.routeOptions.url;
    if (!key || !caller || route === undefined || !writeMethods.has(request.method) || request.routeOptions.config.idempotency !== undefined) return;

    const scope = caller.tokenId;
    const cipherKey = answerCipherKey(scope, key);
    const requestHash = requestFingerprint(key, { method: request.method, route, params: request.params, query: request.query, body: request.body });
    const outcome = await claimRequest(db, { scope, keyDigest: keyDigest(key), requestHash }, STALE_AFTER_SECONDS);
    switch (outcome.kind) {
      case 'reused':
        throw idempotencyKeyReused();
      case 'in_progress':
        throw new AppError('IDEMPOTENT_REQUEST_IN_PROGRESS', 'Una solicitud igual con esta Idempotency-Key aún está en curso; espere su respuesta o reintente en unos segundos.');
      case 'answered':
        return replay(reply, outcome.statusCode, unseal(cipherKey, outcome.answer));
      case 'claimed': {
        const renewal = setInterval(() => {
          renewClaim(db, outcome.claim).catch((error: unknown) => request.log.warn({ err: error }, 'no se pudo renovar la reserva de la Idempotency-Key'));
        }, RENEW_EVERY_MS);
        renewal.unref();
        running.set(request, { claim: outcome.claim, cipherKey, renewal });
      }
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const contentType = reply.getHeader('content-type');
    await finish(request, reply.statusCode, payload, typeof contentType === 'string' ? contentType : null);
    return payload;
  });

  // A request that ended without sending (the connection dropped) leaves no claim behind.
  app.addHook('onResponse', async (request) => {
    await finish(request, 500, undefined, null);
  });
}
