import { sql, type Transaction } from 'kysely';
import { foldParticipation, Participation, parseParticipationEvent, participationStreamId } from '../domain/participation/index.js';
import type { Db } from './connection.js';
import { readStream } from './event-store.js';
import type { Database, EventRow } from './tables.js';

// A participation as it stands (or stood): its state and the version of its
// last event.
export interface StoredParticipation {
  state: Participation;
  version: number;
}

// Rebuilds the read-model row of one participation from its whole stream, in
// the append's transaction.
export async function projectParticipation(trx: Transaction<Database>, streamId: string): Promise<void> {
  const stored = await readStream(trx, streamId);
  const first = stored[0];
  const last = stored.at(-1);
  const state = foldParticipation(stored.map((e) => parseParticipationEvent({ type: e.type, data: e.data })));
  if (!state || !first || !last) return;
  const row = {
    id: state.participationId,
    body_id: state.bodyId,
    session_id: state.sessionId,
    session_date: state.sessionDate,
    agreement_id: state.agreementId,
    participant_ids: JSON.stringify(state.participantIds),
    state: JSON.stringify(state),
    version: last.version,
    recorded_at: new Date(first.recordedAt),
    updated_at: new Date(last.recordedAt),
  };
  await trx
    .insertInto('participations')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...row, id: undefined }))
    .execute();
}

export async function findParticipation(db: Db, id: string): Promise<StoredParticipation | undefined> {
  const row = await db.selectFrom('participations').select(['state', 'version']).where('id', '=', id).executeTakeFirst();
  return row && { state: Participation.parse(row.state), version: row.version };
}

export interface ParticipationFilter {
  bodyId: string;
  sessionId?: string | undefined;
  participantId?: string | undefined;
  // Sessions held in this span of days, both included.
  from?: string | undefined;
  to?: string | undefined;
}

// Participations of a body, in the order of their sessions' dates and then as
// they were recorded. `occurredBefore`: as they stood before that instant,
// folded from their events (those recorded later are left out).
export async function listParticipations(db: Db, filter: ParticipationFilter, occurredBefore?: Date): Promise<StoredParticipation[]> {
  let query = db.selectFrom('participations').select(['id', 'state', 'version']).where('body_id', '=', filter.bodyId);
  if (filter.sessionId) query = query.where('session_id', '=', filter.sessionId);
  if (filter.participantId) query = query.where(sql<boolean>`participant_ids @> ${JSON.stringify([filter.participantId])}::jsonb`);
  if (filter.from) query = query.where('session_date', '>=', filter.from);
  if (filter.to) query = query.where('session_date', '<=', filter.to);
  const rows = await query.orderBy('session_date').orderBy('recorded_at').orderBy('id').execute();
  // Parsed: the rows written before participations took files lack them.
  if (!occurredBefore) return rows.map((row) => ({ state: Participation.parse(row.state), version: row.version }));
  const past = await foldBefore(db, rows.map((row) => row.id), occurredBefore);
  // A follow-up cannot change the session or the participants, so the filter
  // holds for the past state too; only what was not recorded yet drops out.
  return rows.flatMap((row) => past.get(row.id) ?? []);
}

async function foldBefore(db: Db, ids: readonly string[], cutoff: Date): Promise<Map<string, StoredParticipation>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where((eb) => eb('stream_id', '=', eb.fn.any(eb.val(ids.map(participationStreamId)))))
    .where('occurred_at', '<', cutoff)
    .orderBy('stream_id')
    .orderBy('version')
    .execute();
  const byStream = new Map<string, EventRow[]>();
  for (const row of rows) byStream.set(row.stream_id, [...(byStream.get(row.stream_id) ?? []), row]);
  const folded = new Map<string, StoredParticipation>();
  for (const stream of byStream.values()) {
    const state = foldParticipation(stream.map((row) => parseParticipationEvent({ type: row.type, data: row.data })));
    const last = stream.at(-1);
    if (state && last) folded.set(state.participationId, { state, version: last.version });
  }
  return folded;
}
