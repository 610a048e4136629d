// `npm run bench:lifecycle`: how fast agreements are registered end to end and
// what a worker holds and does with many open agreements. Machines are shared
// and noisy, so each figure comes with a baseline measured in the same run
// (rounds interleaved with it), and the load average beside it.
//
//   (default)    registrations end to end vs a plain append and vs the bare
//                Temporal pattern, two workers vs one, worker memory with
//                1,000 open agreements, import job vs synchronous import
//   --scale      worker memory at 1,000, 2,500, 5,000 and 10,000 open
//                agreements, then 1,000 reminders due in the same instant
//   --reminders  only the 1,000 reminders due in the same instant
//   (both reminder modes first time 1,000 bare workflows sleeping until one
//   instant, the baseline of the reminders' lateness)
//   --restart    Temporal and PostgreSQL stopped for 30 s while reminders and
//                deadlines fall due (BENCH_TEMPORAL=server)
import { join } from 'node:path';
import { sleep } from './lib/process.js';
import { startSmtpServer } from './lib/smtp-peer.js';
import { load } from './bench-lifecycle/cpu.js';
import { appendBaseline } from './bench-lifecycle/append-baseline.js';
import { createFixture, registerAgreements } from './bench-lifecycle/fixture.js';
import { measureImport } from './bench-lifecycle/import-rate.js';
import { heapMb, heapProbeEnv, rssMb } from './bench-lifecycle/memory.js';
import { bareSide, describeRounds, endToEndSide, interleave, twoWorkersSide } from './bench-lifecycle/registration.js';
import { measureBareTimerBurst } from './bench-lifecycle/bare-timers.js';
import { measureReminderBurst } from './bench-lifecycle/reminders.js';
import { measureRestart } from './bench-lifecycle/restart.js';
import { startStack } from './bench-lifecycle/stack.js';
import { fixed } from './bench-lifecycle/stats.js';

const AGREEMENTS = Number(process.env.BENCH_AGREEMENTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 200);
const REMINDERS = Number(process.env.BENCH_REMINDERS ?? 1000);
const CONCURRENCY = 8;
const mode = ['--scale', '--reminders', '--restart'].find((flag) => process.argv.includes(flag)) ?? 'default';
const say = (line: string) => console.log(line);

const smtp = await startSmtpServer();
const stack = await startStack({ smtpUrl: smtp.url, log: say });
const heapFile = join(stack.dir, 'worker-heap.json');
const worker = await stack.startWorker(heapProbeEnv(heapFile));
const workerPid = worker.pid ?? 0;
say(`Temporal: ${stack.onServer ? 'servidor sobre PostgreSQL' : 'servidor de desarrollo (SQLite)'}; worker con caché de 250 workflows; modo ${mode}`);

const memory = async (label: string, idle?: { rss: number; heap: number }) => {
  const rss = await rssMb(workerPid);
  const { heapUsed, external } = await heapMb(workerPid, heapFile);
  say(`  ${label}: RSS ${fixed(rss, 0)} MB, heap vivo ${fixed(heapUsed, 0)} MB (+ ${fixed(external, 0)} MB external)${idle ? ` — razón RSS ${fixed(rss / idle.rss, 2)}` : ''} — ${load()}`);
  return { rss, heap: heapUsed };
};

try {
  const fixture = await createFixture(stack, { acronym: 'BENCH', institutions: 2 });
  // Warm-up: the workflow bundle, connections and JIT.
  await registerAgreements(stack, fixture, Array.from({ length: 20 }, (_, i) => i), 1);
  await bareSide(stack, CONCURRENCY).run(20);
  await sleep(3_000);
  say('Memoria del worker:');
  const idle = await memory('en reposo tras el calentamiento (20 abiertos)');

  if (mode === 'default') {
    const perRound = Math.max(1, Math.round(AGREEMENTS / ROUNDS));
    const roots = () => ({
      api: { pid: process.pid, withChildren: false },
      worker: { pid: workerPid, withChildren: false },
      temporal: { pid: stack.temporal().process.pid, withChildren: true },
      postgres: { pid: stack.postgres().process.pid, withChildren: true },
    });
    const direct = await appendBaseline(stack, fixture, AGREEMENTS, CONCURRENCY);
    say(`Registro de acuerdos, ${ROUNDS} rondas alternadas de ${perRound}, ${CONCURRENCY} a la vez:`);
    const vsBare = await interleave([endToEndSide(stack, fixture, CONCURRENCY), bareSide(stack, CONCURRENCY)], ROUNDS, perRound, roots);
    describeRounds(vsBare, ['punta a punta', 'desnudo'], say);
    const endToEnd = vsBare.rates['punta a punta'] ?? [];
    say(`  referencia, append directo al almacén: ${fixed(direct)}/s (razón punta a punta / append: ${fixed(endToEnd.reduce((a, b) => a + b, 0) / endToEnd.length / direct, 3)})`);
    await sleep(5_000);
    await memory(`con ${20 + perRound * ROUNDS} acuerdos abiertos`, idle);
    const workerRounds = Math.max(2, Math.round(ROUNDS / 2));
    say(`Dos workers frente a uno, ${workerRounds} rondas alternadas de ${perRound} (el segundo arranca antes y se detiene después de cada ronda suya):`);
    const vsOne = await interleave([twoWorkersSide(stack, fixture, CONCURRENCY), endToEndSide(stack, fixture, CONCURRENCY, 'un worker')], workerRounds, perRound, roots);
    describeRounds(vsOne, ['dos workers', 'un worker'], say);
    await measureImport(stack, fixture, IMPORT_ROWS, say);
  }

  if (mode === '--scale') {
    const targets = (process.env.BENCH_SCALE_TARGETS ?? '1000,2500,5000,10000').split(',').map(Number);
    let open = 20;
    for (const target of targets) {
      const started = performance.now();
      const ids = Array.from({ length: target - open }, (_, i) => open + i);
      await registerAgreements(stack, fixture, ids, CONCURRENCY);
      say(`  ${target - open} más registrados a ${fixed(ids.length / ((performance.now() - started) / 1000))}/s`);
      open = target;
      await sleep(5_000);
      await memory(`con ${open} acuerdos abiertos`, idle);
    }
  }

  if (mode === '--scale' || mode === '--reminders') {
    const bare = await measureBareTimerBurst(stack, { count: REMINDERS, concurrency: CONCURRENCY, say });
    const reminders = await measureReminderBurst(stack, smtp, { count: REMINDERS, concurrency: CONCURRENCY, workerPid, say });
    say(`Razón recordatorios / temporizadores desnudos: p99 ${fixed(reminders.p99 / bare.p99, 1)} (${fixed(reminders.p99, 2)} s / ${fixed(bare.p99, 2)} s), desagüe ${fixed(reminders.drainPerSecond / bare.drainPerSecond, 3)} (${fixed(reminders.drainPerSecond)}/s / ${fixed(bare.drainPerSecond)}/s), CPU del worker por llegada ${fixed(reminders.workerCpuMs / bare.workerCpuMs, 1)} (${fixed(reminders.workerCpuMs)} ms / ${fixed(bare.workerCpuMs)} ms) — ${load()}`);
    await memory('tras la ráfaga de recordatorios', idle);
  }

  if (mode === '--restart') {
    if (!stack.onServer) throw new Error('--restart mide el servidor sobre PostgreSQL: use BENCH_TEMPORAL=server');
    await measureRestart(stack, smtp, { count: Number(process.env.BENCH_RESTART_AGREEMENTS ?? 100), concurrency: CONCURRENCY, say });
  }
} finally {
  await stack.stop();
  await smtp.stop();
}
