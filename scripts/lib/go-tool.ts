// Finds a Go program the local stack needs (the Temporal CLI, the Temporal
// server and its sql tool), or builds it with `go install` into a per-user
// cache outside the clone, so every clone on the machine shares one build.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { formatDuration, isAlive, sleep, spawnManaged } from './process.js';

const exe = process.platform === 'win32' ? '.exe' : '';

export interface GoTool {
  /** What it is called in messages ("Temporal CLI"), and the prefix of its progress lines. */
  title: string;
  tag: string;
  /** `go install <module>@<version>` builds it as `builtName`. */
  module: string;
  version: string;
  builtName: string;
  /** Its name on PATH and in the cache. */
  command: string;
  /** A variable holding the path of a binary to use instead. */
  pathVariable: string;
  /** The folder of its cache under `${XDG_CACHE_HOME:-~/.cache}/acuerdos/`. */
  cacheFolder: string;
  /** Where to download it ready-made, for the message when there is no Go. */
  releasesUrl: string;
}

export interface FoundTool {
  path: string;
  source: 'variable' | 'PATH' | 'cache' | 'built';
}

export interface EnsureToolOptions {
  /** Progress lines (default: stdout). */
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

/** `${XDG_CACHE_HOME:-~/.cache}/acuerdos/<cacheFolder>/<version>` */
export function toolCacheDir(tool: GoTool, env: NodeJS.ProcessEnv = process.env): string {
  const cacheHome = env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'acuerdos', tool.cacheFolder, tool.version);
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

/** Looks for the tool without building it. */
export async function findTool(tool: GoTool, env: NodeJS.ProcessEnv = process.env): Promise<FoundTool | undefined> {
  const fromEnv = env[tool.pathVariable];
  if (fromEnv) {
    if (await isExecutableFile(fromEnv)) return { path: fromEnv, source: 'variable' };
    throw new Error(`${tool.pathVariable}=${fromEnv} no es un archivo ejecutable.`);
  }
  const onPath = await findOnPath(tool.command, env);
  if (onPath) return { path: onPath, source: 'PATH' };
  const cached = join(toolCacheDir(tool, env), tool.command + exe);
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

function howToGet(tool: GoTool, cacheDir: string): string {
  return [
    `No se encontró ${tool.title} (${tool.version}) ni Go para compilarlo.`,
    'Elija una de estas opciones y vuelva a ejecutar el comando:',
    `  1. Instale Go 1.25 o posterior (https://go.dev/dl/) y deje \`go\` en el PATH: se compilará`,
    `     una sola vez en ${cacheDir} (tarda varios minutos).`,
    `  2. O descargue ${tool.title} ${tool.version} para su sistema desde`,
    `     ${tool.releasesUrl}, descomprímalo y exporte`,
    `     ${tool.pathVariable}=/ruta/al/binario (o póngalo en el PATH como ${tool.command}, o cópielo como`,
    `     ${join(cacheDir, tool.command + exe)}).`,
    '  3. O use un servidor Temporal que ya esté en marcha: TEMPORAL_ADDRESS=host:7233.',
  ].join('\n');
}

/** Finds the tool, building it with `go install` when there is none (with a lock so two runs build once). */
export async function ensureTool(tool: GoTool, options: EnsureToolOptions = {}): Promise<FoundTool> {
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(line));

  const found = await findTool(tool, env);
  if (found) return found;

  const cacheDir = toolCacheDir(tool, env);
  const target = join(cacheDir, tool.command + exe);
  const go = await findGo(env);
  if (!go) throw new Error(howToGet(tool, cacheDir));

  await mkdir(cacheDir, { recursive: true });
  const release = await acquireLock(tool, join(cacheDir, `.build-${tool.command}.lock`), log);
  try {
    // Another run may have built it while we waited for the lock.
    if (await isExecutableFile(target)) return { path: target, source: 'cache' };
    await build(tool, go, cacheDir, target, env, log);
    return { path: target, source: 'built' };
  } finally {
    await release();
  }
}

async function build(
  tool: GoTool,
  go: string,
  cacheDir: string,
  target: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  const gobin = join(cacheDir, `.build-${tool.command}-${process.pid}`);
  await rm(gobin, { recursive: true, force: true });
  await mkdir(gobin, { recursive: true });
  const tag = `[${tool.tag}]`;
  log(`${tag} No hay ${tool.title}: compilándolo con ${go} (go install ${tool.module}@${tool.version}).`);
  log(`${tag} Se hace una sola vez por usuario y tarda varios minutos; queda en ${cacheDir}.`);

  let compiled = 0;
  let downloaded = 0;
  const recent: string[] = [];
  // At a lower priority: a build of minutes must not starve the rest of a shared machine.
  const install = [go, 'install', '-v', `${tool.module}@${tool.version}`];
  const [command, ...args] = process.platform === 'win32' ? install : ['nice', '-n', '10', ...install];
  const proc = spawnManaged(go, command ?? go, args, {
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
          if (downloaded === 1) log(`${tag} descargando módulos de Go…`);
        } else if (!line.startsWith('go: ')) {
          compiled++;
          if (compiled === 1) log(`${tag} compilando paquetes…`);
        } else {
          log(`${tag} ${line}`);
        }
      },
    },
  });
  const ticker = setInterval(() => {
    log(
      `${tag} sigue compilando… ${formatDuration(Date.now() - started)} ` +
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
        howToGet(tool, cacheDir).split('\n').slice(1).join('\n'),
    );
  }
  await rename(join(gobin, tool.builtName + exe), target);
  await rm(gobin, { recursive: true, force: true });
  const version = await toolVersion(target).catch(() => '?');
  log(`${tag} listo en ${formatDuration(Date.now() - started)}: ${target} (${version})`);
}

function toolVersion(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(path, ['--version'], { timeout: 30_000 }, (error, stdout) => {
      if (error) reject(error);
      else resolve(stdout.trim());
    });
  });
}

/** A lock file holding our pid; a lock whose pid is dead is taken over. */
async function acquireLock(tool: GoTool, path: string, log: (line: string) => void): Promise<() => Promise<void>> {
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
      log(`[${tool.tag}] otro proceso (pid ${holder}) está compilando ${tool.title}; esperando…`);
      lastNotice = Date.now();
    }
    await sleep(2_000);
  }
}
