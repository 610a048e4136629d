import { z } from 'zod';
import { Text } from '../../domain/text.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acronymsOf } from '../../db/agreements.js';
import { findBody } from '../../db/bodies.js';
import { sessionsOfBody } from '../../db/session-lookups.js';
import { AgreementStatus, type Agreement } from '../../domain/agreement/index.js';
import { businessCalendar } from '../../domain/calendar.js';
import { LocalDate } from '../../domain/dates.js';
import { evaluateSemaforo, type Light } from '../../domain/semaforo.js';
import { findAgreements } from '../../app/agreement-finder.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../../app/errors.js';
import { referenceDay } from '../reference-day.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { PublicAgreementPage, type PublicAgreement } from '../responses/public-agreement.js';

const PublicQuery = z.strictObject({
  bodyId: z.uuid(),
  status: AgreementStatus.optional(),
  q: Text(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // The folio number after which the page starts: the nextCursor of the page before.
  cursor: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
  asOf: LocalDate.optional(),
});

const DESCRIPTION =
  'Consulta pública, sin token, de los acuerdos de un órgano que publica su seguimiento (`public: true`; cualquier otro responde 404 como si no existiera). ' +
  'Solo lo que el órgano hace público: folio, sesión, texto, estatus, semáforo y plazo, las siglas de las instituciones responsables con su estado, ' +
  'y las evidencias marcadas `public: true` (descripción, enlaces, fecha y si fue aceptada o rechazada). ' +
  'Nunca: correos, notificaciones, archivos (se descargan solo con token), comentarios de revisión, quién revisó ni identificadores de tokens o usuarios. ' +
  '`q` busca en el texto (español, sin distinguir acentos). Páginas en orden de folio con `limit` y `cursor` (el `nextCursor` de la página anterior). ' +
  '`asOf` (AAAA-MM-DD): los acuerdos como estaban al terminar ese día, con el semáforo de ese día.';

// One agreement as anyone may see it: what the body publishes, nothing about
// who did what inside the system.
function publicAgreement(state: Agreement, session: { label: string; date: string } | undefined, acronyms: ReadonlyMap<string, string>, light: Light): PublicAgreement {
  return {
    id: state.agreementId,
    folio: state.folio,
    session: session ? { label: session.label, date: session.date } : null,
    text: state.text,
    themes: state.themes,
    status: state.status,
    semaforo: light.semaforo,
    dueDate: state.dueDate,
    dueDateExplanation: state.dueDateExplanation,
    daysOverdue: light.daysOverdue,
    fulfilledOn: state.fulfilledOn,
    responsibles: state.responsibles.map((r) => ({ acronym: acronyms.get(r.institutionId) ?? '', state: r.state })),
    evidence: state.evidence
      .filter((e) => e.public)
      .map((e) => ({
        id: e.id,
        institution: acronyms.get(e.institutionId) ?? '',
        description: e.description,
        links: e.links,
        submittedAt: e.submittedAt,
        review: e.review ? { decision: e.review.decision, reviewedAt: e.review.reviewedAt } : null,
      })),
  };
}

export function publicRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/public/agreements', { schema: { ...operation('Público', 'Consulta pública de los acuerdos de un órgano'), querystring: PublicQuery, description: DESCRIPTION, security: [], response: { 200: PublicAgreementPage, ...errorAnswers(400, 404) } } }, async (request) => {
      const { bodyId, status, q, limit, cursor, asOf } = request.query;
      const body = await findBody(db, bodyId);
      // A body that does not publish is indistinguishable from one that does not exist.
      if (!body?.public) throw new AppError('NOT_FOUND', 'El órgano colegiado no existe o no publica sus acuerdos.');
      const day = referenceDay(body, asOf);
      const rows = await findAgreements(db, new Map([[bodyId, body]]), { bodyIds: [bodyId], status, q, after: cursor === undefined ? undefined : { bodyId, seq: cursor } }, asOf, limit);
      const page = rows.slice(0, limit);
      const sessions = new Map((await sessionsOfBody(db, bodyId)).map((s) => [s.id, s]));
      const acronyms = await acronymsOf(db, [...new Set(page.flatMap((row) => row.state.responsibles.map((r) => r.institutionId)))]);
      const calendar = businessCalendar(body.settings.nonWorkingDays);
      const last = page.at(-1);
      return {
        items: page.map((row) =>
          publicAgreement(row.state, sessions.get(row.state.sessionId), acronyms, evaluateSemaforo(row.state, day, calendar, body.settings.warningBusinessDays)),
        ),
        nextCursor: rows.length > limit && last ? String(last.key.seq) : null,
      };
    });
  };
}
