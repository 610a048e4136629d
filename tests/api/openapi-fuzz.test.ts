import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenABody } from '../support/api-client.js';
import { ADMIN_TOKEN } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';
import { multipartForm } from '../support/multipart.js';
import { asText, hostile, malformed, malformedJson, wrongContentTypes, type JsonSchema } from '../support/openapi-arbitraries.js';
import { privateDatabase } from '../support/private-database.js';

// Every operation of the OpenAPI document gets malformed requests generated
// from its own shapes, sent with tokens of the roles the contract allows it;
// the API must answer each without a 5xx and, when it refuses, record nothing.
// The test has a database of its own so that every row can be counted.

const RUNS_PER_OPERATION = 70;

let database: Awaited<ReturnType<typeof privateDatabase>>;
beforeAll(async () => {
  database = await privateDatabase();
});
afterAll(async () => {
  await database?.drop();
});
const h = useHarness(() => ({ databaseUrl: database.url }));

type Role = 'admin' | 'secretariat' | 'coordinator' | 'institution';

// Who may call what, from CONTRACT.md §2; operations it does not name are
// tried with every role.
const rolesByOperation: Record<string, Role[]> = {
  'POST /api/tokens': ['admin'],
  'POST /api/bodies': ['admin'],
  'PATCH /api/bodies/{id}': ['admin', 'secretariat'],
  'POST /api/institutions': ['admin'],
  'POST /api/sessions': ['secretariat'],
  'POST /api/agreements': ['secretariat'],
  'GET /api/sessions/{id}/agenda': ['secretariat', 'coordinator'],
  'GET /api/agreements': ['coordinator', 'secretariat', 'institution'],
  'GET /api/agreements/{id}': ['coordinator', 'secretariat', 'institution'],
  'GET /api/agreements/{id}/events': ['secretariat', 'coordinator'],
  'POST /api/agreements/{id}/evidence': ['institution', 'secretariat'],
  'POST /api/agreements/{id}/evidence/{eid}/review': ['secretariat'],
  'POST /api/agreements/{id}/fulfil': ['secretariat'],
  'POST /api/agreements/{id}/reopen': ['secretariat'],
  'POST /api/agreements/{id}/cancel': ['secretariat'],
  'POST /api/agreements/{id}/deadline': ['secretariat'],
  'POST /api/agreements/{id}/remind': ['secretariat'],
  'POST /api/milestones': ['secretariat'],
  'POST /api/milestones/{id}/occurred': ['secretariat'],
  'GET /api/evidence/{eid}/files/{sha256}': ['secretariat', 'coordinator', 'institution'],
  'GET /api/notifications': ['secretariat', 'coordinator'],
  'GET /api/dashboard': ['coordinator', 'secretariat'],
  'GET /api/reports/annex': ['coordinator', 'secretariat'],
  'POST /api/import/agreements': ['secretariat'],
};
const allRoles: Role[] = ['admin', 'secretariat', 'coordinator', 'institution'];

interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  parameters: Parameter[];
  bodyTypes: Record<string, JsonSchema>;
}

const countedTables = [
  'events',
  'agreements',
  'agreement_responsibles',
  'sessions',
  'bodies',
  'institutions',
  'notifications',
  'milestones',
  'api_tokens',
  'users',
  'web_sessions',
  'folio_allocations',
] as const;

async function rowCounts(): Promise<Record<string, number>> {
  const selects = countedTables.map((t) => sql`(select count(*)::int from ${sql.table(t)}) as ${sql.ref(t)}`);
  const result = await sql<Record<string, number>>`select ${sql.join(selects)}`.execute(h.db);
  return result.rows[0] ?? {};
}

// A write that succeeded may go on writing (a reminder queued, a deadline found
// passed): wait until the counts stand still before taking them as the baseline.
async function settledCounts(): Promise<Record<string, number>> {
  let previous = await rowCounts();
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const current = await rowCounts();
    if (JSON.stringify(current) === JSON.stringify(previous)) return current;
    previous = current;
  }
  return previous;
}

function operationsOf(document: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> }): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase() as Operation['method'],
      path,
      parameters: op.parameters ?? [],
      bodyTypes: Object.fromEntries(Object.entries(op.requestBody?.content ?? {}).map(([type, media]) => [type, media.schema])),
    })),
  );
}

