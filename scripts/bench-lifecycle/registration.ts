// Registrations per second, end to end (HTTP → Temporal update-with-start →
// activities → event store and read model) against Temporal's bare cost of the
// same pattern, and two workers against one. The two sides alternate in rounds
// (A B, then B A, …) so that the machine's moving load falls on both alike.
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { WithStartWorkflowOperation } from '@temporalio/client';
import { inParallel } from '../../app/fan-out.js';
import { bareWorkflow, registerUpdate } from '../bench-workflows/bare.js';
import { sleep } from '../lib/process.js';
import { cpuDelta, cpuSeconds, load } from './cpu.js';
import { registerAgreements, type Fixture } from './fixture.js';
import type { Stack } from './stack.js';
import { fixed, median, pairedRatio } from './stats.js';

export interface Side {
  name: string;
  // Runs `count` registrations; the side's rate is count / elapsed.
  run(count: number): Promise<void>;
  before?(): Promise<void>;
  after?(): Promise<void>;
}

export interface RoundsResult {
  rates: Record<string, number[]>;
  cpu: Record<string, Record<string, number>>;
  seconds: Record<string, number>;
}

// Each side runs `size` registrations per round; its setup (before/after) is
// outside the timing. CPU seconds of the roots are summed per side.
export async function interleave(sides: [Side, Side], rounds: number, size: number, cpuRoots: () => Parameters<typeof cpuSeconds>[0]): Promise<RoundsResult> {
  const result: RoundsResult = { rates: {}, cpu: {}, seconds: {} };
  for (const side of sides) {
    result.rates[side.name] = [];
    result.cpu[side.name] = {};
    result.seconds[side.name] = 0;
  }
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? sides : [sides[1], sides[0]];
    for (const side of order) {
      await side.before?.();
      const cpuBefore = await cpuSeconds(cpuRoots());
      const started = performance.now();
      await side.run(size);
      const seconds = (performance.now() - started) / 1000;
      const used = cpuDelta(cpuBefore, await cpuSeconds(cpuRoots()));
      await side.after?.();
      result.rates[side.name]?.push(size / seconds);
      result.seconds[side.name] = (result.seconds[side.name] ?? 0) + seconds;
      const cpu = result.cpu[side.name] ?? {};
      for (const [name, s] of Object.entries(used)) cpu[name] = (cpu[name] ?? 0) + s;
      result.cpu[side.name] = cpu;
    }
  }
  return result;
}

export function bareSide(stack: Stack, concurrency: number): Side {
  return {
    name: 'desnudo',
    async run(count) {
      const prefix = `bare-${randomUUID()}`;
      await inParallel(Array.from({ length: count }, (_, i) => i), concurrency, async (i) => {
        const startWorkflowOperation = new WithStartWorkflowOperation(bareWorkflow, { workflowId: `${prefix}-${i}`, taskQueue: stack.bareQueue, workflowIdConflictPolicy: 'USE_EXISTING' });
        await stack.client.workflow.executeUpdateWithStart(registerUpdate, { args: [String(i)], startWorkflowOperation });
      });
    },
  };
}

export function endToEndSide(stack: Stack, fixture: Fixture, concurrency: number, name = 'punta a punta'): Side {
  let next = 0;
  return {
    name,
    async run(count) {
      const ids = Array.from({ length: count }, () => (next += 1));
      await registerAgreements(stack, fixture, ids, concurrency);
    },
  };
}

// End to end with a second worker process on the queue, started before and
// stopped after each of its rounds (a few registrations warm it first).
export function twoWorkersSide(stack: Stack, fixture: Fixture, concurrency: number): Side {
  const side = endToEndSide(stack, fixture, concurrency, 'dos workers');
  let second: ChildProcess | undefined;
  return {
    ...side,
    async before() {
      second = await stack.startWorker();
      await side.run(10);
      await sleep(1_000);
    },
    async after() {
      if (second) await stack.stopWorker(second);
      second = undefined;
    },
  };
}

export function describeRounds(result: RoundsResult, [a, b]: [string, string], say: (line: string) => void): void {
  const ratesA = result.rates[a] ?? [];
  const ratesB = result.rates[b] ?? [];
  const ratio = pairedRatio(ratesA, ratesB);
  say(`  ${a}: mediana ${fixed(median(ratesA))}/s (rondas ${ratesA.map((x) => fixed(x)).join(', ')})`);
  say(`  ${b}: mediana ${fixed(median(ratesB))}/s (rondas ${ratesB.map((x) => fixed(x)).join(', ')})`);
  say(`  razón ${a} / ${b}: ${fixed(ratio.ofMedians, 2)} de medianas, ${fixed(ratio.ofTotals, 2)} de totales (por ronda ${fixed(ratio.min, 2)}–${fixed(ratio.max, 2)}) — ${load()}`);
  for (const name of [a, b]) {
    const cpu = result.cpu[name] ?? {};
    const seconds = result.seconds[name] ?? 1;
    const shares = Object.entries(cpu).map(([process, s]) => `${process} ${fixed((100 * s) / seconds, 0)}%`);
    say(`  CPU durante ${name} (de 200% en dos núcleos): ${shares.join(', ')}`);
  }
}
