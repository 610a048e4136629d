import { z } from 'zod';
import { Text } from '../../domain/text.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findBody } from '../../db/bodies.js';
import { isUniqueViolation } from '../../db/errors.js';
import { awaitingCounts, findMilestone, insertMilestone, markMilestoneOccurred, milestonesOfBody, type Milestone } from '../../db/milestones.js';
import { compareDates, formatDmy, LocalDate, localDateOf } from '../../domain/dates.js';
import type { AppDeps } from '../deps.js';
import { assertBodyScope, bodyReadBy } from '../../app/access.js';
import { requireCaller } from '../auth.js';
import { AppError, notFound, validationFailed } from '../../app/errors.js';
import { earlierRun } from '../../app/idempotency.js';
import { dateAgreementsAwaiting } from '../../app/milestone-occurred.js';
import { creationId } from '../idempotency.js';
import { AsOfQuery, referenceDay } from '../reference-day.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { ListedMilestone, MilestoneView, OccurredMilestone } from '../responses/reference-data.js';

const NewMilestoneRequest = z.strictObject({ bodyId: z.uuid(), name: Text(500) });
const OccurredRequest = z.strictObject({ date: LocalDate });
const IdParams = z.object({ id: z.uuid() });
const MilestoneListQuery = z.strictObject({ bodyId: z.uuid().optional() });

export function milestoneRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.post('/milestones', { schema: { ...operation('Hitos', 'Registra un hito del que pueden depender plazos'), body: NewMilestoneRequest, headers: IdempotencyHeaders, response: { 201: MilestoneView, ...errorAnswers(400, 401, 403, 409, 413, 415) } } }, async (request, reply) => {
      const caller = requireCaller(request, 'secretariat');
      const input = request.body;
      // Scope first: another body's secretariat learns nothing, not even whether that body exists.
      assertBodyScope(caller, input.bodyId);
      if (!(await findBody(db, input.bodyId))) throw validationFailed([{ field: 'bodyId', message: 'El órgano colegiado no existe.' }]);
      const milestone: Milestone = { id: creationId(request, 'milestones'), bodyId: input.bodyId, name: input.name, occurredOn: null };
      try {
        await insertMilestone(db, milestone);
      } catch (error) {
        // Its id is the only unique column: the row is this request's, left by
        // an earlier run; answered as that run answered, before it occurred.
        const earlier = isUniqueViolation(error) ? earlierRun(await findMilestone(db, milestone.id), (found) => ({ ...found, occurredOn: null }), milestone) : undefined;
        if (!earlier) throw error;
      }
      return reply.status(201).send(milestone);
    });

    app.get(
      '/milestones',
      {
        schema: {
          ...operation('Hitos', 'Hitos del órgano, primero los que aún no ocurren, con los acuerdos que esperan cada uno'),
          description: 'Secretaría y coordinación consultan su órgano (`bodyId` puede omitirse).',
          querystring: MilestoneListQuery,
          response: { 200: z.array(ListedMilestone), ...errorAnswers(400, 401, 403) },
        },
      },
      async (request) => {
        const caller = requireCaller(request, 'secretariat', 'coordinator');
        const bodyId = bodyReadBy(caller, request.query.bodyId);
        const [milestones, awaiting] = await Promise.all([milestonesOfBody(db, bodyId), awaitingCounts(db, bodyId)]);
        return milestones.map((milestone) => ({ ...milestone, awaiting: awaiting[milestone.id] ?? 0 }));
      },
    );

    app.get('/milestones/:id', { schema: { ...operation('Hitos', 'Consulta un hito'), params: IdParams, querystring: AsOfQuery, response: { 200: MilestoneView, ...errorAnswers(400, 401, 403, 404) } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator');
      const milestone = await findMilestone(db, request.params.id);
      if (!milestone) throw notFound('El hito');
      assertBodyScope(caller, milestone.bodyId);
      const { asOf } = request.query;
      if (asOf === undefined) return milestone;
      const body = await findBody(db, milestone.bodyId);
      if (!body) throw notFound('El órgano colegiado');
      // As of a day before it occurred, it had not yet.
      const day = referenceDay(body, asOf);
      return milestone.occurredOn !== null && compareDates(milestone.occurredOn, day) > 0 ? { ...milestone, occurredOn: null } : milestone;
    });

    // Recorded once; then every agreement of the body anchored on it gets its
    // due date (and with it, its reminders) before the answer. Sending the same
    // day again is safe and dates any agreement a failure left behind.
    app.post('/milestones/:id/occurred', { schema: { ...operation('Hitos', 'Registra que un hito ocurrió y fija los plazos que dependen de él'), params: IdParams, body: OccurredRequest, headers: IdempotencyHeaders, response: { 200: OccurredMilestone, ...errorAnswers(400, 401, 403, 404, 409, 413, 415) } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat');
      const found = await findMilestone(db, request.params.id);
      if (!found) throw notFound('El hito');
      assertBodyScope(caller, found.bodyId);
      const body = await findBody(db, found.bodyId);
      if (!body) throw notFound('El órgano colegiado');
      const { date } = request.body;
      const today = localDateOf(new Date().toISOString(), body.settings.timezone);
      if (compareDates(date, today) > 0) throw validationFailed([{ field: 'date', message: `El hito no puede haber ocurrido en una fecha futura (${formatDmy(date)}).` }]);

      const milestone = await markMilestoneOccurred(db, found.id, date);
      if (!milestone) throw notFound('El hito');
      if (milestone.occurredOn !== date) {
        throw new AppError('CONFLICT', `El hito «${milestone.name}» ya se registró como ocurrido el ${formatDmy(milestone.occurredOn ?? date)}.`, { occurredOn: milestone.occurredOn });
      }

      const dueDatesSet = await dateAgreementsAwaiting(deps, caller, milestone, date);
      return { ...milestone, dueDatesSet };
    });
  };
}
