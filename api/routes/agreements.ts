import { z } from 'zod';
import { Text } from '../../domain/text.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agreementsAsOf, endOfDay } from '../../db/agreement-history.js';
import type { Body } from '../../db/bodies.js';
import { readStream } from '../../db/event-store.js';
import { formatDmy } from '../../domain/dates.js';
import { DeadlineRule } from '../../domain/deadline.js';
import { agreementStreamId, type CommandData, type RequestedCommandType } from '../../workflows/definitions.js';
import { commandOnAgreement, loadAgreement } from '../../app/agreement-access.js';
import { registerNewAgreement } from '../../app/registration.js';
import { agreementView } from '../agreement-view.js';
import type { AppDeps } from '../deps.js';
import { requireCaller } from '../auth.js';
import { AppError } from '../../app/errors.js';
import { assertMilestoneAnchor } from '../../app/milestone-anchor.js';
import { recordedEvents } from '../recorded-events.js';
import { AsOfQuery, referenceDay } from '../reference-day.js';
import { IdempotencyHeaders, OccurredAt } from '../request-schemas.js';
import { AgreementView, RecordedEvent, ReminderQueued } from '../responses/agreement.js';
import { operation, type Tag } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { commandAddress, requestReminder } from '../../app/commands.js';

const NewAgreementRequest = z.strictObject({
  sessionId: z.uuid(),
  text: Text(20_000),
  responsibleInstitutionIds: z.array(z.uuid()).min(1).max(200),
  deadline: DeadlineRule,
  themes: z.array(Text(100)).max(50).default([]),
  notify: z.boolean().default(true),
});

const IdParams = z.object({ id: z.uuid() });
const EvidenceParams = z.object({ id: z.uuid(), eid: z.uuid() });
const Reason = Text(5_000);

// A rejection says why (the decider refuses it too, COMMENT_REQUIRED); as two
// shapes, the OpenAPI document tells a client so.
const ReviewRequest = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accepted'), comment: z.string().trim().max(5_000).optional(), occurredAt: OccurredAt }),
  z.strictObject({ decision: z.literal('rejected'), comment: Text(5_000, 'Para rechazar una evidencia indique el motivo en el comentario.'), occurredAt: OccurredAt }),
]);

const FulfilRequest = z.strictObject({ justification: Reason, occurredAt: OccurredAt });
const ReasonRequest = z.strictObject({ reason: Reason, occurredAt: OccurredAt });
const DeadlineRequest = z.strictObject({ deadline: DeadlineRule, reason: Reason, occurredAt: OccurredAt });
const RemindRequest = z.strictObject({});

const READ_ERRORS = errorAnswers(400, 401, 403, 404);
const COMMAND_ERRORS = errorAnswers(400, 401, 403, 404, 409, 413, 415);

type App = Parameters<FastifyPluginAsyncZod>[0];

// A secretariat's command on one agreement, answered with the agreement as the
// command left it. Every such route is one of these.
interface SecretariatCommand<P extends z.ZodType<{ id: string }>, B extends z.ZodType<{ occurredAt?: string | undefined }>, T extends RequestedCommandType> {
  path: string;
  tag: Tag;
  summary: string;
  params: P;
  body: B;
  type: T;
  // May check the request against the agreement's body before it is sent.
  data(body: z.output<B>, params: z.output<P>, agreementBody: Body): CommandData<T> | Promise<CommandData<T>>;
}

