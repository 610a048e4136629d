import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { givenABody } from '../support/api-client.js';
import { ADMIN_TOKEN } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';
import { multipartForm } from '../support/multipart.js';

// Who may call what (CONTRACT.md §2), one row per route, each role of the
// contract against body A: allowed calls (with valid requests) answer 2xx, an
// anonymous caller 401, everyone else 403 or 404. Only status classes are
// asserted, so the table holds while the routes' answers grow. Every route the
// app serves must have a row: a new route without one fails here.

const h = useHarness();

const ROLES = ['none', 'admin', 'secretariat', 'otherSecretariat', 'coordinator', 'otherCoordinator', 'institution', 'otherInstitution'] as const;
type Role = (typeof ROLES)[number];
const STAFF: Role[] = ['secretariat', 'coordinator'];
const SIGNED_IN: Role[] = ROLES.filter((r) => r !== 'none');

interface Call {
  url: string;
  payload?: unknown;
  // A raw body with its headers (multipart, CSV) instead of JSON.
  raw?: { payload: Buffer; headers: Record<string, string> };
}

interface Row {
  route: string;
  allowed: readonly Role[];
  // Fresh targets for writes that change what they touch (fulfil, review, …),
  // made once per row: refused roles go first and change nothing.
  prepare?: () => Promise<Record<string, string>>;
  call: (target: Record<string, string>) => Call;
}

interface World {
  tokens: Record<Exclude<Role, 'none'>, string>;
  bodyId: string;
  sessionId: string;
  agreementId: string;
  responsibleId: string;
  responsibleAcronym: string;
  otherInstitutionId: string;
  milestoneId: string;
  evidenceId: string;
  fileSha256: string;
  userEmail: string;
  participantId: string;
  participationId: string;
  participationFileSha256: string;
}
let w: World;

// A one-row import file for the body of the matrix.
function importFile(text: string) {
  return { payload: Buffer.from(`session,text,responsibles,deadline\r\nordinaria 31 2020-10-30,${text},${w.responsibleAcronym},3m\r\n`), headers: { 'content-type': 'text/csv; charset=utf-8' } };
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${process.pid}x${++counter}`;

async function as(role: Role, method: string, call: Call) {
  const token = role === 'none' ? null : w.tokens[role];
  const response = await h.app.inject({
    method: method as 'GET',
    url: call.url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...call.raw?.headers },
    ...(call.raw ? { payload: call.raw.payload } : call.payload === undefined ? {} : { payload: call.payload as object }),
  });
  return response;
}

async function asAdmin(method: string, url: string, payload?: unknown) {
  const response = await h.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.body}`);
  return response.json();
}

async function asSecretariat(url: string, payload: unknown, raw?: Call['raw']) {
  const response = await as('secretariat', 'POST', raw ? { url, raw } : { url, payload });
  if (response.statusCode >= 300) throw new Error(`POST ${url}: ${response.body}`);
  return response.json();
}

async function newAgreement(): Promise<string> {
  const created = await asSecretariat('/api/agreements', {
    sessionId: w.sessionId,
    text: 'Las dependencias enviarán sus avances en la implementación del PROIGUALDAD.',
    responsibleInstitutionIds: [w.responsibleId],
    deadline: { type: 'date', date: '2030-06-30' },
  });
  return created.id;
}

const evidence = () => ({ institutionId: w.responsibleId, description: 'Se envió el proyecto de Reglas de Organización.' });
const agreement = (path = '') => ({ url: `/api/agreements/${w.agreementId}${path}` });

