import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startWorkerProcess } from '../../scripts/lib/worker-process.js';
import { givenABody } from '../support/api-client.js';
import { startHarness, type Harness } from '../support/harness.js';

// The worker is killed (SIGKILL, no goodbye) in the middle of an import job.
// Started again, it must finish the job with every row registered once, the
// folios still in file order.

let h: Harness;
let worker: ChildProcess | null = null;

const startWorker = () => startWorkerProcess({ DATABASE_URL: inject('databaseUrl'), TEMPORAL_ADDRESS: inject('temporalAddress'), TEMPORAL_TASK_QUEUE: h.taskQueue });

beforeAll(async () => {
  h = await startHarness({ worker: false });
  worker = await startWorker();
}, 60_000);
afterAll(async () => {
  worker?.kill('SIGTERM');
  await h?.stop();
});

describe('a worker killed in the middle of an import job', () => {
  it('finishes the job once started again, every row registered once and in file order', async () => {
    // Given a secretariat that imports a file of 60 agreements
    const body = await givenABody(h.app, { folioStart: 200 });
    const [institution] = body.institutions;
    if (!institution) throw new Error('givenABody gives institutions');
    const total = 60;
    const csv = ['session,text,responsibles,deadline', ...Array.from({ length: total }, (_, i) => `ordinaria 9 2021-06-30,Acuerdo ${i + 1} del archivo grande.,${institution.acronym},15bd`)].join('\r\n');
    const started = await h.app.inject({ method: 'POST', url: `/api/imports?bodyId=${body.bodyId}`, headers: { authorization: `Bearer ${body.secretariatToken}`, 'content-type': 'text/csv' }, payload: csv });
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().id as string;
    const progress = async () => (await body.secretariat.get(`/api/imports/${id}`)).body as { state: string; created: number; total: number; agreements: { row: number; id: string; folio: string }[] };

    // When the worker dies once some rows, not all, are registered
    await expect.poll(async () => (await progress()).created, { timeout: 60_000, interval: 100 }).toBeGreaterThan(3);
    const dying = once(worker as ChildProcess, 'exit');
    worker?.kill('SIGKILL');
    await dying;
    const atCrash = await progress();
    expect(atCrash.state).toBe('running');
    expect(atCrash.created).toBeLessThan(total);

    // and a new worker takes over
    worker = await startWorker();

    // then the job completes: every row once, folios in file order
    await expect.poll(async () => (await progress()).state, { timeout: 120_000, interval: 500 }).toBe('done');
    const done = await progress();
    expect(done.created).toBe(total);
    expect(done.agreements.map((a) => [a.row, a.folio])).toEqual(Array.from({ length: total }, (_, i) => [i + 2, `${200 + i}:30/06/2021`]));
    const listed = await body.coordinator.get(`/api/agreements?bodyId=${body.bodyId}&limit=200`);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual(done.agreements.map((a) => a.id));
    const adoptions = await h.db.selectFrom('events').select('stream_id').where('type', '=', 'AgreementAdopted').where('stream_id', 'in', done.agreements.map((a) => `agreement-${a.id}`)).execute();
    expect(adoptions).toHaveLength(total);
  }, 240_000);
});
