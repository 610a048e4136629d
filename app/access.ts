import type { Agreement } from '../domain/agreement/index.js';
import { forbidden, type AppError } from './errors.js';
import type { Identity } from './principal.js';

// Secretariats and coordinators act only within their own body; admin everywhere.
export function assertBodyScope(who: Identity, bodyId: string): void {
  const p = who.principal;
  if (p.role === 'admin') return;
  if ((p.role === 'secretariat' || p.role === 'coordinator') && p.bodyId === bodyId) return;
  throw forbidden('El token no corresponde a este órgano colegiado.');
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
