// The baseline of the reminder burst: as many bare workflows (no domain, no
// database, no mail) sleeping until one instant and then running a no-op
// activity, on a worker in this process with the agreements' worker's cache
// size. Their lateness is measured as the reminders' is, so the ratio says
// how much of the reminders' lateness is our path and how much Temporal and
// this machine.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { inParallel } from '../../app/fan-out.js';
import { DEFAULT_CACHED_WORKFLOWS } from '../../worker/create-worker.js';
import { bareTimerWorkflow, type BareTimerActivities } from '../bench-workflows/bare-timer.js';
import { sleep } from '../lib/process.js';
import { cpuDelta, cpuSeconds, load } from './cpu.js';
import type { Stack } from './stack.js';
import { describeLateness, fixed, lateness, type BurstResult } from './stats.js';

export async function measureBareTimerBurst(stack: Stack, options: { count: number; concurrency: number; say: (line: string) => void }): Promise<BurstResult> {
  const { count, concurrency, say } = options;
  const arrivals = new Map<string, number[]>();
  const activities: BareTimerActivities = {
    async arrived(workflowId) {
      arrivals.set(workflowId, [...(arrivals.get(workflowId) ?? []), Date.now()]);
    },
  };
  const taskQueue = `bench-bare-timer-${randomUUID()}`;
  const connection = await NativeConnection.connect({ address: stack.temporal().address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    maxCachedWorkflows: DEFAULT_CACHED_WORKFLOWS,
    workflowsPath: fileURLToPath(new URL('../bench-workflows/bare-timer.ts', import.meta.url)),
    activities,
  });
  const running = worker.run();
  try {
    // Starting takes count / rate; plain starts go at 30–100/s here.
    const leadMs = Number(process.env.BENCH_BARE_LEAD_S ?? Math.ceil(count / 20 + 20)) * 1000;
    const instant = Math.ceil((Date.now() + leadMs) / 1000) * 1000;
    say(`Temporizadores desnudos: ${count} workflows que duermen hasta ${new Date(instant).toISOString()} y corren una actividad vacía — ${load()}`);
    const started = performance.now();
    const prefix = `bare-timer-${randomUUID()}`;
    await inParallel(Array.from({ length: count }, (_, i) => i), concurrency, async (i) => {
      await stack.client.workflow.start(bareTimerWorkflow, { workflowId: `${prefix}-${i}`, taskQueue, args: [instant] });
    });
    say(`  iniciados en ${fixed((performance.now() - started) / 1000)} s; faltan ${fixed((instant - Date.now()) / 1000)} s para el instante`);
    if (Date.now() > instant - 5_000) throw new Error('el inicio terminó tarde para el instante: aumente BENCH_BARE_LEAD_S');

    const roots = () => ({ 'worker desnudo (este proceso)': { pid: process.pid, withChildren: false }, temporal: { pid: stack.temporal().process.pid, withChildren: true }, postgres: { pid: stack.postgres().process.pid, withChildren: true } });
    await sleep(instant - Date.now() - 2_000);
    const cpuBefore = await cpuSeconds(roots());
    const giveUpAt = instant + 180_000;
    while (arrivals.size < count && Date.now() < giveUpAt) await sleep(250);
    const burstSeconds = (Date.now() - instant + 2_000) / 1000;
    const used = cpuDelta(cpuBefore, await cpuSeconds(roots()));
    // Time for a repeated activity to show up.
    await sleep(5_000);
    const all = [...arrivals.values()];
    const result = lateness(all.flat(), instant);
    say(`  llegaron ${arrivals.size} de ${count}; workflows con más de una llegada: ${all.filter((a) => a.length > 1).length}`);
    say(`  retraso frente al instante: ${describeLateness(result)} — ${load()}`);
    say(`  CPU en la ráfaga (${fixed(burstSeconds)} s, de 200%): ${Object.entries(used).map(([p, s]) => `${p} ${fixed((100 * s) / burstSeconds, 0)}%`).join(', ')}`);
    return { ...result, workerCpuMs: (1000 * (used['worker desnudo (este proceso)'] ?? Number.NaN)) / count };
  } finally {
    worker.shutdown();
    await running;
    await connection.close();
  }
}
