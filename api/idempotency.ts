import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { creationIdOf, startIdempotent, type IdempotentRun, type StoredAnswer } from '../app/idempotency.js';
import type { Db } from '../db/connection.js';

// Writes answer a repeated Idempotency-Key from the store (app/idempotency.ts);
// the routes marked 'workflow' leave it to the agreement's workflow, where the
// key is the update id and the repeat is answered by Temporal; those marked
// 'none' are not records (signing out ends the session each time it is asked).
declare module 'fastify' {
  interface FastifyContextConfig {
    idempotency?: 'workflow' | 'none';
  }
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key'];
  return typeof key === 'string' && key.length > 0 ? key : undefined;
}

// The id of a row this request creates: named after its caller and key, when it has one.
export function creationId(request: FastifyRequest, what: string): string {
  return creationIdOf(request.caller?.tokenId, what, idempotencyKeyOf(request));
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
// runs; its answer (2xx, 3xx or 4xx) is kept before it is sent, and a retry
// with the same request gets it again; a 5xx frees the key so the retry runs.
// A request that fails validation claims nothing.
export function registerIdempotency(app: FastifyInstance, db: Db): void {
  const running = new WeakMap<FastifyRequest, IdempotentRun>();

  async function finish(request: FastifyRequest, statusCode: number, payload: unknown, contentType: string | null): Promise<void> {
    const run = running.get(request);
    if (!run) return;
    running.delete(request);
    const body = statusCode < 500 ? storable(payload) : undefined;
    try {
      await run.finish(body === undefined ? undefined : { statusCode, stored: { contentType, body } });
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

    const shape = { method: request.method, route, params: request.params, query: request.query, body: request.body };
    const start = await startIdempotent(db, { scope: caller.tokenId, key, shape }, (error) =>
      request.log.warn({ err: error }, 'no se pudo renovar la reserva de la Idempotency-Key'),
    );
    if (start.kind === 'answered') return replay(reply, start.statusCode, start.answer);
    running.set(request, start.run);
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
