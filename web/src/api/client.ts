import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

// Web-session writes must carry this header (the API's CSRF guard): a
// cross-site form cannot send it.
const CSRF_HEADERS = { 'X-Requested-With': 'acuerdos' };

let sessionExpired: () => void = () => {};

// The app says what to do when the API stops recognising the session (it
// expired, or was closed in another tab): back to sign-in, then here again.
export function onSessionExpired(handler: () => void): void {
  sessionExpired = handler;
}

const watchForExpiredSession: Middleware = {
  onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    if (response.status === 401 && path !== '/api/auth/login' && path !== '/api/auth/me') sessionExpired();
    return undefined;
  },
};

export const api = createClient<paths>({ baseUrl: '', headers: CSRF_HEADERS, credentials: 'same-origin' });
api.use(watchForExpiredSession);

export type Schemas = paths;
