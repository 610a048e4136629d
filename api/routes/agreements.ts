import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agreementsAsOf } from '../../db/agreement-history.js';
import { findAgreementRow } from '../../db/agreements.js';
import { findBody, type Body } from '../../db/bodies.js';
import type { Db } from '../../db/connection.js';
import { readStream } from '../../db/event-store.js';
import { findInstitutions } from '../../db/institutions.js';
import { findSession } from '../../db/sessions.js';
import { ReviewDecision, type AgreementState } from '../../domain/agreement/index.js';
import { formatDmy } from '../../domain/dates.js';
import { DeadlineRule } from '../../domain/deadline.js';
import { agreementStreamId, type CommandData, type RequestedCommandType } from '../../workflows/definitions.js';
import { agreementView, evidenceView } from '../agreement-view.js';
import type { AppDeps } from '../app.js';
import { assertBodyScope, requireCaller, type Caller } from '../auth.js';
import { ApiError, forbidden, notFound, validationFailed } from '../errors.js';
import { assertMilestoneAnchor } from '../milestone-anchor.js';
import { actorOf } from '../principal.js';
import { AsOfQuery, referenceDay } from '../reference-day.js';
import { adoptAgreement, commandAddress, idempotentId, requestReminder, sendCommand, type CommandAddress } from '../workflow-commands.js';

const NewAgreementRequest = z.strictObject({
  sessionId: z.uuid(),
  text: z.string().trim().min(1).max(20_000),
  responsibleInstitutionIds: z.array(z.uuid()).min(1).max(200),
  deadline: DeadlineRule,
  themes: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
  notify: z.boolean().default(true),
});

const IdParams = z.object({ id: z.uuid() });
const EvidenceParams = z.object({ id: z.uuid(), eid: z.uuid() });
const IdempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }).loose();

// When it happened in the world; absent, now. The decider refuses the future
// and dates before the adoption.
const OccurredAt = z.iso.datetime({ offset: true }).optional();
const Reason = z.string().trim().min(1).max(5_000);

const EvidenceRequest = z.strictObject({
  institutionId: z.uuid(),
  description: z.string().trim().min(1).max(20_000),
  links: z.array(z.url({ protocol: /^https?$/ }).max(2_000)).max(50).default([]),
  public: z.boolean().default(false),
  occurredAt: OccurredAt,
});

const ReviewRequest = z
  .strictObject({ decision: ReviewDecision, comment: z.string().trim().max(5_000).optional(), occurredAt: OccurredAt })
  // The decider refuses it too (COMMENT_REQUIRED); said here, it is a bad field.
  .refine((review) => review.decision !== 'rejected' || Boolean(review.comment), {
    path: ['comment'],
    message: 'Para rechazar una evidencia indique el motivo en el comentario.',
  });

const FulfilRequest = z.strictObject({ justification: Reason, occurredAt: OccurredAt });
const ReasonRequest = z.strictObject({ reason: Reason, occurredAt: OccurredAt });
const DeadlineRequest = z.strictObject({ deadline: DeadlineRule, reason: Reason, occurredAt: OccurredAt });
const RemindRequest = z.strictObject({});

type App = Parameters<FastifyPluginAsyncZod>[0];

