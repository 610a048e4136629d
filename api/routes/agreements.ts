import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findAgreementRow } from '../../db/agreements.js';
import { findBody } from '../../db/bodies.js';
import type { Db } from '../../db/connection.js';
import { readStream } from '../../db/event-store.js';
import { findInstitutions } from '../../db/institutions.js';
import { findSession } from '../../db/sessions.js';
import type { AgreementState } from '../../domain/agreement/index.js';
import { DeadlineRule } from '../../domain/deadline.js';
import { agreementStreamId } from '../../workflows/definitions.js';
import { agreementView } from '../agreement-view.js';
import type { AppDeps } from '../app.js';
import { assertBodyScope, requireCaller, type Caller } from '../auth.js';
import { ApiError, notFound, validationFailed } from '../errors.js';
import { actorOf } from '../principal.js';
import { adoptAgreement, idempotentId } from '../workflow-commands.js';

const NewAgreementRequest = z.strictObject({
  sessionId: z.uuid(),
  text: z.string().trim().min(1).max(20_000),
  responsibleInstitutionIds: z.array(z.uuid()).min(1).max(200),
  deadline: DeadlineRule,
  themes: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  notify: z.boolean().default(true),
});

const IdParams = z.object({ id: z.uuid() });
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }).loose();

async function loadAgreement(db: Db, caller: Caller, id: string) {
  const row = await findAgreementRow(db, id);
  if (!row) throw notFound('El acuerdo');
  const state = row.state as AgreementState;
  const p = caller.principal;
  if (p.role === 'institution') {
    if (state.status === 'sin_adoptar' || !state.responsibles.some((r) => r.institutionId === p.institutionId)) throw notFound('El acuerdo');
  } else {
    assertBodyScope(caller, row.body_id);
  }
  const body = await findBody(db, row.body_id);
  if (!body) throw notFound('El órgano colegiado');
  return { row, state, body };
}

export function agreementRoutes({ db, temporal, taskQueue }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/agreements', { schema: { body: NewAgreementRequest, headers: IdempotencyHeaders } }, async (request, reply) => {
      const caller = requireCaller(request, 'secretariat');
      const input = request.body;
      const session = await findSession(db, input.sessionId);
      if (!session) throw validationFailed([{ field: 'sessionId', message: 'La sesión no existe.' }]);
      assertBodyScope(caller, session.bodyId);

      const ids = [...new Set(input.responsibleInstitutionIds)];
      const known = new Set((await findInstitutions(db, ids)).map((i) => i.id));
      const unknown = ids.filter((id) => !known.has(id));
      if (unknown.length > 0) {
        throw validationFailed([{ field: 'responsibleInstitutionIds', message: `Instituciones inexistentes: ${unknown.join(', ')}` }]);
      }

      const key = request.headers['idempotency-key'];
      const agreementId = key ? idempotentId(`${caller.tokenId}:agreements`, key) : randomUUID();
      await adoptAgreement(
        temporal,
        taskQueue,
        {
          agreementId,
          bodyId: session.bodyId,
          sessionId: session.id,
          sessionDate: session.date,
          text: input.text,
          themes: input.themes,
          responsibleInstitutionIds: ids,
          deadline: input.deadline,
          actor: actorOf(caller.principal, caller.tokenId),
        },
        key,
      );
      const { state, body, row } = await loadAgreement(db, caller, agreementId);
      return reply.status(201).send(await agreementView(db, body, state, row.version));
    });

    app.get('/agreements/:id', { schema: { params: IdParams } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator', 'institution');
      const { state, body, row } = await loadAgreement(db, caller, request.params.id);
      return agreementView(db, body, state, row.version);
    });

    app.get('/agreements/:id/events', { schema: { params: IdParams } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator');
      const { state } = await loadAgreement(db, caller, request.params.id);
      if (state.status === 'sin_adoptar') throw new ApiError('NOT_FOUND', 'El acuerdo no existe.');
      const events = await readStream(db, agreementStreamId(request.params.id));
      return events.map((e) => ({
        version: e.version,
        type: e.type,
        occurredAt: e.occurredAt,
        recordedAt: e.recordedAt,
        actor: e.actor,
        data: e.data,
        hash: e.hash,
        prevHash: e.prevHash,
      }));
    });
  };
}
