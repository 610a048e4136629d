import type { App } from '../../api/app.js';
import { ADMIN_TOKEN } from './harness.js';

export interface Answer<T = any> {
  status: number;
  body: T;
}

// A user's side of the HTTP API: JSON in, JSON out, with a bearer token.
export function apiAs(app: App, token: string | null) {
  async function call<T = any>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
    const response = await app.inject({
      method,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    return { status: response.statusCode, body: response.body ? (response.json() as T) : (undefined as T) };
  }
  return {
    get: <T = any>(url: string, headers?: Record<string, string>) => call<T>('GET', url, undefined, headers),
    post: <T = any>(url: string, payload: unknown, headers?: Record<string, string>) => call<T>('POST', url, payload, headers),
    patch: <T = any>(url: string, payload: unknown, headers?: Record<string, string>) => call<T>('PATCH', url, payload, headers),
  };
}

export const asAdmin = (app: App) => apiAs(app, ADMIN_TOKEN);

let counter = 0;
function unique(prefix: string): string {
  counter += 1;
  return `${prefix}${process.pid}${counter}`;
}

// Given a body with two institutions and tokens for each role of the contract.
export async function givenABody(app: App, overrides: Record<string, unknown> = {}) {
  const admin = asAdmin(app);
  const body = await admin.post('/api/bodies', { name: 'Sistema Nacional para la Igualdad entre Mujeres y Hombres', acronym: unique('SNIMH'), ...overrides });
  if (body.status !== 201) throw new Error(`body: ${JSON.stringify(body.body)}`);
  const institutions = [];
  for (const name of ['INMUJERES', 'SHCP']) {
    const created = await admin.post('/api/institutions', { name, acronym: unique(name), emails: [`enlace@${name.toLowerCase()}.gob.mx`] });
    if (created.status !== 201) throw new Error(`institution: ${JSON.stringify(created.body)}`);
    institutions.push(created.body as { id: string; acronym: string });
  }
  const token = async (grant: Record<string, unknown>) => {
    const issued = await admin.post('/api/tokens', { label: 'prueba', ...grant });
    if (issued.status !== 201) throw new Error(`token: ${JSON.stringify(issued.body)}`);
    return (issued.body as { token: string }).token;
  };
  const bodyId = (body.body as { id: string }).id;
  const secretariatToken = await token({ role: 'secretariat', bodyId });
  // One client per institution, in the order of `institutions`.
  const institutionClients = [];
  for (const institution of institutions) institutionClients.push(apiAs(app, await token({ role: 'institution', institutionId: institution.id })));
  const [institution] = institutionClients;
  if (!institution) throw new Error('no institution client');
  return {
    bodyId,
    institutions,
    secretariatToken,
    secretariat: apiAs(app, secretariatToken),
    coordinator: apiAs(app, await token({ role: 'coordinator', bodyId })),
    institution,
    institutionClients,
  };
}

export type GivenBody = Awaited<ReturnType<typeof givenABody>>;

export interface GivenAgreement {
  // The ordinary session that adopts it.
  number?: number;
  date?: string;
  text?: string;
  // The body's first institution when not said.
  responsibleInstitutionIds?: string[];
  deadline?: Record<string, unknown>;
}

// An agreement adopted at an ordinary session of the body: where most stories
// start. Fails the test if either registration is refused.
export async function givenAnAgreementOf(body: GivenBody, agreement: GivenAgreement = {}) {
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: agreement.number ?? 21, date: agreement.date ?? '2020-09-30' });
  if (session.status !== 201) throw new Error(`sesión: ${JSON.stringify(session.body)}`);
  const created = await body.secretariat.post('/api/agreements', {
    sessionId: session.body.id,
    text: agreement.text ?? 'Las dependencias informarán sus avances.',
    responsibleInstitutionIds: agreement.responsibleInstitutionIds ?? [body.institutions[0]?.id],
    deadline: agreement.deadline ?? { type: 'date', date: '2099-12-31' },
  });
  if (created.status !== 201) throw new Error(`acuerdo: ${JSON.stringify(created.body)}`);
  return created.body as { id: string; folio: string; sessionId: string };
}
