import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { useHarness } from '../support/use-harness.js';

const h = useHarness({ worker: false });

// The routes of CONTRACT.md §2, as OpenAPI paths under /api.
const contractRoutes = [
  'GET /api/health',
  'POST /api/tokens',
  'POST /api/bodies',
  'PATCH /api/bodies/{id}',
  'POST /api/institutions',
  'POST /api/sessions',
  'POST /api/agreements',
  'GET /api/sessions/{id}/agenda',
  'GET /api/agreements',
  'GET /api/agreements/{id}',
  'GET /api/agreements/{id}/events',
  'POST /api/agreements/{id}/evidence',
  'POST /api/agreements/{id}/evidence/{eid}/review',
  'POST /api/agreements/{id}/fulfil',
  'POST /api/agreements/{id}/reopen',
  'POST /api/agreements/{id}/cancel',
  'POST /api/agreements/{id}/deadline',
  'POST /api/agreements/{id}/remind',
  'POST /api/milestones',
  'POST /api/milestones/{id}/occurred',
  'GET /api/evidence/{eid}/files/{sha256}',
  'GET /api/notifications',
  'GET /api/dashboard',
  'GET /api/reports/annex',
  'POST /api/import/agreements',
  'GET /api/public/agreements',
];

const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

// The fields the contract says the agreement JSON carries at least.
const CONTRACT_AGREEMENT_FIELDS = ['id', 'bodyId', 'sessionId', 'folio', 'text', 'themes', 'status', 'semaforo', 'dueDate', 'dueDateExplanation', 'daysOverdue', 'fulfilledOn', 'deadline', 'responsibles', 'evidence', 'version'];

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
}

interface FieldSchema {
  type?: string;
  format?: string;
  pattern?: string;
  items?: FieldSchema;
  properties?: Record<string, FieldSchema>;
  anyOf?: FieldSchema[];
  oneOf?: FieldSchema[];
}

interface RequestOperation {
  parameters?: { name: string; schema: FieldSchema }[];
  requestBody?: { content: Record<string, { schema: FieldSchema }> };
}

const DATE_FIELDS = new Set(['asOf', 'date', 'from', 'to']);

// Every named field a request may carry (parameters and body properties at
// any depth, through arrays and alternatives), with its schema.
function requestFields(at: string, operation: RequestOperation): { at: string; name: string; schema: FieldSchema }[] {
  const found: { at: string; name: string; schema: FieldSchema }[] = (operation.parameters ?? []).map((p) => ({ at, name: p.name, schema: p.schema }));
  const walk = (schema: FieldSchema | undefined) => {
    if (!schema) return;
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      found.push({ at, name, schema: property });
      walk(property);
    }
    walk(schema.items);
    [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].forEach(walk);
  };
  Object.values(operation.requestBody?.content ?? {}).forEach((media) => walk(media.schema));
  return found;
}

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

// The error envelope of CONTRACT.md §2, `{error: {code, message, details?}}`,
// alone or as one of the shapes an answer may take.
function isErrorEnvelope(schema: JsonSchema | undefined): boolean {
  if (!schema) return false;
  if (schema.anyOf) return schema.anyOf.some(isErrorEnvelope);
  const error = schema.properties?.error;
  return Boolean(schema.required?.includes('error') && error?.required?.includes('code') && error.required.includes('message') && error.properties?.details);
}

// Whether the app serves a route at all: anything but the router's own 404.
async function served(route: string): Promise<boolean> {
  const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PATCH', string];
  const url = path.replace('{sha256}', '0'.repeat(64)).replace(/\{[^}]+\}/g, SAMPLE_ID);
  const response = await h.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
  return !(response.statusCode === 404 && /No existe la ruta/.test(response.json().error.message));
}

