import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

// The worker as production runs it: its own Node process, configured by the
// environment, ready once it says it listens on its queue. Tests kill it, the
// lifecycle benchmark reads its memory.
export async function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'worker/main.ts'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Its output is kept only until it is ready (to explain a failed start);
  // after that it is read and dropped, so a long run neither blocks on a full
  // pipe nor grows a buffer.
  let output: string | null = '';
  const keep = (chunk: Buffer) => {
    if (output !== null) output += chunk.toString();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await new Promise<void>((resolve, reject) => {
    const failed = (code: number | null, signal: NodeJS.Signals | null) => reject(new Error(`el worker terminó al arrancar (${code ?? signal}):\n${output}`));
    child.once('exit', failed);
    child.stdout?.on('data', () => {
      if (!output?.includes('worker: escuchando')) return;
      output = null;
      child.off('exit', failed);
      resolve();
    });
  });
  return child;
}
