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

// The agreements of a scope with an event that occurred at or after `cutoff`.
// Every other agreement stood at the cutoff as its read model stands now (the
// model is the fold of its whole stream), so only these need folding again:
// an as-of read of a body folds the agreements of around that day, not its
// whole history.
export async function changedSince(db: Db, scope: AgreementScope, cutoff: Date): Promise<Set<string>> {
  const ids = 'agreementId' in scope ? [scope.agreementId] : (await db.selectFrom('agreements').select('id').where('body_id', '=', scope.bodyId).execute()).map((row) => row.id);
  if (ids.length === 0) return new Set();
  const byStream = new Map(ids.map((id) => [agreementStreamId(id), id]));
  // Every stream that changed after the cutoff (index on occurred_at), kept if
  // in scope: cheaper than naming thousands of streams in the query.
  let changed = db.selectFrom('events').select('stream_id').distinct().where('occurred_at', '>=', cutoff);
  if ('agreementId' in scope) changed = changed.where('stream_id', '=', agreementStreamId(scope.agreementId));
  const rows = await changed.execute();
  return new Set(rows.flatMap((row) => byStream.get(row.stream_id) ?? []));
}

// Folds, per agreement, its events that occurred before `cutoff`. Agreements
// adopted later (no AgreementAdopted by then) are left out. Events recorded
// later with an earlier occurredAt count: the history says when things
// happened, not when they were typed in.
export async function foldAsOf(db: Db, agreementIds: readonly string[], cutoff: Date): Promise<AgreementAsOf[]> {
  if (agreementIds.length === 0) return [];
  const rows = await db
    .selectFrom('events')
    .selectAll()
    // One array parameter, not one per stream: PostgreSQL takes at most 65,535
    // parameters, and a body may have more agreements changed since the day.
    .where((eb) => eb('stream_id', '=', eb.fn.any(eb.val(agreementIds.map(agreementStreamId)))))
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
  const result: AgreementAsOf[] = [];
  for (const stream of byStream.values()) {
    const state = foldEvents(stream.map((row) => parseAgreementEvent({ type: row.type, data: row.data })));
    const last = stream.at(-1);
    if (state.status !== 'sin_adoptar' && last) result.push({ state, version: last.version });
  }
  return result;
}

// The agreements of a scope as they stood at the end of `day`.
export async function agreementsAsOf(db: Db, scope: AgreementScope, day: LocalDate, timezone: string): Promise<AgreementAsOf[]> {
  const cutoff = endOfDay(day, timezone);
  let query = db.selectFrom('agreements').select(['id', 'state', 'version']);
  query = 'agreementId' in scope ? query.where('id', '=', scope.agreementId) : query.where('body_id', '=', scope.bodyId);
  const current = await query.execute();
  // Read after the rows: an event appended in between makes its agreement folded, never shown from the future.
  const changed = await changedSince(db, scope, cutoff);
  const unchanged = current.filter((row) => !changed.has(row.id)).map((row) => ({ state: row.state, version: row.version }));
  return [...unchanged, ...(await foldAsOf(db, [...changed], cutoff))];
}
