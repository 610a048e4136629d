// Child processes for the local stack: spawned with their output prefixed on the
// terminal or appended to a log file, stopped with their own signal and a grace
// period, and never left behind when this process exits.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly child: ChildProcess;
  /** Resolves once the process has exited (never rejects). */
  readonly exited: Promise<ExitInfo>;
  isRunning(): boolean;
  /** Resolves once its output has reached the terminal / log file, or after timeoutMs. */
  outputFlushed(timeoutMs?: number): Promise<void>;
  /** Sends the stop signal, waits up to graceMs, then SIGKILL. Idempotent. */
  stop(): Promise<ExitInfo>;
}

export interface SpawnManagedOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Own process group: a Ctrl-C on the terminal reaches only us, and we stop it in order. */
  detached?: boolean;
  /** Where its output goes: the terminal with a `[name]` prefix, or appended to a file. */
  output?:
    | { kind: 'terminal' }
    | { kind: 'file'; path: string }
    | { kind: 'lines'; onLine: (line: string, stream: 'stdout' | 'stderr') => void }
    | { kind: 'ignore' };
  stopSignal?: NodeJS.Signals;
  graceMs?: number;
  uid?: number;
  gid?: number;
  /** Open an IPC channel (Node children): it closes when we die, see exit-with-parent.mjs. */
  ipc?: boolean;
}

interface LiveEntry {
  child: ChildProcess;
  detached: boolean;
  stopSignal: NodeJS.Signals;
  stop?: () => Promise<ExitInfo>;
}
const live = new Set<LiveEntry>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort when we exit without stopping a child (crash, process.exit): ask it
  // to stop on its own. Only synchronous work is possible here.
  process.on('exit', () => {
    for (const { child, stopSignal } of live) {
      try {
        child.kill(stopSignal);
      } catch {
        // already gone
      }
    }
  });
}

const COLORS = [36, 35, 33, 32, 34, 31];
let nextColor = 0;

function prefixer(name: string): (line: string) => string {
  const color = COLORS[nextColor++ % COLORS.length];
  const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
  const label = useColor ? `\u001b[${color}m[${name}]\u001b[0m` : `[${name}]`;
  return (line) => `${label} ${line}\n`;
}

export function spawnManaged(
  name: string,
  command: string,
  args: readonly string[],
  options: SpawnManagedOptions = {},
): ManagedProcess {
  installExitHook();
  const output = options.output ?? { kind: 'terminal' };
  const stopSignal = options.stopSignal ?? 'SIGTERM';
  const graceMs = options.graceMs ?? 15_000;

  let logStream: WriteStream | undefined;
  if (output.kind === 'file') {
    mkdirSync(dirname(output.path), { recursive: true });
    logStream = createWriteStream(output.path, { flags: 'a' });
    logStream.write(`\n--- ${new Date().toISOString()} ${command} ${args.join(' ')}\n`);
  }

  const spawnOptions: SpawnOptions = {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: options.detached ?? false,
    stdio: [
      'ignore',
      output.kind === 'ignore' ? 'ignore' : 'pipe',
      output.kind === 'ignore' ? 'ignore' : 'pipe',
      ...(options.ipc ? (['ipc'] as const) : []),
    ],
  };
  if (options.uid !== undefined) spawnOptions.uid = options.uid;
  if (options.gid !== undefined) spawnOptions.gid = options.gid;

  const child = spawn(command, args, spawnOptions);
  // Our end of the IPC channel must not keep us alive.
  if (options.ipc) child.channel?.unref();
  const entry: LiveEntry = { child, stopSignal, detached: options.detached ?? false };
  live.add(entry);

  if (output.kind === 'terminal') {
    const format = prefixer(name);
    for (const [stream, target] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      if (!stream) continue;
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => target.write(format(line)));
    }
  } else if (output.kind === 'lines') {
    for (const [stream, label] of [
      [child.stdout, 'stdout'],
      [child.stderr, 'stderr'],
    ] as const) {
      if (!stream) continue;
      createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => output.onLine(line, label));
    }
  } else if (logStream) {
    child.stdout?.pipe(logStream, { end: false });
    child.stderr?.pipe(logStream, { end: false });
  }

  let running = true;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('error', (error) => {
      // spawn failure (ENOENT, EACCES): there will be no 'exit'.
      if (child.pid === undefined) {
        running = false;
        live.delete(entry);
        logStream?.end(`${name}: ${error.message}\n`);
        resolve({ code: 127, signal: null });
      }
    });
    child.once('exit', (code, signal) => {
      running = false;
      live.delete(entry);
      resolve({ code, signal });
    });
  });
  // Close the log file once both pipes are drained.
  const flushed = new Promise<void>((resolveFlushed) => {
    child.once('close', () => {
      if (logStream) logStream.end(() => resolveFlushed());
      else resolveFlushed();
    });
  });
  const outputFlushed = async (timeoutMs = 2_000): Promise<void> => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([flushed, new Promise<void>((r) => (timer = setTimeout(r, timeoutMs)))]);
    clearTimeout(timer);
  };

  let stopping: Promise<ExitInfo> | undefined;
  const stop = (): Promise<ExitInfo> => {
    if (stopping) return stopping;
    stopping = (async () => {
      if (!running) return exited;
      signal(stopSignal);
      const timer = setTimeout(() => {
        if (running) {
          process.stderr.write(`${name}: no terminó en ${Math.round(graceMs / 1000)} s; enviando SIGKILL\n`);
          signal('SIGKILL', true);
        }
      }, graceMs);
      const info = await exited;
      clearTimeout(timer);
      return info;
    })();
    return stopping;
  };

  function signal(sig: NodeJS.Signals, wholeGroup = false): void {
    try {
      if (wholeGroup && options.detached && child.pid !== undefined) process.kill(-child.pid, sig);
      else child.kill(sig);
    } catch {
      // already gone
    }
  }

  entry.stop = stop;

  return {
    name,
    get pid() {
      return child.pid ?? -1;
    },
    child,
    exited,
    isRunning: () => running,
    outputFlushed,
    stop,
  };
}

/** Whether a pid belongs to a live process (signal 0; EPERM still means alive). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a live process, or undefined. */
export async function commandLineOf(pid: number): Promise<string | undefined> {
  if (!isAlive(pid)) return undefined;
  const { readFile } = await import('node:fs/promises');
  try {
    const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').join(' ').trim();
  } catch {
    // no /proc (macOS): ask ps
    const { execFile } = await import('node:child_process');
    return new Promise((resolve) => {
      execFile('ps', ['-o', 'command=', '-p', String(pid)], (error, stdout) => {
        resolve(error ? undefined : stdout.trim() || undefined);
      });
    });
  }
}

/** Sends a signal to a process we did not spawn and waits for it to go away. */
export async function terminatePid(pid: number, sig: NodeJS.Signals, graceMs: number): Promise<void> {
  try {
    process.kill(pid, sig);
  } catch {
    return;
  }
  const deadline = Date.now() + graceMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      return;
    }
    while (isAlive(pid)) await sleep(100);
  }
}

/** SIGKILL to every child still alive (and its process group when it has its own). */
export function killAllChildren(): void {
  for (const { child, detached } of live) {
    try {
      if (detached && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Stops every child still alive that was spawned through spawnManaged, newest first. */
export async function stopAllChildren(): Promise<void> {
  for (const entry of [...live].reverse()) await entry.stop?.();
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

/** Last lines of a log file, for error messages. */
export async function tailOf(path: string, lines = 20): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  try {
    const text = await readFile(path, 'utf8');
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