describe('malformed requests to every operation of the OpenAPI document', () => {
  it('never get a 5xx, and a refusal records nothing', async () => {
    // Given a body with a session, a milestone, an agreement and an evidence with a file
    const given = await givenABody(h.app);
    const [inmujeres, shcp] = given.institutions.map((i) => i.id);
    if (!inmujeres || !shcp) throw new Error('givenABody gives two institutions');
    const admin = (url: string, payload: object) => h.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, payload });
    const tokenOf = async (grant: object) => (await admin('/api/tokens', { label: 'fuzz', ...grant })).json().token as string;
    const tokens: Record<Role, string> = {
      admin: ADMIN_TOKEN,
      secretariat: given.secretariatToken,
      coordinator: await tokenOf({ role: 'coordinator', bodyId: given.bodyId }),
      institution: await tokenOf({ role: 'institution', institutionId: inmujeres }),
    };
    const session = await given.secretariat.post('/api/sessions', { bodyId: given.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
    const milestone = await given.secretariat.post('/api/milestones', { bodyId: given.bodyId, name: 'Publicación del PROIGUALDAD en el DOF' });
    const agreement = await given.secretariat.post('/api/agreements', {
      sessionId: session.body.id,
      text: 'Las dependencias informarán sus avances.',
      responsibleInstitutionIds: [inmujeres, shcp],
      deadline: { type: 'date', date: '2030-06-30' },
    });
    expect(agreement.status, JSON.stringify(agreement.body)).toBe(201);
    const form = multipartForm({ institutionId: inmujeres, description: 'Informe.' }, [{ name: 'informe.txt', type: 'text/plain', content: Buffer.from('Informe de avances') }]);
    const evidence = await h.app.inject({ method: 'POST', url: `/api/agreements/${agreement.body.id}/evidence`, headers: { authorization: `Bearer ${tokens.institution}`, ...form.headers }, payload: form.payload });
    expect(evidence.statusCode, evidence.body).toBe(201);
    const evidenceId = evidence.json().id as string;
    const sha256 = evidence.json().files[0].sha256 as string;
    const ids = [given.bodyId, inmujeres, shcp, session.body.id as string, milestone.body.id as string, agreement.body.id as string, evidenceId];
    // Real values for the path parameters: with them a request gets past the look-ups.
    const pathValues: Record<string, string> = {
      '/api/bodies/{id}': given.bodyId,
      '/api/sessions/{id}/agenda': session.body.id,
      '/api/milestones/{id}': milestone.body.id,
      '/api/milestones/{id}/occurred': milestone.body.id,
      eid: evidenceId,
      sha256,
    };
    const realPathValue = (op: Operation, name: string) => pathValues[name] ?? pathValues[op.path] ?? (op.path.startsWith('/api/agreements/') ? agreement.body.id : undefined);

    const document = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const components = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(25);

    function requestFor(op: Operation) {
      const roles = rolesByOperation[`${op.method} ${op.path}`] ?? allRoles;
      const auth = fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...roles).map((role) => `Bearer ${tokens[role]}`) },
        { weight: 1, arbitrary: fc.constantFrom<string | undefined>(undefined, 'Bearer', 'Bearer x', 'Basic YWRtaW46YWRtaW4=', `Bearer ${ADMIN_TOKEN}x`) },
      );
      const path = fc.record(
        Object.fromEntries(
          op.parameters
            .filter((p) => p.in === 'path')
            .map((p) => {
              const real = realPathValue(op, p.name);
              const wrong = fc.oneof(fc.uuid(), hostile, fc.string({ minLength: 1, maxLength: 20 }), fc.constant('0'.repeat(64)));
              return [p.name, real ? fc.oneof({ weight: 3, arbitrary: fc.constant(real) }, { weight: 1, arbitrary: wrong }) : wrong];
            }),
        ),
      );
      const query = fc.tuple(
        fc.record(
          Object.fromEntries(op.parameters.filter((p) => p.in === 'query').map((p) => [p.name, malformed(p.schema, ids, components).map(asText)])),
          { requiredKeys: [] },
        ),
        fc.oneof({ weight: 5, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }) }),
      );
      const idempotencyKey = fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 0, maxLength: 300 }) },
        { weight: 1, arbitrary: fc.constant('fuzz-same-key') },
      );
      return fc.record({ auth, path, query, idempotencyKey, body: bodyFor(op) });
    }

    function bodyFor(op: Operation): fc.Arbitrary<{ contentType: string | undefined; payload: string | Buffer | undefined }> {
      const types = Object.entries(op.bodyTypes);
      if (types.length === 0) {
        return op.method === 'GET'
          ? fc.constant({ contentType: undefined, payload: undefined })
          : fc.oneof(fc.constant({ contentType: undefined, payload: undefined }), malformedJson.map((payload) => ({ contentType: 'application/json', payload })));
      }
      return fc.oneof(
        ...types.map(([type, schema]) => {
          const shaped = malformed(schema, ids, components);
          if (type === 'multipart/form-data') {
            const fields = shaped.map((value) =>
              Object.fromEntries(Object.entries(typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { value }).map(([k, v]) => [k, asText(v) ?? ''])),
            );
            const files = fc.array(
              fc.record({ name: fc.oneof(fc.string({ maxLength: 30 }), hostile), type: fc.constantFrom('application/pdf', 'text/plain', 'image/png', 'application/x-msdownload'), content: fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)) }),
              { maxLength: 2 },
            );
            return fc.oneof(
              fc.tuple(fields, files).map(([f, fs]) => {
                const built = multipartForm(f, fs);
                return { contentType: built.headers['content-type'], payload: built.payload };
              }),
              fc.string({ maxLength: 200 }).map((payload) => ({ contentType: 'multipart/form-data; boundary=----x', payload })),
            );
          }
          if (type === 'text/csv') {
            const cell = fc.oneof(fc.string({ maxLength: 20 }), hostile, fc.constantFrom('ordinaria 21 2020-09-30', '15bd', '2021-02-30', 'INMUJERES; SHCP'));
            const csv = fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 }).map((rows) => ['session,text,responsibles,deadline', ...rows.map((r) => r.join(','))].join('\n'));
            return fc.oneof(
              { weight: 4, arbitrary: csv.map((payload) => ({ contentType: 'text/csv', payload })) },
              { weight: 1, arbitrary: fc.tuple(wrongContentTypes, fc.string()).map(([contentType, payload]) => ({ contentType, payload })) },
            );
          }
          return fc.oneof(
            { weight: 8, arbitrary: shaped.map((value) => ({ contentType: 'application/json', payload: JSON.stringify(value) ?? '' })) },
            { weight: 1, arbitrary: malformedJson.map((payload) => ({ contentType: 'application/json', payload })) },
            { weight: 1, arbitrary: fc.tuple(wrongContentTypes, shaped).map(([contentType, value]) => ({ contentType, payload: JSON.stringify(value) ?? '' })) },
          );
        }),
      );
    }

    let baseline = await settledCounts();
    let sent = 0;
    // Every operation is tried even when one fails, so one run lists them all.
    const failures: string[] = [];
    for (const op of operations) {
      const result = await fc.check(
        fc.asyncProperty(fc.constant(`${op.method} ${op.path}`), requestFor(op), async (_operation, request) => {
          let url = op.path;
          for (const [name, value] of Object.entries(request.path)) url = url.replace(`{${name}}`, encodeURIComponent(value));
          const search = new URLSearchParams();
          for (const [name, value] of Object.entries({ ...request.query[1], ...request.query[0] })) if (value !== undefined) search.append(name, value);
          const headers: Record<string, string> = {};
          if (request.auth) headers.authorization = request.auth;
          if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
          if (request.body.contentType) headers['content-type'] = request.body.contentType;
          const response = await h.app.inject({
            method: op.method,
            url: search.size ? `${url}?${search}` : url,
            headers,
            ...(request.body.payload === undefined ? {} : { payload: request.body.payload }),
          });
          sent += 1;
          expect(response.statusCode, response.body.slice(0, 500)).toBeLessThan(500);
          if (response.statusCode >= 400) {
            expect(response.json().error.code).toEqual(expect.any(String));
            expect(await rowCounts()).toEqual(baseline);
          } else if (op.method !== 'GET') {
            baseline = await settledCounts();
          }
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
      if (result.failed) {
        failures.push(fc.defaultReportMessage(result) ?? `${op.method} ${op.path}`);
        baseline = await settledCounts();
      }
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(2000);
  }, 180_000);
});
