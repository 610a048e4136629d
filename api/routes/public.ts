import { z } from 'zod';
import { Text } from '../../domain/text.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { endOfDay } from '../../db/agreement-history.js';
import { acronymsOf, findAgreementRow } from '../../db/agreements.js';
import { findBody, listBodies, type Body } from '../../db/bodies.js';
import type { Db } from '../../db/connection.js';
import { dashboardCounts, institutionCompliance } from '../../db/dashboard-queries.js';
import { readStream } from '../../db/event-store.js';
import { findInstitutionByAcronym, findInstitutions } from '../../db/institutions.js';
import { sessionsOfBody } from '../../db/session-lookups.js';
import { agreementStreamId, AgreementStatus, parseAgreementEvent, type Agreement } from '../../domain/agreement/index.js';
import { publicTimeline } from '../../domain/agreement/public-timeline.js';
import { businessCalendar } from '../../domain/calendar.js';
import { complianceRate } from '../../domain/dashboard.js';
import { LocalDate } from '../../domain/dates.js';
import { lightThresholds } from '../../domain/light-filter.js';
import { evaluateSemaforo, Semaforo } from '../../domain/semaforo.js';
import { findAgreements, type FoundAgreement } from '../../app/agreement-finder.js';
import type { AgreementListFilter } from '../../db/agreement-queries.js';
import type { AppDeps } from '../deps.js';
import { AppError } from '../../app/errors.js';
import { listLights } from '../list-lights.js';
import { referenceDay } from '../reference-day.js';
import { operation } from '../operation-doc.js';
import { attachment } from '../reports/content-disposition.js';
import { publicAgreementsCsv } from '../reports/public-csv.js';
import { errorAnswers } from '../responses/error.js';
import { PublicAgreementDetail, PublicAgreementPage, PublicBody, PublicBodyEntry, PublicDownloadAnswer, type PublicAgreement } from '../responses/public-agreement.js';

// The filters of the public list and of its download.
const PublicFilters = z.strictObject({
  bodyId: z.uuid(),
  status: AgreementStatus.optional(),
  semaforo: Semaforo.optional(),
  q: Text(500).optional(),
  institution: Text(100).optional().describe('Siglas de una institución responsable (las de `institutions` de `GET /api/public/bodies/{id}`).'),
  asOf: LocalDate.optional(),
});
type Filters = z.output<typeof PublicFilters>;

const PublicQuery = PublicFilters.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  // The folio number after which the page starts: the nextCursor of the page before.
  cursor: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
});

const DownloadQuery = PublicFilters.extend({ format: z.enum(['csv', 'json']) });
const BodyParams = z.object({ id: z.uuid() });
const AgreementParams = z.object({ id: z.uuid() });
const AgreementQuery = z.strictObject({ bodyId: z.uuid() });

const HIDDEN =
  'Un órgano que no publica su seguimiento (`public: false`) responde 404 igual que uno que no existe. ' +
  'Nunca: correos, notificaciones, archivos (se descargan solo con token), evidencias no públicas, comentarios de revisión, motivos internos, quién hizo qué ni identificadores de tokens o usuarios.';

const FILTERS =
  '`status`, `semaforo` (evaluado en el día de referencia), `q` (busca en el texto, español, sin distinguir acentos), `institution` (siglas de una responsable). ' +
  '`asOf` (AAAA-MM-DD): los acuerdos como estaban al terminar ese día, con el semáforo de ese día.';

const DESCRIPTION =
  'Consulta pública, sin token, de los acuerdos de un órgano que publica su seguimiento. ' +
  'Solo lo que el órgano hace público: folio, sesión, texto, estatus, semáforo y plazo, las siglas de las instituciones responsables con su estado, ' +
  'y las evidencias marcadas `public: true` (descripción, enlaces, fecha y si fue aceptada o rechazada). ' +
  `${HIDDEN} ${FILTERS} Páginas en orden de folio con \`limit\` y \`cursor\` (el \`nextCursor\` de la página anterior).`;

const DOWNLOAD_DESCRIPTION =
  'Datos abiertos: la lista pública completa con los mismos filtros (sin páginas), en `format=csv` (UTF-8 con BOM, las columnas de la tabla del portal) ' +
  `o \`format=json\` (los mismos acuerdos que la lista, con sus evidencias públicas). ${HIDDEN} ${FILTERS}`;