const rows: Row[] = [
  { route: 'GET /', allowed: ROLES, call: () => ({ url: '/' }) },
  { route: 'GET /api/health', allowed: ROLES, call: () => ({ url: '/api/health' }) },
  { route: 'GET /api/openapi.json', allowed: ROLES, call: () => ({ url: '/api/openapi.json' }) },
  { route: 'GET /api/public/agreements', allowed: ROLES, call: () => ({ url: `/api/public/agreements?bodyId=${w.bodyId}` }) },
  { route: 'GET /api/public/agreements/download', allowed: ROLES, call: () => ({ url: `/api/public/agreements/download?bodyId=${w.bodyId}&format=csv` }) },
  { route: 'GET /api/public/agreements/{id}', allowed: ROLES, call: () => ({ url: `/api/public/agreements/${w.agreementId}?bodyId=${w.bodyId}` }) },
  { route: 'GET /api/public/bodies', allowed: ROLES, call: () => ({ url: '/api/public/bodies' }) },
  { route: 'GET /api/public/bodies/{id}', allowed: ROLES, call: () => ({ url: `/api/public/bodies/${w.bodyId}` }) },

  { route: 'POST /api/tokens', allowed: ['admin'], call: () => ({ url: '/api/tokens', payload: { role: 'institution', institutionId: w.otherInstitutionId, label: 'matriz' } }) },
  { route: 'GET /api/tokens', allowed: ['admin'], call: () => ({ url: '/api/tokens' }) },
  {
    route: 'DELETE /api/tokens/{id}',
    allowed: ['admin'],
    prepare: async () => ({ id: (await asAdmin('POST', '/api/tokens', { role: 'admin', label: 'desechable' })).id }),
    call: (t) => ({ url: `/api/tokens/${t.id}` }),
  },
  { route: 'POST /api/users', allowed: ['admin'], call: () => ({ url: '/api/users', payload: { email: `${unique('u')}@ejemplo.gob.mx`, password: 'una frase larga y secreta', role: 'admin' } }) },
  { route: 'GET /api/users', allowed: ['admin'], call: () => ({ url: '/api/users' }) },
  {
    route: 'DELETE /api/users/{id}',
    allowed: ['admin'],
    prepare: async () => ({ id: (await asAdmin('POST', '/api/users', { email: `${unique('d')}@ejemplo.gob.mx`, password: 'una frase larga y secreta', role: 'admin' })).id }),
    call: (t) => ({ url: `/api/users/${t.id}` }),
  },
  // Signing in and out needs no token: whoever holds the password.
  { route: 'POST /api/auth/login', allowed: ROLES, call: () => ({ url: '/api/auth/login', payload: { email: w.userEmail, password: 'una frase larga y secreta' } }) },
  { route: 'POST /api/auth/logout', allowed: ROLES, call: () => ({ url: '/api/auth/logout', payload: {} }) },
  { route: 'GET /api/auth/me', allowed: SIGNED_IN, call: () => ({ url: '/api/auth/me' }) },

  { route: 'POST /api/bodies', allowed: ['admin'], call: () => ({ url: '/api/bodies', payload: { name: 'Órgano de la matriz', acronym: unique('OM') } }) },
  // A public body: every institution may read it; another body's staff may not.
  { route: 'GET /api/bodies', allowed: ['admin'], call: () => ({ url: '/api/bodies' }) },
  { route: 'GET /api/bodies/{id}', allowed: ['admin', 'secretariat', 'coordinator', 'institution', 'otherInstitution'], call: () => ({ url: `/api/bodies/${w.bodyId}` }) },
  { route: 'PATCH /api/bodies/{id}', allowed: ['admin', 'secretariat'], call: () => ({ url: `/api/bodies/${w.bodyId}`, payload: { warningBusinessDays: 5 } }) },
  // Institutions are shared by every body: any body's staff picks among them.
  { route: 'GET /api/institutions', allowed: ['admin', 'secretariat', 'otherSecretariat', 'coordinator', 'otherCoordinator'], call: () => ({ url: '/api/institutions' }) },
  { route: 'PATCH /api/institutions/{id}', allowed: ['admin'], call: () => ({ url: `/api/institutions/${w.otherInstitutionId}`, payload: { emails: ['enlace-matriz@example.org'] } }) },
  { route: 'POST /api/institutions', allowed: ['admin'], call: () => ({ url: '/api/institutions', payload: { name: 'Institución de la matriz', acronym: unique('IM'), emails: [] } }) },

  { route: 'POST /api/sessions', allowed: ['secretariat'], call: () => ({ url: '/api/sessions', payload: { bodyId: w.bodyId, kind: 'extraordinaria', number: ++counter % 99 || 1, date: '2020-06-15' } }) },
  { route: 'GET /api/sessions', allowed: STAFF, call: () => ({ url: `/api/sessions?bodyId=${w.bodyId}` }) },
  { route: 'GET /api/sessions/{id}/agenda', allowed: STAFF, call: () => ({ url: `/api/sessions/${w.sessionId}/agenda` }) },

  {
    route: 'POST /api/agreements',
    allowed: ['secretariat'],
    call: () => ({
      url: '/api/agreements',
      payload: { sessionId: w.sessionId, text: 'Acuerdo de la matriz.', responsibleInstitutionIds: [w.responsibleId], deadline: { type: 'none' } },
    }),
  },
  // An institution lists only what it is responsible for: the other one gets an empty list.
  { route: 'GET /api/agreements', allowed: [...STAFF, 'institution', 'otherInstitution'], call: () => ({ url: `/api/agreements?bodyId=${w.bodyId}` }) },
  { route: 'GET /api/agreements/{id}', allowed: [...STAFF, 'institution'], call: () => agreement() },
  { route: 'GET /api/agreements/{id}/events', allowed: STAFF, call: () => agreement('/events') },
  { route: 'POST /api/agreements/{id}/evidence', allowed: ['secretariat', 'institution'], call: () => ({ ...agreement('/evidence'), payload: evidence() }) },
  {
    route: 'POST /api/agreements/{id}/evidence',
    allowed: ['secretariat', 'institution'],
    call: () => ({
      ...agreement('/evidence'),
      raw: multipartForm({ institutionId: w.responsibleId, description: 'Informe con archivo.' }, [{ name: 'informe.txt', type: 'text/plain', content: Buffer.from(unique('Informe de avances ')) }]),
    }),
  },
  {
    route: 'POST /api/agreements/{id}/evidence/{eid}/review',
    allowed: ['secretariat'],
    prepare: async () => {
      const id = await newAgreement();
      const submitted = await asSecretariat(`/api/agreements/${id}/evidence`, evidence());
      return { id, eid: submitted.id };
    },
    call: (t) => ({ url: `/api/agreements/${t.id}/evidence/${t.eid}/review`, payload: { decision: 'accepted' } }),
  },
  {
    route: 'POST /api/agreements/{id}/fulfil',
    allowed: ['secretariat'],
    prepare: async () => ({ id: await newAgreement() }),
    call: (t) => ({ url: `/api/agreements/${t.id}/fulfil`, payload: { justification: 'Se atendió en la sesión.' } }),
  },
  {
    route: 'POST /api/agreements/{id}/reopen',
    allowed: ['secretariat'],
    prepare: async () => {
      const id = await newAgreement();
      await asSecretariat(`/api/agreements/${id}/fulfil`, { justification: 'Se atendió en la sesión.' });
      return { id };
    },
    call: (t) => ({ url: `/api/agreements/${t.id}/reopen`, payload: { reason: 'Falta el informe final.' } }),
  },
  {
    route: 'POST /api/agreements/{id}/cancel',
    allowed: ['secretariat'],
    prepare: async () => ({ id: await newAgreement() }),
    call: (t) => ({ url: `/api/agreements/${t.id}/cancel`, payload: { reason: 'Quedó sin efecto.' } }),
  },
  {
    route: 'POST /api/agreements/{id}/deadline',
    allowed: ['secretariat'],
    prepare: async () => ({ id: await newAgreement() }),
    call: (t) => ({ url: `/api/agreements/${t.id}/deadline`, payload: { deadline: { type: 'date', date: '2030-12-31' }, reason: 'Prórroga acordada.' } }),
  },
  { route: 'POST /api/agreements/{id}/remind', allowed: ['secretariat'], call: () => ({ ...agreement('/remind'), payload: {} }) },

  {
    route: 'POST /api/deadline-suggestions',
    allowed: ['secretariat'],
    call: () => ({ url: '/api/deadline-suggestions', payload: { bodyId: w.bodyId, text: 'Entregarán el informe en un plazo de quince días hábiles.' } }),
  },

  { route: 'POST /api/milestones', allowed: ['secretariat'], call: () => ({ url: '/api/milestones', payload: { bodyId: w.bodyId, name: 'Publicación del PROIGUALDAD' } }) },
  { route: 'GET /api/milestones', allowed: STAFF, call: () => ({ url: `/api/milestones?bodyId=${w.bodyId}` }) },
  { route: 'GET /api/milestones/{id}', allowed: STAFF, call: () => ({ url: `/api/milestones/${w.milestoneId}` }) },
  {
    route: 'POST /api/milestones/{id}/occurred',
    allowed: ['secretariat'],
    prepare: async () => ({ id: (await asSecretariat('/api/milestones', { bodyId: w.bodyId, name: 'Instalación del comité' })).id }),
    call: (t) => ({ url: `/api/milestones/${t.id}/occurred`, payload: { date: '2020-08-03' } }),
  },

  // The submitting institution downloads its own file; the other is not told it exists.
  { route: 'GET /api/evidence/{eid}/files/{sha256}', allowed: [...STAFF, 'institution'], call: () => ({ url: `/api/evidence/${w.evidenceId}/files/${w.fileSha256}` }) },
  { route: 'GET /api/notifications', allowed: STAFF, call: () => ({ url: `/api/notifications?bodyId=${w.bodyId}` }) },
  { route: 'GET /api/dashboard', allowed: STAFF, call: () => ({ url: `/api/dashboard?bodyId=${w.bodyId}` }) },
  { route: 'GET /api/dashboard/trend', allowed: STAFF, call: () => ({ url: `/api/dashboard/trend?bodyId=${w.bodyId}&months=3` }) },
  { route: 'GET /api/reports/annex', allowed: STAFF, call: () => ({ url: `/api/reports/annex?bodyId=${w.bodyId}&format=json` }) },
  { route: 'POST /api/participants', allowed: ['secretariat'], call: () => ({ url: '/api/participants', payload: { bodyId: w.bodyId, name: unique('Organización de la matriz '), kind: 'osc' } }) },
  { route: 'GET /api/participants', allowed: STAFF, call: () => ({ url: `/api/participants?bodyId=${w.bodyId}` }) },
  {
    route: 'POST /api/participations',
    allowed: ['secretariat'],
    call: () => ({ url: '/api/participations', payload: { sessionId: w.sessionId, participantIds: [w.participantId], relevance: 'Diálogo de la matriz.' } }),
  },
  // Another body's staff is not told the participation exists.
  { route: 'PATCH /api/participations/{id}', allowed: ['secretariat'], call: () => ({ url: `/api/participations/${w.participationId}`, payload: { activities: 'Se dio seguimiento.' } }) },
  {
    route: 'PATCH /api/participations/{id}',
    allowed: ['secretariat'],
    call: () => ({ url: `/api/participations/${w.participationId}`, raw: multipartForm({}, [{ name: 'minuta.txt', type: 'text/plain', content: Buffer.from(unique('Minuta ')) }]) }),
  },
  {
    route: 'POST /api/participations',
    allowed: ['secretariat'],
    call: () => ({
      url: '/api/participations',
      raw: multipartForm({ sessionId: w.sessionId, participantIds: w.participantId, relevance: 'Diálogo con acta.' }, [{ name: 'acta.txt', type: 'text/plain', content: Buffer.from(unique('Acta ')) }]),
    }),
  },
  { route: 'GET /api/participations/{id}/files/{sha256}', allowed: STAFF, call: () => ({ url: `/api/participations/${w.participationId}/files/${w.participationFileSha256}` }) },
  { route: 'GET /api/participations/{id}', allowed: STAFF, call: () => ({ url: `/api/participations/${w.participationId}` }) },
  { route: 'GET /api/participations/{id}/events', allowed: STAFF, call: () => ({ url: `/api/participations/${w.participationId}/events` }) },
  { route: 'GET /api/participations', allowed: STAFF, call: () => ({ url: `/api/participations?bodyId=${w.bodyId}` }) },
  { route: 'GET /api/reports/participation', allowed: STAFF, call: () => ({ url: `/api/reports/participation?bodyId=${w.bodyId}&from=2020-01-01&to=2020-12-31&format=json` }) },
  {
    route: 'POST /api/import/agreements',
    allowed: ['secretariat'],
    call: () => ({
      url: `/api/import/agreements?bodyId=${w.bodyId}`,
      raw: {
        payload: Buffer.from(`session,text,responsibles,deadline\r\nordinaria 30 2020-09-30,Acuerdo importado en la matriz.,${w.responsibleAcronym},3m\r\n`),
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      },
    }),
  },
  {
    route: 'POST /api/imports',
    allowed: ['secretariat'],
    call: () => ({ url: `/api/imports?bodyId=${w.bodyId}`, raw: importFile('Acuerdo de un trabajo de importación en la matriz.') }),
  },
  {
    route: 'GET /api/imports/{id}',
    allowed: ['secretariat'],
    prepare: async () => {
      const started = await as('secretariat', 'POST', { url: `/api/imports?bodyId=${w.bodyId}`, raw: importFile('Acuerdo cuyo avance se consulta en la matriz.') });
      if (started.statusCode !== 202) throw new Error(`import: ${started.body}`);
      return { importId: started.json().id as string };
    },
    call: ({ importId }) => ({ url: `/api/imports/${importId}` }),
  },
];

