import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { rebuildReadModels } from '../../db/rebuild-read-models.js';
import { verifyAllChains } from '../../db/verify-chains.js';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

async function givenSomeAgreements(count: number) {
  const body = await givenABody(h.app);
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
  for (let i = 0; i < count; i += 1) {
    const created = await body.secretariat.post('/api/agreements', {
      sessionId: session.body.id,
      text: `Acuerdo ${i}`,
      responsibleInstitutionIds: body.institutions.map((inst) => inst.id),
      deadline: { type: 'months', months: 3, from: 'adoption' },
    });
    expect(created.status).toBe(201);
  }
}

async function readModelRows() {
  const agreements = await h.db.selectFrom('agreements').selectAll().orderBy('id').execute();
  const responsibles = await h.db.selectFrom('agreement_responsibles').selectAll().orderBy('agreement_id').orderBy('institution_id').execute();
  return { agreements, responsibles };
}

describe('maintenance of the store', () => {
  it('given agreements in the store, when the read models are rebuilt, then they have the same rows as before', async () => {
    await givenSomeAgreements(3);
    const before = await readModelRows();

    const { streams } = await rebuildReadModels(h.db);

    expect(streams).toBeGreaterThanOrEqual(3);
    expect(await readModelRows()).toEqual(before);
  });

  it('verifies every hash chain, and names the first broken link of a tampered stream', async () => {
    await givenSomeAgreements(1);
    expect((await verifyAllChains(h.db)).broken).toEqual([]);

    // Tamper as an attacker with database access would: around the append-only trigger.
    const streamId = `tampered-${randomUUID()}`;
    await sql`alter table events disable trigger events_no_update_delete`.execute(h.db);
    try {
      await sql`insert into events (stream_id, version, event_id, type, data, occurred_at, recorded_at, actor, hash, prev_hash)
                values (${streamId}, 1, ${randomUUID()}, 'X', '{}', now(), now(), '{}', 'not-a-hash', null)`.execute(h.db);
    } finally {
      await sql`alter table events enable trigger events_no_update_delete`.execute(h.db);
    }

    const report = await verifyAllChains(h.db);
    expect(report.broken).toEqual([{ streamId, version: 1, reason: 'el hash no corresponde al contenido' }]);
  });
});