const BODY_DESCRIPTION =
  'El órgano que publica su seguimiento: nombre, siglas, las instituciones responsables de sus acuerdos y el resumen de su ejecución en el día de referencia ' +
  '(hoy en su zona, o `asOf`): cuántos acuerdos hay en proceso, cumplidos, cancelados y vencidos, y el porcentaje cumplido = cumplidos / (en proceso + cumplidos). ' +
  HIDDEN;

const AGREEMENT_DESCRIPTION =
  'Un acuerdo de un órgano que publica su seguimiento (`bodyId`; un acuerdo de otro órgano responde 404 igual que uno que no existe), con sus evidencias públicas y su historia pública (`timeline`): ' +
  'adopción, fecha límite fijada o modificada (con su explicación, sin el motivo interno), vencimiento del plazo, evidencias públicas presentadas y si se aceptaron o rechazaron ' +
  '(sin comentario ni quién revisó), cumplimiento, reapertura y cancelación (solo la fecha). Los recordatorios y escalamientos nunca. ' +
  HIDDEN;

const NOT_PUBLIC = 'El órgano colegiado no existe o no publica sus acuerdos.';

// A body that does not publish is indistinguishable from one that does not exist.
async function publicBody(db: Db, bodyId: string): Promise<Body> {
  const body = await findBody(db, bodyId);
  if (!body?.public) throw new AppError('NOT_FOUND', NOT_PUBLIC);
  return body;
}

type Sessions = ReadonlyMap<string, { label: string; date: string }>;