// A secretariat's command on one agreement, answered with the agreement as the
// command left it. Every such route is one of these.
interface SecretariatCommand<P extends z.ZodType<{ id: string }>, B extends z.ZodType<{ occurredAt?: string | undefined }>, T extends RequestedCommandType> {
  path: string;
  params: P;
  body: B;
  type: T;
  // May check the request against the agreement's body before it is sent.
  data(body: z.output<B>, params: z.output<P>, agreementBody: Body): CommandData<T> | Promise<CommandData<T>>;
}

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
  // The write path every command shares: the caller's scope checked on the read
  // model (404 / 403 before anything reaches Temporal), then the command sent to
  // the agreement's workflow under the request's Idempotency-Key.
  async function commandOnAgreement<T extends RequestedCommandType>(
    caller: Caller,
    agreementId: string,
    request: { type: T; payload: unknown; idempotencyKey: string | undefined; occurredAt: string | undefined },
    data: (address: CommandAddress, body: Body) => CommandData<T> | Promise<CommandData<T>>,
  ) {
    const { body } = await loadAgreement(db, caller, agreementId);
    const address = commandAddress(agreementId, caller.tokenId, request.type, request.payload, request.idempotencyKey);
    const outcome = await sendCommand(temporal, address, request.type, {
      data: await data(address, body),
      actor: actorOf(caller.principal, caller.tokenId),
      ...(request.occurredAt ? { occurredAt: request.occurredAt } : {}),
    });
    return { address, outcome, body };
  }

  function secretariatCommand<P extends z.ZodType<{ id: string }>, B extends z.ZodType<{ occurredAt?: string | undefined }>, T extends RequestedCommandType>(
    app: App,
    spec: SecretariatCommand<P, B, T>,
  ): void {
    app.post(spec.path, { schema: { params: spec.params, body: spec.body, headers: IdempotencyHeaders } }, async (request) => {
      const caller = requireCaller(request, 'secretariat');
      // The zod type provider cannot resolve a generic schema's output; the
      // validator has already parsed both with these very schemas.
      const input = request.body as z.output<B>;
      const params = request.params as z.output<P>;
      const { outcome, body } = await commandOnAgreement(
        caller,
        params.id,
        { type: spec.type, payload: { params, input }, idempotencyKey: request.headers['idempotency-key'], occurredAt: input.occurredAt },
        (_address, agreementBody) => spec.data(input, params, agreementBody),
      );
      return agreementView(db, body, outcome.state, outcome.version);
    });
  }

  return async (app) => {
    app.post('/agreements', { schema: { body: NewAgreementRequest, headers: IdempotencyHeaders } }, async (request, reply) => {
      const caller = requireCaller(request, 'secretariat');
      const input = request.body;
      const session = await findSession(db, input.sessionId);
      if (!session) throw validationFailed([{ field: 'sessionId', message: 'La sesión no existe.' }]);
      assertBodyScope(caller, session.bodyId);
      await assertMilestoneAnchor(db, input.deadline, session.bodyId);

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

    app.get('/agreements/:id', { schema: { params: IdParams, querystring: AsOfQuery } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator', 'institution');
      const { state, body, row } = await loadAgreement(db, caller, request.params.id);
      const { asOf } = request.query;
      if (asOf === undefined) return agreementView(db, body, state, row.version);
      referenceDay(body, asOf);
      const [past] = await agreementsAsOf(db, { agreementId: request.params.id }, asOf, body.settings.timezone);
      if (!past) throw new ApiError('NOT_FOUND', `El acuerdo aún no estaba adoptado el ${formatDmy(asOf)}.`);
      return agreementView(db, body, past.state, past.version, asOf);
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

    // An institution posts only for agreements where it is responsible (others
    // are 404 to it, as on reads) and only in its own name; the secretariat may
    // post on behalf of any responsible institution.
    app.post('/agreements/:id/evidence', { schema: { params: IdParams, body: EvidenceRequest, headers: IdempotencyHeaders } }, async (request, reply) => {
      const caller = requireCaller(request, 'secretariat', 'institution');
      const { occurredAt, ...input } = request.body;
      const p = caller.principal;
      if (p.role === 'institution' && p.institutionId !== input.institutionId) throw forbidden('Una institución solo registra evidencia a su propio nombre.');
      const { address, outcome } = await commandOnAgreement(
        caller,
        request.params.id,
        { type: 'SubmitEvidence', payload: request.body, idempotencyKey: request.headers['idempotency-key'], occurredAt },
        // Named after the request: a retry names the same evidence.
        (a) => ({ evidenceId: a.updateId, files: [], ...input }),
      );
      const evidence = outcome.state.evidence.find((e) => e.id === address.updateId);
      if (!evidence) throw new Error(`la evidencia ${address.updateId} no quedó en el acuerdo`);
      return reply.status(201).send(evidenceView(evidence));
    });

    secretariatCommand(app, {
      path: '/agreements/:id/evidence/:eid/review',
      params: EvidenceParams,
      body: ReviewRequest,
      type: 'ReviewEvidence',
      data: ({ decision, comment }, { eid }) => ({ evidenceId: eid, decision, comment: comment ?? null }),
    });
    secretariatCommand(app, { path: '/agreements/:id/fulfil', params: IdParams, body: FulfilRequest, type: 'FulfilAgreement', data: ({ justification }) => ({ justification }) });
    secretariatCommand(app, { path: '/agreements/:id/reopen', params: IdParams, body: ReasonRequest, type: 'ReopenAgreement', data: ({ reason }) => ({ reason }) });
    secretariatCommand(app, { path: '/agreements/:id/cancel', params: IdParams, body: ReasonRequest, type: 'CancelAgreement', data: ({ reason }) => ({ reason }) });
    secretariatCommand(app, {
      path: '/agreements/:id/deadline',
      params: IdParams,
      body: DeadlineRequest,
      type: 'ChangeDeadline',
      data: async ({ deadline, reason }, _params, agreementBody) => {
        await assertMilestoneAnchor(db, deadline, agreementBody.id);
        return { deadline, reason };
      },
    });

    // Sends a reminder now to every institution still owing evidence; 202 once
    // the workflow queued it (sending follows there), with whom it goes to.
    app.post('/agreements/:id/remind', { schema: { params: IdParams, body: RemindRequest, headers: IdempotencyHeaders } }, async (request, reply) => {
      const caller = requireCaller(request, 'secretariat');
      await loadAgreement(db, caller, request.params.id);
      const address = commandAddress(request.params.id, caller.tokenId, 'RemindNow', request.body, request.headers['idempotency-key']);
      return reply.status(202).send(await requestReminder(temporal, address));
    });
  };
}
