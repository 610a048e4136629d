import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createDb, type Db } from '../db/connection.js';
import { appendToStream, readStream, WrongExpectedVersion, type NewEvent } from '../db/event-store.js';
import { verifyChain } from '../db/hash-chain.js';

let db: Db;
beforeAll(() => {
  db = createDb(inject('databaseUrl'));
});
afterAll(async () => {
  await db.destroy();
});

const actor = { role: 'secretariat', id: 'token-1' };
function event(type: string, data: unknown = { n: 1 }): NewEvent {
  return { eventId: randomUUID(), type, data, occurredAt: '2020-04-24T15:00:00.000Z', actor };
}

describe('event store', () => {
  it('given a stream at version 1, when a writer appends expecting version 0, then it is refused and nothing is recorded', async () => {
    const streamId = `test-${randomUUID()}`;
    await appendToStream(db, { streamId, expectedVersion: 0, events: [event('A')] });

    await expect(appendToStream(db, { streamId, expectedVersion: 0, events: [event('B')] })).rejects.toBeInstanceOf(WrongExpectedVersion);

    const stored = await readStream(db, streamId);
    expect(stored.map((e) => e.type)).toEqual(['A']);
  });

  it('given two writers racing on the same version, then exactly one of them wins', async () => {
    const streamId = `test-${randomUUID()}`;
    const results = await Promise.allSettled([
      appendToStream(db, { streamId, expectedVersion: 0, events: [event('A')] }),
      appendToStream(db, { streamId, expectedVersion: 0, events: [event('B')] }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(await readStream(db, streamId)).toHaveLength(1);
  });

  it('given an append that committed, when it is retried with the same event ids, then nothing new is recorded', async () => {
    const streamId = `test-${randomUUID()}`;
    const events = [event('A'), event('B')];
    const first = await appendToStream(db, { streamId, expectedVersion: 0, events });
    const retry = await appendToStream(db, { streamId, expectedVersion: 0, events });

    expect(first).toEqual({ nextVersion: 2, appended: true });
    expect(retry).toEqual({ nextVersion: 2, appended: false });
    expect(await readStream(db, streamId)).toHaveLength(2);
  });

  it('chains every event to the previous one of its stream, and the chain verifies after a round trip through jsonb', async () => {
    const streamId = `test-${randomUUID()}`;
    await appendToStream(db, { streamId, expectedVersion: 0, events: [event('A', { z: 1, a: [{ y: 2, b: 'ñ' }] })] });
    await appendToStream(db, { streamId, expectedVersion: 1, events: [event('B'), event('C')] });

    const stored = await readStream(db, streamId);
    expect(stored[0]?.prevHash).toBeNull();
    expect(stored[1]?.prevHash).toBe(stored[0]?.hash);
    expect(stored[2]?.prevHash).toBe(stored[1]?.hash);
    expect(verifyChain(stored)).toEqual({ ok: true });
  });

  it('detects a tampered event as the first broken link', async () => {
    const streamId = `test-${randomUUID()}`;
    await appendToStream(db, { streamId, expectedVersion: 0, events: [event('A'), event('B'), event('C')] });
    const stored = await readStream(db, streamId);
    const tampered = stored.map((e) => (e.version === 2 ? { ...e, data: { n: 2 } } : e));

    expect(verifyChain(tampered)).toMatchObject({ ok: false, version: 2 });
  });

  it('refuses to update or delete a stored event', async () => {
    const streamId = `test-${randomUUID()}`;
    await appendToStream(db, { streamId, expectedVersion: 0, events: [event('A')] });

    await expect(sql`update events set type = 'X' where stream_id = ${streamId}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from events where stream_id = ${streamId}`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('rolls the append back when the projection in the same transaction fails', async () => {
    const streamId = `test-${randomUUID()}`;
    const failingProjection = async () => {
      throw new Error('projection failed');
    };
    await expect(appendToStream(db, { streamId, expectedVersion: 0, events: [event('A')] }, failingProjection)).rejects.toThrow('projection failed');
    expect(await readStream(db, streamId)).toHaveLength(0);
  });
});