export function agreementRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, temporal } = deps;
  function secretariatCommand<P extends z.ZodType<{ id: string }>, B extends z.ZodType<{ occurredAt?: string | undefined }>, T extends RequestedCommandType>(
    app: App,
    spec: SecretariatCommand<P, B, T>,
  ): void {
    app.post(spec.path, { schema: { ...operation(spec.tag, spec.summary), params: spec.params, body: spec.body, headers: IdempotencyHeaders, response: { 200: AgreementView, ...COMMAND_ERRORS } }, config: { idempotency: 'workflow' } }, async (request) => {
      const caller = requireCaller(request, 'secretariat');
      // The zod type provider cannot resolve a generic schema's output; the
      // validator has already parsed both with these very schemas.
      const input = request.body as z.output<B>;
      const params = request.params as z.output<P>;
      const { outcome, body } = await commandOnAgreement(
        { db, temporal },
        caller,
        params.id,
        { type: spec.type, payload: { params, input }, idempotencyKey: request.headers['idempotency-key'], occurredAt: input.occurredAt },
        (_address, agreementBody) => spec.data(input, params, agreementBody),
      );
      return agreementView(db, body, outcome.state, outcome.version);
    });
  }

  return async (app) => {
    app.post('/agreements', { schema: { ...operation('Acuerdos', 'Registra un acuerdo adoptado en una sesión'), body: NewAgreementRequest, headers: IdempotencyHeaders, response: { 201: AgreementView, ...errorAnswers(400, 401, 403, 409, 413, 415) } }, config: { idempotency: 'workflow' } }, async (request, reply) => {
      const caller = requireCaller(request, 'secretariat');
      const agreementId = await registerNewAgreement(deps, caller, request.body, request.headers['idempotency-key']);
      const { state, body, row } = await loadAgreement(db, caller, agreementId);
      return reply.status(201).send(await agreementView(db, body, state, row.version));
    });

    app.get('/agreements/:id', { schema: { ...operation('Acuerdos', 'Consulta un acuerdo, hoy o a una fecha de corte'), params: IdParams, querystring: AsOfQuery, response: { 200: AgreementView, ...READ_ERRORS } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator', 'institution');
      const { state, body, row } = await loadAgreement(db, caller, request.params.id);
      const { asOf } = request.query;
      if (asOf === undefined) return agreementView(db, body, state, row.version);
      referenceDay(body, asOf);
      const [past] = await agreementsAsOf(db, { agreementId: request.params.id }, asOf, body.settings.timezone);
      if (!past) throw new AppError('NOT_FOUND', `El acuerdo aún no estaba adoptado el ${formatDmy(asOf)}.`);
      return agreementView(db, body, past.state, past.version, asOf);
    });

    app.get('/agreements/:id/events', { schema: { ...operation('Acuerdos', 'Historia de eventos de un acuerdo'), params: IdParams, querystring: AsOfQuery, response: { 200: z.array(RecordedEvent), ...READ_ERRORS } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator');
      const { body } = await loadAgreement(db, caller, request.params.id);
      const { asOf } = request.query;
      // As of a day: what had occurred by its end, whenever it was recorded.
      const occurredBefore = asOf === undefined ? undefined : endOfDay(referenceDay(body, asOf), body.settings.timezone);
      const events = await readStream(db, agreementStreamId(request.params.id), { occurredBefore });
      return recordedEvents(events);
    });

    secretariatCommand(app, {
      path: '/agreements/:id/evidence/:eid/review',
      tag: 'Evidencias',
      summary: 'Acepta o rechaza una evidencia',
      params: EvidenceParams,
      body: ReviewRequest,
      type: 'ReviewEvidence',
      data: ({ decision, comment }, { eid }) => ({ evidenceId: eid, decision, comment: comment ?? null }),
    });
    secretariatCommand(app, { path: '/agreements/:id/fulfil', tag: 'Acuerdos', summary: 'Da por cumplido un acuerdo, con justificación', params: IdParams, body: FulfilRequest, type: 'FulfilAgreement', data: ({ justification }) => ({ justification }) });
    secretariatCommand(app, { path: '/agreements/:id/reopen', tag: 'Acuerdos', summary: 'Reabre un acuerdo cumplido', params: IdParams, body: ReasonRequest, type: 'ReopenAgreement', data: ({ reason }) => ({ reason }) });
    secretariatCommand(app, { path: '/agreements/:id/cancel', tag: 'Acuerdos', summary: 'Cancela un acuerdo (deja sin efecto)', params: IdParams, body: ReasonRequest, type: 'CancelAgreement', data: ({ reason }) => ({ reason }) });
    secretariatCommand(app, {
      path: '/agreements/:id/deadline',
      tag: 'Acuerdos',
      summary: 'Cambia el plazo de un acuerdo (prórroga), con motivo',
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
    app.post('/agreements/:id/remind', { schema: { ...operation('Acuerdos', 'Envía ahora un recordatorio a las instituciones pendientes'), params: IdParams, body: RemindRequest, headers: IdempotencyHeaders, response: { 202: ReminderQueued, ...COMMAND_ERRORS } }, config: { idempotency: 'workflow' } }, async (request, reply) => {
      const caller = requireCaller(request, 'secretariat');
      await loadAgreement(db, caller, request.params.id);
      const address = commandAddress(request.params.id, caller.tokenId, 'RemindNow', request.body, request.headers['idempotency-key']);
      return reply.status(202).send(await requestReminder(temporal, address));
    });
  };
}
