// Finds the Temporal CLI (it carries the dev server), or builds it with Go into a
// per-user cache outside the clone, so every clone on the machine shares one build.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { formatDuration, isAlive, sleep, spawnManaged } from './process.js';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';

const exe = process.platform === 'win32' ? '.exe' : '';

export type TemporalCliSource = 'TEMPORAL_CLI_PATH' | 'PATH' | 'cache' | 'built';

export interface TemporalCli {
  path: string;
  source: TemporalCliSource;
}

export interface EnsureTemporalCliOptions {
  /** Progress lines (default: stdout). */
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** `${XDG_CACHE_HOME:-~/.cache}/acuerdos/temporal-cli/v1.5.1` */
export function temporalCliCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const cacheHome = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'acuerdos', 'temporal-cli', TEMPORAL_CLI_VERSION);
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false;
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function findOnPath(command: string, env: NodeJS.ProcessEnv): Promise<string | undefined> {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command + exe);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** Looks for the CLI without building it. */
export async function findTemporalCli(env: NodeJS.ProcessEnv = process.env): Promise<TemporalCli | undefined> {
  const fromEnv = env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    if (await isExecutableFile(fromEnv)) return { path: fromEnv, source: 'TEMPORAL_CLI_PATH' };
    throw new Error(`TEMPORAL_CLI_PATH=${fromEnv} no es un archivo ejecutable.`);
  }
  const onPath = await findOnPath('temporal', env);
  if (onPath) return { path: onPath, source: 'PATH' };
  const cached = join(temporalCliCacheDir(env), 'temporal' + exe);
  if (await isExecutableFile(cached)) return { path: cached, source: 'cache' };
  return undefined;
}

async function findGo(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  const onPath = await findOnPath('go', env);
  if (onPath) return onPath;
  const candidates = [
    env.GOROOT ? join(env.GOROOT, 'bin', 'go' + exe) : undefined,
    '/usr/local/go/bin/go',
    join(homedir(), 'go', 'bin', 'go' + exe),
    '/opt/homebrew/bin/go',
  ];
  for (const candidate of candidates) {
    if (candidate && (await isExecutableFile(candidate))) return candidate;
  }
  return undefined;
}

function howToGetTheCli(cacheDir: string): string {
  return [
    `No se encontró el Temporal CLI (${TEMPORAL_CLI_VERSION}) ni Go para compilarlo.`,
    'Elija una de estas opciones y vuelva a ejecutar el comando:',
    `  1. Instale Go 1.25 o posterior (https://go.dev/dl/) y deje \`go\` en el PATH: el CLI se compilará`,
    `     una sola vez en ${cacheDir} (tarda varios minutos).`,
    `  2. O descargue el Temporal CLI ${TEMPORAL_CLI_VERSION} para su sistema desde`,
    `     https://github.com/temporalio/cli/releases/tag/${TEMPORAL_CLI_VERSION}, descomprímalo y exporte`,
    '     TEMPORAL_CLI_PATH=/ruta/al/temporal (o póngalo en el PATH, o cópielo como',
    `     ${join(cacheDir, 'temporal' + exe)}).`,
    '  3. O use un servidor Temporal que ya esté en marcha: TEMPORAL_ADDRESS=host:7233.',
  ].join('\n');
}

/** Finds the CLI, building it with `go install` when there is none (with a lock so two runs build once). */
export async function ensureTemporalCli(options: EnsureTemporalCliOptions = {}): Promise<TemporalCli> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));

  const found = await findTemporalCli(env);
  if (found) return found;

  const cacheDir = temporalCliCacheDir(env);
  const target = join(cacheDir, 'temporal' + exe);
  const go = await findGo(env);
  if (!go) throw new Error(howToGetTheCli(cacheDir));

  await mkdir(cacheDir, { recursive: true });
  const release = await acquireLock(join(cacheDir, '.build.lock'), log);
  try {
    // Another run may have built it while we waited for the lock.
    if (await isExecutableFile(target)) return { path: target, source: 'cache' };
    await build(go, cacheDir, target, env, log);
    return { path: target, source: 'built' };
  } finally {
    await release();
  }
}

async function build(
  go: string,
  cacheDir: string,
  target: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  const gobin = join(cacheDir, `.build-${process.pid}`);
  await rm(gobin, { recursive: true, force: true });
  await mkdir(gobin, { recursive: true });
  log(`[temporal-cli] No hay Temporal CLI: compilándolo con ${go} (go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}).`);
  log(`[temporal-cli] Se hace una sola vez por usuario y tarda varios minutos; queda en ${cacheDir}.`);

  let compiled = 0;
  let downloaded = 0;
  const recent: string[] = [];
  const proc = spawnManaged(go, go, ['install', '-v', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
    env: { ...env, GOBIN: gobin, CGO_ENABLED: '0' },
    stopSignal: 'SIGTERM',
    graceMs: 5_000,
    output: {
      kind: 'lines',
      onLine: (line) => {
        recent.push(line);
        if (recent.length > 40) recent.shift();
        if (line.startsWith('go: downloading')) {
          downloaded++;
          if (downloaded === 1) log('[temporal-cli] descargando módulos de Go…');
        } else if (!line.startsWith('go: ')) {
          compiled++;
          if (compiled === 1) log('[temporal-cli] compilando paquetes…');
        } else {
          log(`[temporal-cli] ${line}`);
        }
      },
    },
  });
  const ticker = setInterval(() => {
    log(
      `[temporal-cli] sigue compilando… ${formatDuration(Date.now() - started)} ` +
        `(${downloaded} módulos descargados, ${compiled} paquetes compilados)`,
    );
  }, 15_000);
  let result;
  try {
    result = await proc.exited;
  } finally {
    clearInterval(ticker);
  }
  if (result.code !== 0) {
    await rm(gobin, { recursive: true, force: true });
    throw new Error(
      `go install falló (código ${result.code ?? result.signal}). Últimas líneas:\n${recent.join('\n')}\n\n` +
        howToGetTheCli(cacheDir).split('\n').slice(1).join('\n'),
    );
  }
  await rename(join(gobin, 'temporal' + exe), target);
  await rm(gobin, { recursive: true, force: true });
  const version = await temporalCliVersion(target).catch(() => '?');
  log(`[temporal-cli] listo en ${formatDuration(Date.now() - started)}: ${target} (${version})`);
}

export function temporalCliVersion(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(path, ['--version'], { timeout: 30_000 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout.trim());
    });
  });
}

/** A lock file holding our pid; a lock whose pid is dead is taken over. */
async function acquireLock(path: string, log: (line: string) => void): Promise<() => Promise<void>> {
  let lastNotice = 0;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
    if (!isAlive(holder)) {
      // Left by a run that died (or it is being written right now: give it a moment).
      await sleep(500);
      const again = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (again === holder || Number.isNaN(again)) await rm(path, { force: true });
      continue;
    }
    if (Date.now() - lastNotice > 30_000) {
      log(`[temporal-cli] otro proceso (pid ${holder}) está compilando el Temporal CLI; esperando…`);
      lastNotice = Date.now();
    }
    await sleep(2_000);
  }
}
