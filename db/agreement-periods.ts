import type { Kysely, Transaction } from 'kysely';
import { agreementPeriods, agreementStreamId, parseAgreementEvent } from '../domain/agreement/index.js';
import { readStream, type StoredEvent } from './event-store.js';
import type { Database } from './tables.js';

type Writer = Kysely<Database> | Transaction<Database>;

// Replaces an agreement's periods (migration 0010) with those of its stream.
export async function projectPeriods(trx: Writer, agreementId: string, bodyId: string, seq: number, stored: readonly StoredEvent[]): Promise<void> {
  const periods = agreementPeriods(stored.map((e) => ({ occurredAt: e.occurredAt, event: parseAgreementEvent({ type: e.type, data: e.data }) })));
  await trx.deleteFrom('agreement_periods').where('agreement_id', '=', agreementId).execute();
  if (periods.length === 0) return;
  const rows = periods.map((p) => ({ agreement_id: agreementId, body_id: bodyId, valid_from: new Date(p.from), valid_until: p.until === null ? null : new Date(p.until), status: p.status, due_date: p.dueDate }));
  await trx
    .insertInto('agreement_periods')
    .values(rows.map((row) => ({ ...row, seq })))
    .execute();
  const responsibles = rows.flatMap((row, index) => (periods[index]?.responsibles ?? []).map((r) => ({ ...row, institution_id: r.institutionId, state: r.state })));
  if (responsibles.length > 0) await trx.insertInto('agreement_period_responsibles').values(responsibles).execute();
}

// The periods of an agreement already in the read model, from its stream.
export async function projectPeriodsOfStream(db: Writer, agreementId: string): Promise<void> {
  const row = await db.selectFrom('agreements').select(['body_id', 'seq']).where('id', '=', agreementId).executeTakeFirst();
  if (!row) return;
  await projectPeriods(db, agreementId, row.body_id, row.seq, await readStream(db, agreementStreamId(agreementId)));
}
