import { sql, type Transaction } from 'kysely';
import type { Db } from './connection.js';
import { eventHash, type ChainLink } from './hash-chain.js';
import type { Database, EventRow } from './tables.js';

export interface NewEvent {
  eventId: string;
  type: string;
  data: unknown;
  occurredAt: string;
  actor: unknown;
}

export interface StoredEvent extends ChainLink {
  position: string;
}

export class WrongExpectedVersion extends Error {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`El expediente ${streamId} cambió mientras se procesaba (versión esperada ${expected}, actual ${actual}).`);
  }
}

export type Projection = (trx: Transaction<Database>, streamId: string) => Promise<void>;

export interface AppendRequest {
  streamId: string;
  expectedVersion: number;
  events: readonly NewEvent[];
  recordedAt?: Date;
}

export interface AppendResult {
  nextVersion: number;
  // false when every event id was already stored: a retried append.
  appended: boolean;
}

// Appends with optimistic concurrency and runs the projection in the same
// transaction, so the read model never disagrees with the store. A retry of an
// append that already committed (same event ids) is a no-op.
export async function appendToStream(db: Db, request: AppendRequest, project?: Projection): Promise<AppendResult> {
  const { streamId, expectedVersion, events } = request;
  if (events.length === 0) return { nextVersion: expectedVersion, appended: false };
  const recordedAt = (request.recordedAt ?? new Date()).toISOString();

  return db.transaction().execute(async (trx) => {
    // One writer per stream at a time; other streams are not blocked.
    await sql`select pg_advisory_xact_lock(hashtextextended(${streamId}, 0))`.execute(trx);

    const eventIds = events.map((e) => e.eventId);
    const already = await trx.selectFrom('events').select(['stream_id', 'version']).where('event_id', 'in', eventIds).execute();
    if (already.length > 0) {
      if (already.length === events.length && already.every((row) => row.stream_id === streamId)) {
        return { nextVersion: Math.max(...already.map((row) => row.version)), appended: false };
      }
      throw new Error(`Identificadores de evento repetidos en ${streamId}`);
    }

    const last = await trx
      .selectFrom('events')
      .select(['version', 'hash'])
      .where('stream_id', '=', streamId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const actualVersion = last?.version ?? 0;
    if (actualVersion !== expectedVersion) throw new WrongExpectedVersion(streamId, expectedVersion, actualVersion);

    let prevHash = last?.hash ?? null;
    let version = actualVersion;
    const rows = events.map((event) => {
      version += 1;
      const fields = {
        streamId,
        version,
        eventId: event.eventId,
        type: event.type,
        data: event.data,
        occurredAt: new Date(event.occurredAt).toISOString(),
        recordedAt,
        actor: event.actor,
      };
      const hash = eventHash(prevHash, fields);
      const row = {
        stream_id: streamId,
        version,
        event_id: event.eventId,
        type: event.type,
        data: JSON.stringify(event.data),
        occurred_at: new Date(fields.occurredAt),
        recorded_at: new Date(recordedAt),
        actor: JSON.stringify(event.actor),
        hash,
        prev_hash: prevHash,
      };
      prevHash = hash;
      return row;
    });
    await trx.insertInto('events').values(rows).execute();
    if (project) await project(trx, streamId);
    return { nextVersion: version, appended: true };
  });
}

export interface ReadOptions {
  // Only events that occurred before this instant (exclusive): the as-of view.
  occurredBefore?: Date;
}

export async function readStream(db: Db | Transaction<Database>, streamId: string, options: ReadOptions = {}): Promise<StoredEvent[]> {
  let query = db.selectFrom('events').selectAll().where('stream_id', '=', streamId);
  if (options.occurredBefore) query = query.where('occurred_at', '<', options.occurredBefore);
  const rows = await query.orderBy('version').execute();
  return rows.map(toStoredEvent);
}

export function toStoredEvent(row: EventRow): StoredEvent {
  return {
    position: row.position,
    streamId: row.stream_id,
    version: row.version,
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    actor: row.actor,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}