describe('the OpenAPI description', () => {
  it('is a valid OpenAPI 3 document', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(response.json());
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toMatch(/^3\./);
  });

  it('describes every route of the contract the API serves, and the API serves them all', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const described = new Set(Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`)));
    const missing = [];
    const notServed = [];
    for (const route of contractRoutes) {
      if (!(await served(route))) notServed.push(route);
      else if (!described.has(route)) missing.push(route);
    }
    expect(missing).toEqual([]);
    expect(notServed).toEqual([]);
  });

  it('describes the evidence form with its files and the JSON body without them', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const content = document.paths['/api/agreements/{id}/evidence'].post.requestBody.content;
    expect(Object.keys(content).sort()).toEqual(['application/json', 'multipart/form-data']);
    expect(content['multipart/form-data'].schema.properties.files).toEqual(expect.objectContaining({ type: 'array', items: { type: 'string', format: 'binary' } }));
    expect(content['application/json'].schema.properties.files).toBeUndefined();
  });

  it('documents for every operation its success answer and the error envelope of its refusals', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
    const undocumented = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const answers = Object.entries(operation.responses ?? {});
        const successes = answers.filter(([status]) => /^2/.test(status));
        const refusals = answers.filter(([status]) => /^4/.test(status));
        // A 204 has no content by definition; any other success names what it carries.
        const successDescribed = successes.length > 0 && successes.every(([status, answer]) => status === '204' || Object.values(answer.content ?? {}).some((media) => media.schema !== undefined));
        const refusalsDescribed = refusals.length > 0 && refusals.every(([, answer]) => isErrorEnvelope(answer.content?.['application/json']?.schema));
        if (!successDescribed || !refusalsDescribed) undocumented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('describes the agreement as CONTRACT.md §2 lists it, and the public agreement without internal fields', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const agreement = document.paths['/api/agreements/{id}'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(agreement.properties)).toEqual(expect.arrayContaining(CONTRACT_AGREEMENT_FIELDS));
    expect(Object.keys(agreement.properties.evidence.items.properties)).toEqual(expect.arrayContaining(['id', 'institutionId', 'description', 'links', 'files', 'submittedAt', 'review']));
    const page = document.paths['/api/public/agreements'].get.responses['200'].content['application/json'].schema;
    const item = page.properties.items.items;
    for (const internal of ['bodyId', 'sessionId', 'deadline', 'deadlineHistory', 'version']) expect(item.properties).not.toHaveProperty(internal);
    for (const internal of ['institutionId', 'files', 'public']) expect(item.properties.evidence.items.properties).not.toHaveProperty(internal);
    expect(Object.keys(item.properties.evidence.items.properties.review.properties).sort()).toEqual(['decision', 'reviewedAt']);
  });

  it('gives every operation one section of the manual and a summary in Spanish', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { tags: { name: string; description: string }[]; paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> };
    const sections = document.tags.map((t) => t.name);
    expect(sections).toEqual(expect.arrayContaining(['Acuerdos', 'Evidencias', 'Sesiones', 'Hitos', 'Reportes', 'Administración', 'Acceso', 'Público']));
    const lacking = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, op]) => op.tags?.length !== 1 || !sections.includes(op.tags[0] ?? '') || !op.summary || op.summary.length < 10)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(lacking).toEqual([]);
    const summaries = Object.values(document.paths).flatMap((operations) => Object.values(operations).map((op) => op.summary));
    expect(new Set(summaries).size).toBe(summaries.length);
  });

  it('declares 401 on every operation that needs credentials, and no credentials on the public ones', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> };
    const operations = Object.entries(document.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })));
    const open = operations.filter(({ op }) => op.security?.length === 0).map(({ route }) => route);
    expect(open.sort()).toEqual([
      'GET /api/health',
      'GET /api/public/agreements',
      'GET /api/public/agreements/download',
      'GET /api/public/agreements/{id}',
      'GET /api/public/bodies',
      'GET /api/public/bodies/{id}',
      'POST /api/auth/login',
      'POST /api/auth/logout',
    ]);
    expect(operations.filter(({ route, op }) => !open.includes(route) && !op.responses['401']).map(({ route }) => route)).toEqual([]);
  });

  it('declares every date as format date with the pattern of the days the server accepts, and every id as a UUID', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, RequestOperation>> };
    const fields = Object.entries(document.paths).flatMap(([path, operations]) => Object.entries(operations).flatMap(([method, op]) => requestFields(`${method.toUpperCase()} ${path}`, op)));
    const dates = fields.filter((f) => DATE_FIELDS.has(f.name) && f.schema.type === 'string');
    const ids = fields.filter((f) => /(^id|^eid|Id|Ids)$/.test(f.name));
    // Reads as of a day, days of sessions and milestones, deadlines and non-working days.
    expect(dates.filter((f) => f.name === 'asOf').length).toBeGreaterThanOrEqual(8);
    expect(dates.map((f) => `${f.at} ${f.name}`)).toEqual(expect.arrayContaining(['POST /api/sessions date', 'POST /api/milestones/{id}/occurred date', 'POST /api/agreements date']));
    expect(dates.filter((f) => f.schema.format !== 'date' || !f.schema.pattern).map((f) => `${f.at} ${f.name}`)).toEqual([]);
    const datePattern = new RegExp(dates[0]?.schema.pattern ?? '$^');
    for (const day of ['1900-01-01', '2020-02-29', '2200-12-31']) expect(datePattern.test(day), day).toBe(true);
    for (const day of ['1899-12-31', '2201-01-01', '2020-13-01', '2020-1-01', '']) expect(datePattern.test(day), day).toBe(false);
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.filter((f) => f.schema.format !== 'uuid' && f.schema.items?.format !== 'uuid').map((f) => `${f.at} ${f.name}`)).toEqual([]);
    const cursor = fields.find((f) => f.at === 'GET /api/agreements' && f.name === 'cursor');
    expect(cursor?.schema.pattern).toBe('^[A-Za-z0-9_-]+$');
  });

  it('is browsable at /api/docs', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/text\/html/);
  });
});
