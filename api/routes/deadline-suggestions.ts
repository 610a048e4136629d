import { z } from 'zod';
import { Text } from '../../domain/text.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findBody } from '../../db/bodies.js';
import { milestonesOfBody } from '../../db/milestones.js';
import { findSession } from '../../db/sessions.js';
import { businessCalendar } from '../../domain/calendar.js';
import { localDateOf } from '../../domain/dates.js';
import { evaluateDeadline } from '../../domain/deadline.js';
import { completeRule, suggestDeadline } from '../../domain/deadline-suggestion.js';
import { assertBodyScope } from '../../app/access.js';
import { validationFailed } from '../../app/errors.js';
import { requireCaller } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { DeadlineSuggestionView } from '../responses/deadline-suggestion.js';

const SuggestionRequest = z.strictObject({
  text: Text(20_000),
  bodyId: z.uuid(),
  sessionId: z.uuid().optional().describe('La sesión que adopta el acuerdo: su fecha es la de adopción. Sin ella, hoy en la zona del órgano.'),
});

// Reads a deadline from an agreement's text for the registration form and the
// import's review. It records nothing; it takes an Idempotency-Key like every
// POST, so a client that sends one with every submission is not refused.
export function deadlineSuggestionRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/deadline-suggestions',
      {
        schema: {
          ...operation('Acuerdos', 'Sugiere el plazo que enuncia el texto de un acuerdo'),
          body: SuggestionRequest,
          headers: IdempotencyHeaders,
          response: { 200: DeadlineSuggestionView, ...errorAnswers(400, 401, 403, 409, 413, 415) },
        },
      },
      async (request) => {
        const caller = requireCaller(request, 'secretariat');
        const { text, bodyId, sessionId } = request.body;
        // Scope first: another body's secretariat learns nothing, not even whether that body exists.
        assertBodyScope(caller, bodyId);
        const body = await findBody(db, bodyId);
        if (!body) throw validationFailed([{ field: 'bodyId', message: 'El órgano colegiado no existe.' }]);
        const session = sessionId === undefined ? undefined : await findSession(db, sessionId);
        if (sessionId !== undefined && session?.bodyId !== bodyId) {
          throw validationFailed([{ field: 'sessionId', message: 'La sesión no existe en este órgano colegiado.' }]);
        }
        const adoptedOn = session?.date ?? localDateOf(new Date().toISOString(), body.settings.timezone);
        const milestones = await milestonesOfBody(db, bodyId);
        const suggestion = suggestDeadline(text, { adoptedOn, milestones });
        if (!suggestion) return { suggestion: null };
        const rule = completeRule(suggestion.deadline);
        const due = rule
          ? evaluateDeadline(rule, {
              adoptedOn,
              calendar: businessCalendar(body.settings.nonWorkingDays),
              milestoneDates: Object.fromEntries(milestones.flatMap((m) => (m.occurredOn ? [[m.id, m.occurredOn]] : []))),
            })
          : { dueDate: null, explanation: 'Cuenta a partir de un hito que el órgano aún no tiene registrado; regístrelo para que el plazo corra cuando ocurra.' };
        return { suggestion: { ...suggestion, dueDate: due.dueDate, dueDateExplanation: due.explanation } };
      },
    );
  };
}
