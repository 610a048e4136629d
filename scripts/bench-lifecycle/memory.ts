// A worker process's memory: its RSS, and its main thread's heap after a full
// GC (RSS alone cannot tell live objects from memory V8 keeps or never gave
// back). The heap comes from a probe loaded into the worker (a data: URL, so
// nothing of the bench ships with the worker); it listens to SIGWINCH, since
// Temporal's runtime takes SIGUSR2 as a shutdown signal. Workflows run in the
// SDK's own thread, so their memory shows in RSS only.
import { readFile, rm } from 'node:fs/promises';
import { sleep } from '../lib/process.js';

const probe = `import { writeFileSync } from 'node:fs';
process.on('SIGWINCH', () => {
  gc();
  const { heapUsed, external } = process.memoryUsage();
  writeFileSync(process.env.BENCH_HEAP_FILE, JSON.stringify({ heapUsed, external }));
});`;

// The environment that loads the probe into a worker writing to `file`.
export function heapProbeEnv(file: string): NodeJS.ProcessEnv {
  return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc --import data:text/javascript,${encodeURIComponent(probe)}`, BENCH_HEAP_FILE: file };
}

export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

export async function heapMb(pid: number, file: string): Promise<{ heapUsed: number; external: number }> {
  await rm(file, { force: true });
  process.kill(pid, 'SIGWINCH');
  for (let tries = 0; tries < 100; tries += 1) {
    await sleep(100);
    const written = await readFile(file, 'utf8').catch(() => null);
    if (written) {
      const { heapUsed, external } = JSON.parse(written) as { heapUsed: number; external: number };
      return { heapUsed: heapUsed / 2 ** 20, external: external / 2 ** 20 };
    }
  }
  throw new Error('el worker no informó su heap');
}
