import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.js';
import { findActiveToken, hashToken } from '../db/tokens.js';
import { ApiError, forbidden } from './errors.js';
import { Principal, type Role } from './principal.js';

export interface Caller {
  principal: Principal;
  tokenId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

function sameSecret(a: string, b: string): boolean {
  // Compare digests so the comparison takes the same time whatever the lengths.
  return timingSafeEqual(Buffer.from(hashToken(a), 'hex'), Buffer.from(hashToken(b), 'hex'));
}

async function identify(db: Db, adminToken: string | undefined, header: string | undefined): Promise<Caller | null> {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  if (!match?.[1]) return null;
  const token = match[1];
  if (adminToken && sameSecret(token, adminToken)) return { principal: { role: 'admin' }, tokenId: 'admin' };
  const row = await findActiveToken(db, token);
  if (!row) return null;
  const parsed = Principal.safeParse({ role: row.role, bodyId: row.body_id, institutionId: row.institution_id });
  return parsed.success ? { principal: parsed.data, tokenId: row.id } : null;
}

export function registerAuth(app: FastifyInstance, db: Db, adminToken: string | undefined): void {
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    request.caller = await identify(db, adminToken, request.headers.authorization);
  });
}

export function requireCaller(request: FastifyRequest, ...roles: Role[]): Caller {
  const caller = request.caller;
  if (!caller) throw new ApiError('UNAUTHENTICATED', 'Falta un token válido (Authorization: Bearer …).');
  if (!roles.includes(caller.principal.role)) throw forbidden();
  return caller;
}

// Secretariats and coordinators act only within their own body; admin everywhere.
export function assertBodyScope(caller: Caller, bodyId: string): void {
  const p = caller.principal;
  if (p.role === 'admin') return;
  if ((p.role === 'secretariat' || p.role === 'coordinator') && p.bodyId === bodyId) return;
  throw forbidden('El token no corresponde a este órgano colegiado.');
}
