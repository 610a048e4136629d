import { agreementStreamId, foldEvents, parseAgreementEvent, type Agreement } from '../domain/agreement/index.js';
import { addDays, zonedInstant, type LocalDate } from '../domain/dates.js';
import type { Db } from './connection.js';
import type { EventRow } from './tables.js';

// An agreement as it stood at some moment: its state folded from the events
// that had occurred by then, and the version of the last of them.
export interface AgreementAsOf {
  state: Agreement;
  version: number;
}

// The end of a calendar day in a zone: the instant its next day begins. The
// as-of view of a day holds everything that occurred up to that instant.
export function endOfDay(day: LocalDate, timezone: string): Date {
  return new Date(zonedInstant(addDays(day, 1), '00:00', timezone));
}

// Which agreements to read: one, or every agreement of a body.
export type AgreementScope = { agreementId: string } | { bodyId: string };

// Folds, per agreement, the events that occurred before the end of `day`.
// Agreements adopted later (no AgreementAdopted by then) are left out. Events
// recorded later with an earlier occurredAt count: the history says when
// things happened, not when they were typed in.
export async function agreementsAsOf(db: Db, scope: AgreementScope, day: LocalDate, timezone: string): Promise<AgreementAsOf[]> {
  const cutoff = endOfDay(day, timezone);
  let query = db.selectFrom('agreements').select(['id', 'state', 'version']);
  query = 'agreementId' in scope ? query.where('id', '=', scope.agreementId) : query.where('body_id', '=', scope.bodyId);
  const current = await query.execute();
  if (current.length === 0) return [];
  // An agreement none of whose events occurred after the cutoff stood then as
  // its read model stands now (the model is the fold of its whole stream), so
  // only the streams that changed later are folded again: a body's as-of read
  // folds the agreements of around that day, not its whole history.
  const changedLater = new Set(
    (
      await db
        .selectFrom('events')
        .select('stream_id')
        .distinct()
        .where('stream_id', 'in', current.map((row) => agreementStreamId(row.id)))
        .where('occurred_at', '>=', cutoff)
        .execute()
    ).map((row) => row.stream_id),
  );
  const result: AgreementAsOf[] = current
    .filter((row) => !changedLater.has(agreementStreamId(row.id)))
    .map((row) => ({ state: row.state as Agreement, version: row.version }));
  if (changedLater.size === 0) return result;
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('stream_id', 'in', [...changedLater])
    .where('occurred_at', '<', cutoff)
    .orderBy('stream_id')
    .orderBy('version')
    .execute();

  const byStream = new Map<string, EventRow[]>();
  for (const row of rows) {
    const stream = byStream.get(row.stream_id);
    if (stream) stream.push(row);
    else byStream.set(row.stream_id, [row]);
  }
  for (const stream of byStream.values()) {
    const state = foldEvents(stream.map((row) => parseAgreementEvent({ type: row.type, data: row.data })));
    const last = stream.at(-1);
    if (state.status !== 'sin_adoptar' && last) result.push({ state, version: last.version });
  }
  return result;
}
