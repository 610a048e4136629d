import { findAgreementRow } from '../db/agreements.js';
import { findBody, type Body } from '../db/bodies.js';
import type { Db } from '../db/connection.js';
import type { AgreementState } from '../domain/agreement/index.js';
import type { CommandData, RequestedCommandType } from '../workflows/definitions.js';
import type { AppDeps } from '../api/app.js';
import { assertBodyScope, type Caller } from '../api/auth.js';
import { notFound } from './errors.js';
import { actorOf } from './principal.js';
import { commandAddress, sendCommand, type CommandAddress } from './commands.js';

// An agreement as the caller may see it: institutions never learn of agreements
// they are not responsible for (404); other bodies' staff are refused (403).
export async function loadAgreement(db: Db, caller: Caller, id: string) {
  const row = await findAgreementRow(db, id);
  if (!row) throw notFound('El acuerdo');
  const state = row.state as AgreementState;
  const p = caller.principal;
  if (p.role === 'institution') {
    if (state.status === 'sin_adoptar' || !state.responsibles.some((r) => r.institutionId === p.institutionId)) throw notFound('El acuerdo');
  } else {
    assertBodyScope(caller, row.body_id);
  }
  const body = await findBody(db, row.body_id);
  if (!body) throw notFound('El órgano colegiado');
  return { row, state, body };
}

// The write path every command shares: the caller's scope checked on the read
// model (404 / 403 before anything reaches Temporal), then the command sent to
// the agreement's workflow under the request's Idempotency-Key.
export async function commandOnAgreement<T extends RequestedCommandType>(
  { db, temporal }: Pick<AppDeps, 'db' | 'temporal'>,
  caller: Caller,
  agreementId: string,
  request: { type: T; payload: unknown; idempotencyKey: string | undefined; occurredAt: string | undefined },
  data: (address: CommandAddress, body: Body) => CommandData<T> | Promise<CommandData<T>>,
) {
  const { body } = await loadAgreement(db, caller, agreementId);
  const address = commandAddress(agreementId, caller.tokenId, request.type, request.payload, request.idempotencyKey);
  const outcome = await sendCommand(temporal, address, request.type, {
    data: await data(address, body),
    actor: actorOf(caller.principal, caller.tokenId),
    ...(request.occurredAt ? { occurredAt: request.occurredAt } : {}),
  });
  return { address, outcome, body };
}