type Outcome = 'ok' | 'unauthenticated' | 'denied' | `status ${number}`;

function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401) return 'unauthenticated';
  if (status === 403 || status === 404) return 'denied';
  return `status ${status}`;
}

function expectedOf(row: Row, role: Role): Outcome {
  if (row.allowed.includes(role)) return 'ok';
  return role === 'none' ? 'unauthenticated' : 'denied';
}

beforeAll(async () => {
  const a = await givenABody(h.app, { public: true });
  const b = await givenABody(h.app);
  const [responsible, other] = a.institutions;
  if (!responsible || !other) throw new Error('givenABody gives two institutions');
  const issue = async (grant: Record<string, unknown>) => (await asAdmin('POST', '/api/tokens', { label: 'matriz', ...grant })).token as string;
  const tokens = {
    admin: ADMIN_TOKEN,
    secretariat: a.secretariatToken,
    otherSecretariat: b.secretariatToken,
    coordinator: await issue({ role: 'coordinator', bodyId: a.bodyId }),
    otherCoordinator: await issue({ role: 'coordinator', bodyId: b.bodyId }),
    institution: await issue({ role: 'institution', institutionId: responsible.id }),
    otherInstitution: await issue({ role: 'institution', institutionId: other.id }),
  };
  const userEmail = `${unique('matriz')}@ejemplo.gob.mx`;
  await asAdmin('POST', '/api/users', { email: userEmail, password: 'una frase larga y secreta', role: 'coordinator', bodyId: a.bodyId });
  w = {
    tokens,
    bodyId: a.bodyId,
    responsibleId: responsible.id,
    responsibleAcronym: responsible.acronym,
    otherInstitutionId: other.id,
    userEmail,
    sessionId: '',
    agreementId: '',
    milestoneId: '',
    evidenceId: '',
    fileSha256: '',
    participantId: '',
    participationId: '',
    participationFileSha256: '',
  };
  w.sessionId = (await asSecretariat('/api/sessions', { bodyId: a.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' })).id;
  w.agreementId = await newAgreement();
  w.participantId = (await asSecretariat('/api/participants', { bodyId: a.bodyId, name: unique('Red de la matriz '), kind: 'osc' })).id;
  w.participationId = (await asSecretariat('/api/participations', { sessionId: w.sessionId, participantIds: [w.participantId], relevance: 'Presentación de la matriz.' })).id;
  w.milestoneId = (await asSecretariat('/api/milestones', { bodyId: a.bodyId, name: 'Publicación del PROIGUALDAD 2020-2024 en el DOF' })).id;
  const content = Buffer.from('Informe de avances del primer trimestre.\n');
  const form = multipartForm({ institutionId: responsible.id, description: 'Informe trimestral.' }, [{ name: 'informe.txt', type: 'text/plain', content }]);
  const uploaded = await as('institution', 'POST', { url: `/api/agreements/${w.agreementId}/evidence`, raw: form });
  if (uploaded.statusCode !== 201) throw new Error(`evidence: ${uploaded.body}`);
  w.evidenceId = uploaded.json().id;
  w.fileSha256 = createHash('sha256').update(content).digest('hex');
  const acta = Buffer.from('Acta de la sesión de la matriz.\n');
  const attached = await as('secretariat', 'PATCH', { url: `/api/participations/${w.participationId}`, raw: multipartForm({}, [{ name: 'acta.txt', type: 'text/plain', content: acta }]) });
  if (attached.statusCode !== 200) throw new Error(`participation file: ${attached.body}`);
  w.participationFileSha256 = createHash('sha256').update(acta).digest('hex');
});

describe('the role matrix of the HTTP API', () => {
  it.each(rows.map((row, i) => [`${row.route}${rows.findIndex((r) => r.route === row.route) === i ? '' : ' (multipart)'}`, row] as const))(
    '%s',
    async (_name, row) => {
      const target = (await row.prepare?.()) ?? {};
      const [method = 'GET'] = row.route.split(' ');
      // Refused roles first: they must change nothing the allowed ones rely on.
      const order = [...ROLES.filter((r) => !row.allowed.includes(r)), ...ROLES.filter((r) => row.allowed.includes(r))];
      const actual: Partial<Record<Role, Outcome>> = {};
      const expected: Partial<Record<Role, Outcome>> = {};
      const answers: string[] = [];
      for (const role of order) {
        const response = await as(role, method, row.call(target));
        actual[role] = outcomeOf(response.statusCode);
        expected[role] = expectedOf(row, role);
        if (actual[role] !== expected[role]) answers.push(`${role}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      }
      expect(actual, answers.join('\n')).toEqual(expected);
    },
  );

  it('has a row for every route the application serves', async () => {
    const document = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const served = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
    const covered = new Set(rows.map((row) => row.route));
    expect(served.filter((route) => !covered.has(route))).toEqual([]);
    // The document and the web UI's page are served, not described in the document.
    const undescribed = new Set(['GET /api/openapi.json', 'GET /']);
    expect([...covered].filter((route) => !undescribed.has(route) && !served.includes(route))).toEqual([]);
  });
});
