import type { Agreement } from '../domain/agreement/index.js';
import { forbidden, validationFailed, type AppError } from './errors.js';
import type { Identity } from './principal.js';

// Secretariats and coordinators act only within their own body; admin everywhere.
export function assertBodyScope(who: Identity, bodyId: string): void {
  const p = who.principal;
  if (p.role === 'admin') return;
  if ((p.role === 'secretariat' || p.role === 'coordinator') && p.bodyId === bodyId) return;
  throw forbidden('El token no corresponde a este órgano colegiado.');
}

// The body a staff read is about: the one named, or the caller's own (a
// secretariat's or coordinator's is of one body and may omit it); the admin,
// of none, must name it.
export function bodyReadBy(who: Identity, named: string | undefined): string {
  const bodyId = named ?? ('bodyId' in who.principal ? who.principal.bodyId : undefined);
  if (bodyId === undefined) throw validationFailed([{ field: 'bodyId', message: 'Indique el órgano colegiado.' }]);
  assertBodyScope(who, bodyId);
  return bodyId;
}

// Who may see an agreement and what hangs from it (its evidence, their files):
// institutions never learn of agreements they are not responsible for (the
// caller's own not-found, `hidden`); other bodies' staff are refused (403).
export function assertAgreementAccess(who: Identity, agreement: { bodyId: string; state: Agreement }, hidden: () => AppError): void {
  const p = who.principal;
  if (p.role !== 'institution') {
    assertBodyScope(who, agreement.bodyId);
    return;
  }
  if (!agreement.state.responsibles.some((r) => r.institutionId === p.institutionId)) throw hidden();
}