// One agreement as anyone may see it: what the body publishes, nothing about
// who did what inside the system.
function publicAgreement(body: Body, state: Agreement, sessions: Sessions, acronyms: ReadonlyMap<string, string>, day: LocalDate): PublicAgreement {
  const light = evaluateSemaforo(state, day, businessCalendar(body.settings.nonWorkingDays), body.settings.warningBusinessDays);
  const session = sessions.get(state.sessionId);
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

async function publicAgreements(db: Db, body: Body, states: readonly Agreement[], day: LocalDate): Promise<PublicAgreement[]> {
  const sessions = new Map((await sessionsOfBody(db, body.id)).map((s) => [s.id, s]));
  const acronyms = await acronymsOf(db, [...new Set(states.flatMap((state) => [...state.responsibles.map((r) => r.institutionId), ...state.evidence.map((e) => e.institutionId)]))]);
  return states.map((state) => publicAgreement(body, state, sessions, acronyms, day));
}

// The list filter of a public query, or null when nothing can match (an
// unknown institution, contradictory lights).
async function listFilter(db: Db, body: Body, query: Filters): Promise<AgreementListFilter | null> {
  const { lights, nothing } = listLights([body], query.semaforo, undefined, query.asOf);
  if (nothing) return null;
  let responsibleInstitutionId: string | undefined;
  if (query.institution !== undefined) {
    const institution = await findInstitutionByAcronym(db, query.institution);
    if (!institution) return null;
    responsibleInstitutionId = institution.id;
  }
  return { bodyIds: [body.id], status: query.status, q: query.q, lights, responsibleInstitutionId };
}

// Agreements read per query for a download, which has no pages.
const DOWNLOAD_BATCH = 500;

async function everyAgreement(db: Db, body: Body, filter: AgreementListFilter, asOf: LocalDate | undefined): Promise<FoundAgreement[]> {
  const all: FoundAgreement[] = [];
  let after = filter.after;
  for (;;) {
    const found = await findAgreements(db, new Map([[body.id, body]]), { ...filter, after }, asOf, DOWNLOAD_BATCH);
    all.push(...found.slice(0, DOWNLOAD_BATCH));
    const last = found[DOWNLOAD_BATCH - 1];
    if (found.length <= DOWNLOAD_BATCH || !last) return all;
    after = last.key;
  }
}

export function publicRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/public/agreements', { schema: { ...operation('Público', 'Consulta pública de los acuerdos de un órgano'), querystring: PublicQuery, description: DESCRIPTION, security: [], response: { 200: PublicAgreementPage, ...errorAnswers(400, 404) } } }, async (request) => {
      const { limit, cursor, ...filters } = request.query;
      const body = await publicBody(db, filters.bodyId);
      const day = referenceDay(body, filters.asOf);
      const filter = await listFilter(db, body, filters);
      if (!filter) return { items: [], nextCursor: null };
      const rows = await findAgreements(db, new Map([[body.id, body]]), { ...filter, after: cursor === undefined ? undefined : { bodyId: body.id, seq: cursor } }, filters.asOf, limit);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: await publicAgreements(db, body, page.map((row) => row.state), day),
        nextCursor: rows.length > limit && last ? String(last.key.seq) : null,
      };
    });

    app.get('/public/agreements/download', { schema: { ...operation('Público', 'Descarga de datos abiertos de los acuerdos de un órgano (CSV o JSON)'), querystring: DownloadQuery, description: DOWNLOAD_DESCRIPTION, security: [], response: { 200: PublicDownloadAnswer, ...errorAnswers(400, 404) } } }, async (request, reply) => {
      const { format, ...filters } = request.query;
      const body = await publicBody(db, filters.bodyId);
      const day = referenceDay(body, filters.asOf);
      const filter = await listFilter(db, body, filters);
      const found = filter ? await everyAgreement(db, body, filter, filters.asOf) : [];
      const items = await publicAgreements(db, body, found.map((row) => row.state), day);
      const filename = `acuerdos-${body.acronym}-${day}`;
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', attachment(`${filename}.csv`)).send(publicAgreementsCsv(items));
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', attachment(`${filename}.json`))
        .send({ body: { name: body.name, acronym: body.acronym }, day, items });
    });

    app.get('/public/agreements/:id', { schema: { ...operation('Público', 'Consulta pública de un acuerdo con su historia'), params: AgreementParams, querystring: AgreementQuery, description: AGREEMENT_DESCRIPTION, security: [], response: { 200: PublicAgreementDetail, ...errorAnswers(400, 404) } } }, async (request) => {
      const body = await publicBody(db, request.query.bodyId);
      const row = await findAgreementRow(db, request.params.id);
      if (!row || row.body_id !== body.id) throw new AppError('NOT_FOUND', 'El acuerdo no existe o no es de este órgano.');
      const events = (await readStream(db, agreementStreamId(row.id))).map((stored) => ({ event: parseAgreementEvent(stored), occurredAt: stored.occurredAt }));
      const [agreement] = await publicAgreements(db, body, [row.state], referenceDay(body, undefined));
      if (!agreement) throw new AppError('NOT_FOUND', 'El acuerdo no existe o no es de este órgano.');
      const acronyms = await acronymsOf(db, [...new Set(row.state.evidence.map((e) => e.institutionId))]);
      return { ...agreement, timeline: publicTimeline(events, (id) => acronyms.get(id) ?? '', body.settings.timezone) };
    });

    app.get('/public/bodies', { schema: { ...operation('Público', 'Órganos que publican su seguimiento'), description: 'Los órganos colegiados con `public: true`, por siglas: la portada de la consulta pública. Los demás no aparecen.', querystring: z.strictObject({}), security: [], response: { 200: z.array(PublicBodyEntry), ...errorAnswers(400) } } }, async () => {
      const bodies = await listBodies(db);
      return bodies.filter((body) => body.public).map((body) => ({ id: body.id, name: body.name, acronym: body.acronym }));
    });

    app.get('/public/bodies/:id', { schema: { ...operation('Público', 'Órgano que publica su seguimiento, con el resumen de su ejecución'), params: BodyParams, querystring: z.strictObject({ asOf: LocalDate.optional() }), description: BODY_DESCRIPTION, security: [], response: { 200: PublicBody, ...errorAnswers(400, 404) } } }, async (request) => {
      const body = await publicBody(db, request.params.id);
      const { asOf } = request.query;
      const day = referenceDay(body, asOf);
      const thresholds = lightThresholds(day, businessCalendar(body.settings.nonWorkingDays), body.settings.warningBusinessDays);
      const scope = { bodyId: body.id, cutoff: asOf === undefined ? null : endOfDay(asOf, body.settings.timezone) };
      const [{ totals }, byInstitution] = await Promise.all([dashboardCounts(db, scope, thresholds), institutionCompliance(db, scope, thresholds)]);
      const institutions = await findInstitutions(db, byInstitution.map((row) => row.institutionId));
      return {
        name: body.name,
        acronym: body.acronym,
        day,
        summary: {
          total: totals.en_proceso + totals.cumplido + totals.cancelado,
          enProceso: totals.en_proceso,
          cumplidos: totals.cumplido,
          cancelados: totals.cancelado,
          vencidos: totals.vencidos,
          complianceRate: complianceRate({ enProceso: totals.en_proceso, cumplidos: totals.cumplido }),
        },
        institutions: institutions.map((i) => ({ acronym: i.acronym, name: i.name })).sort((a, b) => a.acronym.localeCompare(b.acronym, 'es')),
      };
    });
  };
}
