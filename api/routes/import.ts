import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findAgreementRow } from '../../db/agreements.js';
import { findBody, type Body } from '../../db/bodies.js';
import type { Db } from '../../db/connection.js';
import { isUniqueViolation } from '../../db/errors.js';
import { canonicalJson } from '../../db/hash-chain.js';
import { institutionIdsByAcronym, milestonesByName } from '../../db/reference-lookups.js';
import { sessionsOfBody } from '../../db/session-lookups.js';
import { findSession, insertSession, type Session } from '../../db/sessions.js';
import { formatDmy, localDateOf } from '../../domain/dates.js';
import type { DeadlineRule } from '../../domain/deadline.js';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, parseImportRows, type ImportRow, type RowError, type SessionRef } from '../../domain/import-row.js';
import { notYetHeld } from '../../domain/session-held.js';
import { sessionLabel, type SessionKind } from '../../domain/session-label.js';
import { registerAgreement } from '../../app/registration.js';
import type { AppDeps } from '../deps.js';
import { assertBodyScope } from '../../app/access.js';
import { requireCaller } from '../auth.js';
import { AppError, notFound } from '../../app/errors.js';
import { actorOf } from '../../app/principal.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { ImportAnswers } from '../responses/import.js';
import { idempotentId } from '../../app/idempotency.js';

const IMPORT_BODY_LIMIT = 2 * 1024 * 1024;

const ImportQuery = z.strictObject({ bodyId: z.uuid() });

