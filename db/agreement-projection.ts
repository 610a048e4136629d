import type { Transaction } from 'kysely';
import { foldEvents, parseAgreementEvent } from '../domain/agreement/index.js';
import { projectPeriods } from './agreement-periods.js';
import { readStream } from './event-store.js';
import type { Database } from './tables.js';

// Rebuilds the read-model rows of one agreement from its whole stream. Streams
// are short (tens of events), and folding from the source keeps the read model
// exactly what a rebuild would give.
export async function projectAgreement(trx: Transaction<Database>, streamId: string): Promise<void> {
  const stored = await readStream(trx, streamId);
  const last = stored.at(-1);
  if (!last) return;
  const state = foldEvents(stored.map((e) => parseAgreementEvent({ type: e.type, data: e.data })));
  if (state.status === 'sin_adoptar') return;
  const row = {
    id: state.agreementId,
    body_id: state.bodyId,
    session_id: state.sessionId,
    seq: state.seq,
    folio: state.folio,
    status: state.status,
    adopted_on: state.adoptedOn,
    due_date: state.dueDate,
    fulfilled_on: state.fulfilledOn,
    text: state.text,
    state: JSON.stringify(state),
    version: last.version,
    updated_at: new Date(last.recordedAt),
  };
  await trx
    .insertInto('agreements')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, id: undefined }))
    .execute();
  await trx.deleteFrom('agreement_responsibles').where('agreement_id', '=', state.agreementId).execute();
  await trx
    .insertInto('agreement_responsibles')
    .values(state.responsibles.map((r) => ({ agreement_id: state.agreementId, institution_id: r.institutionId, state: r.state })))
    .execute();
  await projectPeriods(trx, state.agreementId, state.bodyId, state.seq, stored);
}
