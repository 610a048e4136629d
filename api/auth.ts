import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Db } from '../db/connection.js';
import { findActiveToken, hashToken } from '../db/tokens.js';
import { findSessionUser } from '../db/web-sessions.js';
import { AppError, forbidden } from '../app/errors.js';
import { Principal, type Identity, type Role } from '../app/principal.js';

// Who acts, as events record it (tokenId): a token's id, 'admin', or 'user:<id>'.
export interface Caller extends Identity {
  // Set when a web UI cookie, not a bearer token, authenticated the request.
  session: { userId: string; secret: string } | null;
}

export const SESSION_COOKIE = 'acuerdos_session';

// A browser sends the cookie along with any cross-site form post; a custom header
// it sends only for same-origin scripts (no CORS is configured), so cookie writes
// without it are refused.
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'acuerdos';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

function sameSecret(a: string, b: string): boolean {
  // Compare digests so the comparison takes the same time whatever the lengths.
  return timingSafeEqual(Buffer.from(hashToken(a), 'hex'), Buffer.from(hashToken(b), 'hex'));
}

async function identifyBearer(db: Db, adminToken: string | undefined, header: string): Promise<Caller | null> {
  const match = header.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match?.[1]) return null;
  const token = match[1];
  if (adminToken && sameSecret(token, adminToken)) return { principal: { role: 'admin' }, tokenId: 'admin', session: null };
  const row = await findActiveToken(db, token);
  if (!row) return null;
  const parsed = Principal.safeParse({ role: row.role, bodyId: row.body_id, institutionId: row.institution_id });
  return parsed.success ? { principal: parsed.data, tokenId: row.id, session: null } : null;
}

async function identifySession(db: Db, secret: string): Promise<Caller | null> {
  const user = await findSessionUser(db, secret);
  if (!user) return null;
  const parsed = Principal.safeParse({ role: user.role, bodyId: user.body_id, institutionId: user.institution_id });
  return parsed.success ? { principal: parsed.data, tokenId: `user:${user.id}`, session: { userId: user.id, secret } } : null;
}

// A bearer header, when present, decides alone (a bad one is not rescued by a
// cookie); otherwise the web UI's session cookie.
async function identify(db: Db, adminToken: string | undefined, request: FastifyRequest): Promise<Caller | null> {
  const header = request.headers.authorization;
  if (header !== undefined) return identifyBearer(db, adminToken, header);
  const secret = request.cookies[SESSION_COOKIE];
  return secret ? identifySession(db, secret) : null;
}

const unauthenticated = () => new AppError('UNAUTHENTICATED', 'Falta un token válido (Authorization: Bearer …) o una sesión iniciada.');

// An operation of the API is open only when its OpenAPI declares so
// (`security: []`): the document and the door are one declaration. The
// document's own routes (hidden from it) and the web UI outside /api are open.
export function needsCredentials(route: Pick<RouteOptions, 'url' | 'schema'>): boolean {
  const schema = route.schema as { hide?: boolean; security?: unknown[] } | undefined;
  return route.url.startsWith('/api/') && schema?.hide !== true && !(Array.isArray(schema?.security) && schema.security.length === 0);
}

export function registerAuth(app: FastifyInstance, db: Db, adminToken: string | undefined): void {
  app.decorateRequest('caller', null);
  // onRequest runs before the body is parsed and validated, so a caller
  // without credentials learns nothing about what else is wrong with the
  // request: 401 whatever it sent (CONTRACT §2). An unknown path has no route
  // here and stays 404.
  app.addHook('onRequest', async (request) => {
    request.caller = await identify(db, adminToken, request);
    const route = request.routeOptions;
    if (!request.caller && route.url !== undefined && !request.is404 && needsCredentials({ url: route.url, schema: route.schema })) throw unauthenticated();
    if (request.caller?.session && !safeMethods.has(request.method) && request.headers[CSRF_HEADER] !== CSRF_VALUE) {
      throw forbidden(`Las escrituras con sesión web deben enviar la cabecera X-Requested-With: ${CSRF_VALUE}.`);
    }
  });
}

export function requireCaller(request: FastifyRequest, ...roles: Role[]): Caller {
  const caller = request.caller;
  if (!caller) throw unauthenticated();
  if (!roles.includes(caller.principal.role)) throw forbidden();
  return caller;
}