const DESCRIPTION = `Importa acuerdos de un archivo CSV (cuerpo \`text/csv\`, UTF-8 con o sin BOM, separado por comas, RFC 4180, hasta 2 MB y ${IMPORT_MAX_ROWS} filas) al órgano \`bodyId\`.
Encabezado (en cualquier orden): ${IMPORT_COLUMNS.map((c) => `\`${c}\``).join(', ')} (\`themes\` es opcional).
- \`session\`: el id de una sesión del órgano, o \`<tipo> <número> <AAAA-MM-DD>\` (p. ej. \`ordinaria 21 2020-09-30\`). Si el órgano no tiene esa sesión, la importación la crea con su etiqueta por omisión; si la tiene con otra fecha, es un error. La fecha no puede ser futura.
- \`text\`: el texto del acuerdo.
- \`responsibles\`: siglas de las instituciones responsables separadas por \`;\` (p. ej. \`INMUJERES; SHCP\`), sin distinguir mayúsculas.
- \`deadline\`: \`none\`; una fecha \`2021-03-31\`; \`15bd\` (días hábiles), \`30d\` (días naturales) o \`3m\` (meses) contados desde la adopción, o desde \`@2021-01-15\` o \`@milestone:<nombre de un hito del órgano>\` (p. ej. \`3m@milestone:Publicación del PROIGUALDAD\`); o el fin de un periodo: \`Q1-2021\`…\`Q4-2021\`, \`H1-2021\`, \`H2-2021\`, \`2021\`.
- \`themes\`: temas separados por \`;\`.

Todo o nada: primero se revisan todas las filas. Con cualquier error responde 400 con \`{created: 0, errors: [{row, message}]}\` (fila como la numera una hoja de cálculo: el encabezado es la 1; la fila 0 es el archivo entero) y el sobre de error habitual en \`error\`, y no registra nada. Sin errores responde 200 con \`{created, errors: [], agreements: [{row, id, folio}]}\`: los acuerdos se registran en el orden del archivo (los folios siguen ese orden).
Reintentos: los acuerdos toman un id derivado del órgano y del contenido del archivo, así que enviar de nuevo el mismo archivo (p. ej. tras un corte a la mitad) completa lo que faltó y no duplica nada.`;

// The file as records, or where it stops being CSV.
function readCsv(text: string): { records: string[][] } | { error: RowError } {
  try {
    return { records: parse(text, { bom: true, relax_column_count: true }) as string[][] };
  } catch (error) {
    const records = typeof error === 'object' && error !== null && 'records' in error && typeof error.records === 'number' ? error.records : 0;
    return { error: { row: records + 1, message: 'El CSV está mal formado a partir de esta fila: revise las comillas (un campo entre comillas debe cerrarlas, y las comillas dentro de él se escriben dobles "").' } };
  }
}

interface Resolved {
  row: ImportRow;
  session: Session | { kind: SessionKind; number: number; date: string; create: true };
  responsibleInstitutionIds: string[];
  deadline: DeadlineRule;
}

// The references of every row looked up in the body: sessions, institutions,
// milestones. Sessions named by kind and number that the body lacks are
// created by the import, once, with the date the rows agree on.
async function resolveRows(db: Db, body: Body, rows: readonly ImportRow[]): Promise<{ resolved: Resolved[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  const today = localDateOf(new Date().toISOString(), body.settings.timezone);
  const existing = await sessionsOfBody(db, body.id);
  const byNumber = new Map(existing.map((s) => [`${s.kind}:${s.number}`, s]));
  const byId = new Map(existing.map((s) => [s.id, s]));
  const institutions = await institutionIdsByAcronym(db, rows.flatMap((r) => r.responsibles));
  const milestones = await milestonesByName(db, body.id, rows.flatMap((r) => ('milestoneName' in r.deadline ? [r.deadline.milestoneName] : [])));
  const newSessions = new Map<string, { date: string; row: number }>();

  const sessionOf = (ref: SessionRef, row: number): Resolved['session'] | string => {
    if ('id' in ref) return byId.get(ref.id) ?? `La sesión ${ref.id} no existe en este órgano colegiado.`;
    const key = `${ref.kind}:${ref.number}`;
    const known = byNumber.get(key);
    const label = sessionLabel(ref.kind, ref.number);
    if (known) return known.date === ref.date ? known : `La ${label} ya está registrada con fecha ${formatDmy(known.date)}, no ${formatDmy(ref.date)}.`;
    const first = newSessions.get(key);
    if (first && first.date !== ref.date) return `La ${label} tiene fecha ${formatDmy(first.date)} en la fila ${first.row} y ${formatDmy(ref.date)} en esta.`;
    if (!first) newSessions.set(key, { date: ref.date, row });
    return { ...ref, create: true };
  };

  const resolved: Resolved[] = [];
  for (const row of rows) {
    const problems: string[] = [];
    const session = sessionOf(row.session, row.row);
    if (typeof session === 'string') problems.push(session);
    else {
      const early = notYetHeld(session.date, today);
      if (early) problems.push(early);
    }
    const unknown = row.responsibles.filter((acronym) => !institutions.has(acronym.toLowerCase()));
    if (unknown.length > 0) problems.push(`Instituciones desconocidas: ${unknown.join(', ')}. Regístrelas antes (POST /api/institutions) o corrija las siglas.`);
    let deadline: DeadlineRule | undefined;
    if ('rule' in row.deadline) deadline = row.deadline.rule;
    else {
      const milestone = milestones.get(row.deadline.milestoneName.toLowerCase());
      if (milestone) deadline = row.deadline.anchoredOn(milestone.id);
      else problems.push(`El hito "${row.deadline.milestoneName}" no existe en este órgano colegiado; regístrelo antes (POST /api/milestones).`);
    }
    if (problems.length > 0 || typeof session === 'string' || !deadline) {
      errors.push(...problems.map((message) => ({ row: row.row, message })));
      continue;
    }
    const responsibleInstitutionIds = [...new Set(row.responsibles.map((acronym) => institutions.get(acronym.toLowerCase()) ?? ''))];
    resolved.push({ row, session, responsibleInstitutionIds, deadline });
  }
  return { resolved, errors };
}

// A session the import creates gets an id named after the body, kind and
// number, so a retried import finds the one the first attempt created.
async function ensureSession(db: Db, bodyId: string, wanted: Resolved['session'], created: Map<string, Session>): Promise<Session> {
  if (!('create' in wanted)) return wanted;
  const key = `${wanted.kind}:${wanted.number}`;
  const done = created.get(key);
  if (done) return done;
  const session: Session = {
    id: idempotentId(`import-session:${bodyId}`, key),
    bodyId,
    kind: wanted.kind,
    number: wanted.number,
    date: wanted.date,
    label: sessionLabel(wanted.kind, wanted.number),
  };
  try {
    await insertSession(db, session);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const stored = (await findSession(db, session.id)) ?? (await sessionsOfBody(db, bodyId)).find((s) => `${s.kind}:${s.number}` === key);
  if (!stored) throw new Error(`la sesión ${key} no quedó registrada`);
  created.set(key, stored);
  return stored;
}

function refused(errors: RowError[]) {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const message = `La importación tiene ${sorted.length === 1 ? 'un error' : `${sorted.length} errores`}; no se registró nada.`;
  return { created: 0, errors: sorted, error: { code: 'VALIDATION_FAILED', message, details: sorted } };
}

export function importRoutes({ db, temporal, taskQueue }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Only this plugin reads CSV bodies. Fastify decodes them as UTF-8; bytes
    // that are not UTF-8 become U+FFFD, which the row checks report.
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));

    app.post(
      '/import/agreements',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          querystring: ImportQuery,
          headers: IdempotencyHeaders,
          body: z.string().describe('El archivo CSV.'),
          consumes: ['text/csv'],
          description: DESCRIPTION,
          response: ImportAnswers,
        },
        // Anything but CSV is the wrong kind of file, not a malformed one.
        preValidation: async (request) => {
          const type = String(request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
          if (type !== 'text/csv') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Envíe el archivo como text/csv (UTF-8).');
        },
      },
      async (request, reply) => {
        const caller = requireCaller(request, 'secretariat');
        const { bodyId } = request.query;
        assertBodyScope(caller, bodyId);
        const body = await findBody(db, bodyId);
        if (!body) throw notFound('El órgano colegiado');

        const csv = readCsv(request.body);
        if ('error' in csv) return reply.status(400).send(refused([csv.error]));
        const parsed = parseImportRows(csv.records);
        const { resolved, errors } = await resolveRows(db, body, parsed.rows);
        const allErrors = [...parsed.errors, ...errors];
        if (allErrors.length > 0) return reply.status(400).send(refused(allErrors));

        // Named after the body and the rows' content (not the bytes: a BOM or
        // line ends changed by an editor still name the same agreements).
        const digest = createHash('sha256')
          .update(canonicalJson({ bodyId, records: csv.records }))
          .digest('hex');
        const actor = actorOf(caller.principal, caller.tokenId);
        const sessions = new Map<string, Session>();
        const agreements: { row: number; id: string; folio: string }[] = [];
        // One after the other: folios follow the order of the file.
        for (const item of resolved) {
          const session = await ensureSession(db, bodyId, item.session, sessions);
          const agreementId = idempotentId(`import:${bodyId}:${digest}`, String(item.row.row));
          await registerAgreement(
            temporal,
            taskQueue,
            {
              agreementId,
              session,
              text: item.row.text,
              themes: item.row.themes,
              responsibleInstitutionIds: item.responsibleInstitutionIds,
              deadline: item.deadline,
              actor,
            },
            undefined,
          );
          const stored = await findAgreementRow(db, agreementId);
          if (!stored) throw new Error(`el acuerdo ${agreementId} no quedó registrado`);
          agreements.push({ row: item.row.row, id: agreementId, folio: stored.folio });
        }
        return reply.status(200).send({ created: agreements.length, errors: [], agreements });
      },
    );
  };
}
