import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changedSince, endOfDay, foldAsOf, type AgreementAsOf } from '../../db/agreement-history.js';
import { agreementStates, bodiesOfInstitution, listAgreementKeys, listAgreements, type AgreementListFilter, type FolioKey } from '../../db/agreement-queries.js';
import { findBody, type Body } from '../../db/bodies.js';
import type { Db } from '../../db/connection.js';
import { AgreementStatus, type Agreement } from '../../domain/agreement/index.js';
import { businessCalendar } from '../../domain/calendar.js';
import { LocalDate } from '../../domain/dates.js';
import { acceptedLights, lightCondition, meetsCondition, type LightCondition } from '../../domain/light-filter.js';
import { Semaforo } from '../../domain/semaforo.js';
import { agreementViews } from '../agreement-view.js';
import type { AppDeps } from '../app.js';
import { assertBodyScope, requireCaller, type Caller } from '../auth.js';
import { forbidden, validationFailed } from '../errors.js';
import { referenceDay } from '../reference-day.js';
import { AgreementPage } from '../responses/agreement.js';
import { errorAnswers } from '../responses/error.js';

// The cursor is the folio key of the last agreement of a page, as base64url
// JSON: opaque to clients, and anything that does not decode to a key is refused.
// seq is an integer column: a larger number is no cursor of ours (and PostgreSQL would refuse it).
const CursorKey = z.tuple([z.uuid(), z.number().int().min(0).max(2_147_483_647)]);

function encodeCursor(key: FolioKey): string {
  return Buffer.from(JSON.stringify([key.bodyId, key.seq])).toString('base64url');
}

