import type { App } from '../../api/app.js';
import type { Answer } from './api-client.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Credentials {
  token?: string | null;
  // The value of the acuerdos_session cookie.
  session?: string;
  headers?: Record<string, string>;
}

export interface FullAnswer<T = any> extends Answer<T> {
  headers: Record<string, string | string[] | number | undefined>;
  cookies: { name: string; value: string; [attribute: string]: unknown }[];
}

// Any verb with a bearer token, a session cookie or neither; JSON bodies.
export async function send<T = any>(app: App, method: Method, url: string, credentials: Credentials = {}, payload?: unknown): Promise<FullAnswer<T>> {
  const response = await app.inject({
    method,
    url,
    headers: {
      ...(credentials.token ? { authorization: `Bearer ${credentials.token}` } : {}),
      ...(credentials.session ? { cookie: `acuerdos_session=${credentials.session}` } : {}),
      ...credentials.headers,
    },
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const isJson = String(response.headers['content-type'] ?? '').startsWith('application/json');
  return {
    status: response.statusCode,
    body: (response.body && isJson ? response.json() : response.body || undefined) as T,
    headers: response.headers,
    cookies: response.cookies as FullAnswer['cookies'],
  };
}

// A client speaking with one set of credentials, every verb.
export function client(app: App, credentials: Credentials) {
  return {
    get: <T = any>(url: string) => send<T>(app, 'GET', url, credentials),
    post: <T = any>(url: string, payload: unknown = {}) => send<T>(app, 'POST', url, credentials, payload),
    patch: <T = any>(url: string, payload: unknown) => send<T>(app, 'PATCH', url, credentials, payload),
    delete: <T = any>(url: string) => send<T>(app, 'DELETE', url, credentials),
  };
}

// The web UI as it calls the API once signed in: the cookie and the header that
// proves the request comes from its own pages.
export function webClient(app: App, session: string) {
  return client(app, { session, headers: { 'x-requested-with': 'acuerdos' } });
}
