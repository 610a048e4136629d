import { z } from 'zod';
import { Text } from '../../domain/text.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bodiesOfInstitution, type AgreementListFilter, type FolioKey } from '../../db/agreement-queries.js';
import { findBody, type Body } from '../../db/bodies.js';
import type { Db } from '../../db/connection.js';
import { AgreementStatus } from '../../domain/agreement/index.js';
import { LocalDate } from '../../domain/dates.js';
import { Semaforo } from '../../domain/semaforo.js';
import { findAgreements } from '../../app/agreement-finder.js';
import { agreementViews } from '../agreement-view.js';
import type { AppDeps } from '../deps.js';
import { bodyReadBy } from '../../app/access.js';
import { requireCaller, type Caller } from '../auth.js';
import { forbidden, validationFailed } from '../../app/errors.js';
import { listLights } from '../list-lights.js';
import { AgreementPage } from '../responses/agreement.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';

// The cursor is the folio key of the last agreement of a page, as base64url
// JSON: opaque to clients, and anything that does not decode to a key is refused.
// seq is an integer column: a larger number is no cursor of ours (and PostgreSQL would refuse it).
const CursorKey = z.tuple([z.uuid(), z.number().int().min(0).max(2_147_483_647)]);

function encodeCursor(key: FolioKey): string {
  return Buffer.from(JSON.stringify([key.bodyId, key.seq])).toString('base64url');
}

function decodeCursor(cursor: string): FolioKey | undefined {
  if (!CURSOR_PATTERN.test(cursor)) return undefined;
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

const CURSOR_PATTERN = /^[A-Za-z0-9_-]+$/;

const Cursor = z
  .string()
  .max(200)
  .meta({ pattern: CURSOR_PATTERN.source, description: 'El `nextCursor` de la página anterior, tal como llegó (base64url).' })
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
  q: Text(500).optional(),
  asOf: LocalDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: Cursor.optional(),
});
type ListQuery = z.output<typeof ListQuery>;

const DESCRIPTION =
  'Acuerdos en orden de folio (órgano, número), paginados con `cursor` (el `nextCursor` de la página anterior; null en la última). ' +
  'Secretaría y coordinación consultan su órgano (`bodyId` puede omitirse); una institución ve solo los acuerdos de los que es responsable. ' +
  '`q` busca en el texto (español, sin distinguir acentos). `semaforo` y `overdue` se evalúan en el día de referencia: hoy en la zona del órgano, o `asOf`; ' +
  'con `asOf` todo el resultado es el estado al final de ese día.';

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
    // A secretariat's or coordinator's token is of one body: theirs by default.
    bodyIds = [bodyReadBy(caller, query.bodyId)];
  }
  const bodies = new Map<string, Body>();
  for (const id of bodyIds) {
    const body = await findBody(db, id);
    if (!body) throw validationFailed([{ field: 'bodyId', message: 'El órgano colegiado no existe.' }]);
    bodies.set(id, body);
  }
  return { bodies, responsibleInstitutionId };
}

export function agreementListRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/agreements', { schema: { ...operation('Acuerdos', 'Lista los acuerdos con filtros, paginados'), querystring: ListQuery, description: DESCRIPTION, response: { 200: AgreementPage, ...errorAnswers(400, 401, 403, 404) } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat', 'coordinator', 'institution');
      const query = request.query;
      const scope = await scopeOf(db, caller, query);
      const { lights, nothing } = listLights(scope.bodies.values(), query.semaforo, query.overdue, query.asOf);
      if (nothing) return { items: [], nextCursor: null };

      const filter: AgreementListFilter = {
        bodyIds: [...scope.bodies.keys()],
        responsibleInstitutionId: scope.responsibleInstitutionId,
        sessionId: query.sessionId,
        status: query.status,
        q: query.q,
        lights,
        after: query.cursor,
      };
      const found = await findAgreements(db, scope.bodies, filter, query.asOf, query.limit);
      const page = found.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: await agreementViews(db, page, query.asOf),
        nextCursor: found.length > query.limit && last ? encodeCursor(last.key) : null,
      };
    });
  };
}