function decodeCursor(cursor: string): FolioKey | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const bytes = Buffer.from(cursor, 'base64url');
  // Buffer drops what it cannot decode; a faithful cursor encodes back to itself.
  if (bytes.toString('base64url') !== cursor) return undefined;
  try {
    const parsed = CursorKey.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? { bodyId: parsed.data[0], seq: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}

const Cursor = z
  .string()
  .max(200)
  .transform((cursor, ctx) => {
    const key = decodeCursor(cursor);
    if (key) return key;
    ctx.addIssue({ code: 'custom', message: 'Cursor inválido: use el nextCursor de la página anterior sin modificarlo.' });
    return z.NEVER;
  });

const ListQuery = z.strictObject({
  bodyId: z.uuid().optional(),
  status: AgreementStatus.optional(),
  semaforo: Semaforo.optional(),
  institutionId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  q: z.string().trim().min(1).max(500).optional(),
  asOf: LocalDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: Cursor.optional(),
});
type ListQuery = z.output<typeof ListQuery>;

const DESCRIPTION =
  'Acuerdos en orden de folio (órgano, número), paginados con `cursor` (el `nextCursor` de la página anterior; null en la última). ' +
  'Secretaría y coordinación indican `bodyId` (su órgano); una institución ve solo los acuerdos de los que es responsable. ' +
  '`q` busca en el texto (español, sin distinguir acentos). `semaforo` y `overdue` se evalúan en el día de referencia: hoy en la zona del órgano, o `asOf`; ' +
  'con `asOf` todo el resultado es el estado al final de ese día.';

// Agreements scanned per query when the light must be read from the state as
// of a past day rather than from the read model's columns.
const AS_OF_BATCH = 500;

interface Scope {
  bodies: Map<string, Body>;
  responsibleInstitutionId: string | undefined;
}

// Which bodies and which institution's agreements the caller may list.
async function scopeOf(db: Db, caller: Caller, query: ListQuery): Promise<Scope> {
  const p = caller.principal;
  let bodyIds: string[];
  let responsibleInstitutionId = query.institutionId;
  if (p.role === 'institution') {
    if (query.institutionId !== undefined && query.institutionId !== p.institutionId) {
      throw forbidden('Una institución solo consulta los acuerdos de los que es responsable.');
    }
    responsibleInstitutionId = p.institutionId;
    bodyIds = query.bodyId === undefined ? await bodiesOfInstitution(db, p.institutionId) : [query.bodyId];
  } else {
    if (query.bodyId === undefined) throw validationFailed([{ field: 'bodyId', message: 'Indique el órgano colegiado.' }]);
    assertBodyScope(caller, query.bodyId);
    bodyIds = [query.bodyId];
  }
  const bodies = new Map<string, Body>();
  for (const id of bodyIds) {
    const body = await findBody(db, id);
    if (!body) throw validationFailed([{ field: 'bodyId', message: 'El órgano colegiado no existe.' }]);
    bodies.set(id, body);
  }
  return { bodies, responsibleInstitutionId };
}

interface Found {
  key: FolioKey;
  body: Body;
  state: Agreement;
  version: number;
}

export function agreementListRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  // Lists of the present: the read model's columns answer every filter, so
  // the database pages them.
  async function listNow(scope: Scope, filter: AgreementListFilter, limit: number): Promise<Found[]> {
    const rows = await listAgreements(db, filter, limit + 1);
    return rows.flatMap((row) => {
      const body = scope.bodies.get(row.bodyId);
      return body ? [{ key: { bodyId: row.bodyId, seq: row.seq }, body, state: row.state, version: row.version }] : [];
    });
  }

  // Lists of a past day: an agreement that changed after it is folded as of
  // that day, the others stood then as the read model has them now. Candidates
  // are read in folio order and checked here until one more than a page is
  // found. Text, session and responsibles never change, so the database still
  // filters by them.
  async function listAsOf(scope: Scope, filter: AgreementListFilter, asOf: LocalDate, limit: number): Promise<Found[]> {
    const pastByBody = new Map<string, { changed: Set<string>; folded: Map<string, AgreementAsOf> }>();
    const pastOf = async (body: Body) => {
      let past = pastByBody.get(body.id);
      if (!past) {
        const cutoff = endOfDay(asOf, body.settings.timezone);
        const changed = await changedSince(db, { bodyId: body.id }, cutoff);
        past = { changed, folded: new Map((await foldAsOf(db, [...changed], cutoff)).map((p) => [p.state.agreementId, p])) };
        pastByBody.set(body.id, past);
      }
      return past;
    };
    const { status, lights, ...stable } = filter;
    const matches: { key: FolioKey; id: string; body: Body; folded: AgreementAsOf | undefined }[] = [];
    let after = filter.after;
    scan: for (;;) {
      const candidates = await listAgreementKeys(db, { ...stable, after }, AS_OF_BATCH);
      for (const candidate of candidates) {
        const body = scope.bodies.get(candidate.bodyId);
        if (!body) continue;
        const past = await pastOf(body);
        const folded = past.folded.get(candidate.id);
        if (past.changed.has(candidate.id) && !folded) continue;
        const then = folded?.state ?? candidate;
        if (status !== undefined && then.status !== status) continue;
        if (lights && !(lights.get(candidate.bodyId) ?? []).some((condition) => meetsCondition(then, condition))) continue;
        matches.push({ key: candidate, id: candidate.id, body, folded });
        if (matches.length > limit) break scan;
      }
      const last = candidates.at(-1);
      if (candidates.length < AS_OF_BATCH || !last) break;
      after = last;
    }
    const current = new Map((await agreementStates(db, matches.filter((m) => !m.folded).map((m) => m.id))).map((entry) => [entry.state.agreementId, entry]));
    return matches.flatMap(({ key, id, body, folded }) => {
      const entry = folded ?? current.get(id);
      return entry ? [{ key, body, state: entry.state, version: entry.version }] : [];
    });
  }

  return async (app) => {
    app.get('/agreements', { schema: { querystring: ListQuery, description: DESCRIPTION, response: { 200: AgreementPage, ...errorAnswers(400, 401, 403, 404) } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator', 'institution');
      const query = request.query;
      const scope = await scopeOf(db, caller, query);
      const accepted = acceptedLights(query.semaforo, query.overdue);
      const lights = new Map<string, LightCondition[]>();
      for (const body of scope.bodies.values()) {
        const day = referenceDay(body, query.asOf);
        const calendar = businessCalendar(body.settings.nonWorkingDays);
        if (accepted) lights.set(body.id, accepted.map((light) => lightCondition(light, day, calendar, body.settings.warningBusinessDays)));
      }
      if (accepted?.length === 0) return { items: [], nextCursor: null };

      const filter: AgreementListFilter = {
        bodyIds: [...scope.bodies.keys()],
        responsibleInstitutionId: scope.responsibleInstitutionId,
        sessionId: query.sessionId,
        status: query.status,
        q: query.q,
        lights: accepted ? lights : undefined,
        after: query.cursor,
      };
      const found = query.asOf === undefined ? await listNow(scope, filter, query.limit) : await listAsOf(scope, filter, query.asOf, query.limit);
      const page = found.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: await agreementViews(db, page, query.asOf),
        nextCursor: found.length > query.limit && last ? encodeCursor(last.key) : null,
      };
    });
  };
}
