import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

// A process of the product as production runs it: its own Node process,
// configured by the environment, ready once its output says so. The entry is
// relative to the project: TypeScript sources run through tsx, a compiled
// build (dist/...) runs as it is.
export interface StartedProcess {
  child: ChildProcess;
  // What it printed until it was ready.
  startOutput: string;
}

export async function startNodeProcess(entry: string, env: NodeJS.ProcessEnv, readyWhen: string): Promise<StartedProcess> {
  const args = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Its output is kept only until it is ready (to explain a failed start);
  // after that it is read and dropped, so a long run neither blocks on a full
  // pipe nor grows a buffer.
  let output: string | null = '';
  const keep = (chunk: Buffer) => {
    if (output !== null) output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return new Promise<StartedProcess>((resolve, reject) => {
    const failed = (code: number | null, signal: NodeJS.Signals | null) => reject(new Error(`${entry} terminó al arrancar (${code ?? signal}):\n${output}`));
    child.once('exit', failed);
    child.stdout?.on('data', () => {
      if (output === null || !output.includes(readyWhen)) return;
      const startOutput = output;
      output = null;
      child.off('exit', failed);
      resolve({ child, startOutput });
    });
  });
}

// The worker, ready once it says it listens on its queue. Tests kill it, the
// lifecycle benchmark reads its memory.
export const WORKER_READY = 'worker: escuchando';

export async function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  return (await startNodeProcess('worker/main.ts', env, WORKER_READY)).child;
}

// Fastify's line once the API listens.
export const API_READY = 'Server listening at';
