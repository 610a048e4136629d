import { z } from 'zod';
import { Text } from '../../domain/text.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { agreementsAsOf } from '../../db/agreement-history.js';
import { findBody } from '../../db/bodies.js';
import { isUniqueViolation } from '../../db/errors.js';
import { agreementCounts, sessionsOfBody } from '../../db/session-lookups.js';
import { findSession, insertSession, type Session } from '../../db/sessions.js';
import { addDays, formatDmy, LocalDate } from '../../domain/dates.js';
import { numberRequired, SessionKind, sessionLabel } from '../../domain/session-label.js';
import { agreementViews } from '../agreement-view.js';
import type { AppDeps } from '../deps.js';
import { assertBodyScope, bodyReadBy } from '../../app/access.js';
import { requireCaller } from '../auth.js';
import { AppError, notFound, validationFailed } from '../../app/errors.js';
import { earlierRun } from '../../app/idempotency.js';
import { creationId } from '../idempotency.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { AgreementView } from '../responses/agreement.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { ListedSession, SessionView } from '../responses/reference-data.js';

const NewSessionRequest = z
  .strictObject({
    bodyId: z.uuid(),
    kind: SessionKind,
    number: z.number().int().min(1).max(99).optional().describe('Obligatorio para las sesiones ordinarias y extraordinarias; una sesión permanente puede no tenerlo: la identifica su fecha.'),
    date: LocalDate,
    label: Text(300).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.number === undefined && numberRequired(input.kind)) {
      ctx.addIssue({ code: 'custom', path: ['number'], message: `Una sesión ${input.kind} necesita su número.` });
    }
  });

const AGENDA_DESCRIPTION =
  'Punto de seguimiento de acuerdos del orden del día: los acuerdos que siguen en proceso en la fecha de la sesión, leída como ' +
  'en proceso al iniciar el día de la sesión (en la zona horaria del órgano), en orden de folio, con el semáforo y los días de atraso ' +
  'evaluados en la fecha de la sesión. Por eso aparece un acuerdo cumplido o cancelado ese mismo día (se informa en la sesión) ' +
  'y no aparecen los que la sesión adopta (se les da seguimiento a partir de la siguiente). ' +
  'Una sesión aún no celebrada muestra los acuerdos como están hoy.';

const SessionListQuery = z.strictObject({ bodyId: z.uuid().optional() });

const Agenda = z.object({ session: SessionView, items: z.array(AgreementView) });

function sessionJson(session: Session): SessionView {
  // The column is text; what it holds was validated on the way in.
  return { id: session.id, label: session.label, bodyId: session.bodyId, kind: SessionKind.parse(session.kind), number: session.number, date: session.date };
}

export function sessionRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // The "seguimiento de acuerdos" item of a session's agenda: the contract's
    // agreements "still en_proceso at that session's date", read as at the
    // start of that day, i.e. as they stood at the end of the day before: what
    // is fulfilled that day is reported in the session, and what the session
    // adopts is followed up from the next one. The semáforo and days overdue
    // are evaluated on the session's date. A session not yet held shows the
    // agreements as they stand now.
    app.get('/sessions/:id/agenda', { schema: { ...operation('Sesiones', 'Seguimiento de acuerdos para el orden del día de una sesión'), params: z.object({ id: z.uuid() }), description: AGENDA_DESCRIPTION, response: { 200: Agenda, ...errorAnswers(400, 401, 403, 404) } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator');
      const session = await findSession(db, request.params.id);
      if (!session) throw notFound('La sesión');
      assertBodyScope(caller, session.bodyId);
      const body = await findBody(db, session.bodyId);
      if (!body) throw notFound('El órgano colegiado');
      const eve = addDays(session.date, -1);
      const pending = (await agreementsAsOf(db, { bodyId: body.id }, eve, body.settings.timezone))
        .filter((a) => a.state.status === 'en_proceso')
        .sort((a, b) => a.state.seq - b.state.seq);
      return {
        session: sessionJson(session),
        items: await agreementViews(
          db,
          pending.map((a) => ({ body, state: a.state, version: a.version })),
          session.date,
        ),
      };
    });

    app.get(
      '/sessions',
      {
        schema: {
          ...operation('Sesiones', 'Sesiones del órgano, la más reciente primero, con cuántos acuerdos adoptó cada una'),
          description: 'Secretaría y coordinación consultan su órgano (`bodyId` puede omitirse).',
          querystring: SessionListQuery,
          response: { 200: z.array(ListedSession), ...errorAnswers(400, 401, 403) },
        },
      },
      async (request) => {
        const caller = requireCaller(request, 'secretariat', 'coordinator');
        const bodyId = bodyReadBy(caller, request.query.bodyId);
        const [sessions, counts] = await Promise.all([sessionsOfBody(db, bodyId), agreementCounts(db, bodyId)]);
        return sessions.reverse().map((session) => ({ ...sessionJson(session), agreementCount: counts[session.id] ?? 0 }));
      },
    );

    app.post('/sessions', { schema: { ...operation('Sesiones', 'Registra una sesión del órgano'), body: NewSessionRequest, headers: IdempotencyHeaders, response: { 201: SessionView, ...errorAnswers(400, 401, 403, 409, 413, 415) } } }, async (request, reply) => {
      const caller = requireCaller(request, 'secretariat');
      const input = request.body;
      // Scope first: another body's secretariat learns nothing, not even whether that body exists.
      assertBodyScope(caller, input.bodyId);
      if (!(await findBody(db, input.bodyId))) throw validationFailed([{ field: 'bodyId', message: 'El órgano colegiado no existe.' }]);
      const number = input.number ?? null;
      const session: Session = { id: creationId(request, 'sessions'), ...input, number, label: input.label ?? sessionLabel(input.kind, number) };
      try {
        await insertSession(db, session);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const earlier = earlierRun(await findSession(db, session.id), (found) => found, session);
        if (!earlier) throw new AppError('CONFLICT', `La ${session.label}${number === null ? ` del ${formatDmy(session.date)}` : ''} ya está registrada.`);
        return reply.status(201).send(sessionJson(earlier));
      }
      return reply.status(201).send(sessionJson(session));
    });
  };
}
