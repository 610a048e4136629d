import { findAgreementRow } from '../db/agreements.js';
import { findBody, type Body } from '../db/bodies.js';
import type { Db } from '../db/connection.js';
import type { CommandData, RequestedCommandType } from '../workflows/definitions.js';
import { assertAgreementAccess } from './access.js';
import { commandAddress, sendCommand, type CommandAddress } from './commands.js';
import type { AppContext } from './context.js';
import { notFound } from './errors.js';
import { actorOf, type Identity } from './principal.js';

// An agreement as the caller may see it (app/access.ts says who may).
export async function loadAgreement(db: Db, who: Identity, id: string) {
  const row = await findAgreementRow(db, id);
  if (!row) throw notFound('El acuerdo');
  const { state } = row;
  assertAgreementAccess(who, { bodyId: row.body_id, state }, () => notFound('El acuerdo'));
  const body = await findBody(db, row.body_id);
  if (!body) throw notFound('El órgano colegiado');
  return { row, state, body };
}

// The write path every command shares: the caller's scope checked on the read
// model (404 / 403 before anything reaches Temporal), then the command sent to
// the agreement's workflow under the request's Idempotency-Key.
export async function commandOnAgreement<T extends RequestedCommandType>(
  { db, temporal }: Pick<AppContext, 'db' | 'temporal'>,
  who: Identity,
  agreementId: string,
  request: { type: T; payload: unknown; idempotencyKey: string | undefined; occurredAt: string | undefined },
  data: (address: CommandAddress, body: Body) => CommandData<T> | Promise<CommandData<T>>,
) {
  const { body } = await loadAgreement(db, who, agreementId);
  const address = commandAddress(agreementId, who.tokenId, request.type, request.payload, request.idempotencyKey);
  const outcome = await sendCommand(temporal, address, request.type, {
    data: await data(address, body),
    actor: actorOf(who.principal, who.tokenId),
    ...(request.occurredAt ? { occurredAt: request.occurredAt } : {}),
  });
  return { address, outcome, body };
}
