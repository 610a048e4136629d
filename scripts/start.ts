// `npm start`: sets up and runs the whole product on this machine.
//   Temporal CLI (found or built) → PostgreSQL (.data/postgres) → migrations →
//   Temporal dev server (.data/temporal) → worker → HTTP API.
// ACUERDOS_TEMPORAL=server: the Temporal server on that PostgreSQL instead
//   (.data/temporal-server), with two workers.
// DATABASE_URL / TEMPORAL_ADDRESS point at existing services instead.
// Ctrl-C (SIGINT), SIGTERM or SIGHUP stop everything in reverse order.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { createDb } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../app/seed/demo-users.js';
import { seedDemoIfEmpty } from '../app/seed/seed-demo-if-empty.js';
import { TASK_QUEUE } from '../workflows/definitions.js';
import { EMBEDDED_PG_PORT } from './lib/embedded-postgres-url.js';
import { waitForPort } from './lib/free-port.js';
import { startPostgres } from './lib/postgres.js';
import {
  commandLineOf,
  formatDuration,
  isAlive,
  killAllChildren,
  spawnManaged,
  stopAllChildren,
  tailOf,
  type ManagedProcess,
} from './lib/process.js';
import { ensureTemporalCli } from './lib/temporal-cli.js';
import { ensureWebBuild } from './lib/web-build.js';
import { connectionOptions, temporalConnectionFromEnv } from '../app/temporal-connection.js';
import { DEFAULT_HISTORY_SHARDS, startTemporalOnPostgres } from './lib/temporal-postgres.js';
import { startTemporalServer } from './lib/temporal-server.js';
import { ensureTemporalServerTools } from './lib/temporal-server-tools.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataRoot = join(root, '.data');
const startLock = join(dataRoot, 'start.pid');

interface Service {
  name: string;
  stop(): Promise<void>;
  /** The process behind it: its going away by itself stops everything. */
  process?: ManagedProcess;
  /** Shown (its last lines) when the process goes away by itself. */
  logFile?: string;
}

const services: Service[] = [];
const timings: [string, number][] = [];
let shuttingDown = false;
let shutdownStartedAt = 0;

function say(line: string): void {
  console.log(`[start] ${line}`);
}

function positiveFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}=${raw} debe ser un número entero mayor que cero`);
  return value;
}

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name}=${raw} no es un puerto válido`);
  }
  return port;
}

async function step<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  say(`${label}…`);
  const result = await work();
  const elapsed = Date.now() - started;
  timings.push([label, elapsed]);
  say(`${label}: listo en ${formatDuration(elapsed)}`);
  return result;
}

async function acquireStartLock(): Promise<void> {
  await mkdir(dataRoot, { recursive: true });
  const holder = Number.parseInt(await readFile(startLock, 'utf8').catch(() => ''), 10);
  if (holder !== process.pid && isAlive(holder)) {
    const commandLine = (await commandLineOf(holder)) ?? '';
    if (commandLine.includes('start')) {
      throw new Error(
        `Ya hay un \`npm start\` en marcha sobre ${dataRoot} (pid ${holder}). Deténgalo (Ctrl-C o kill ${holder}) antes de iniciar otro.`,
      );
    }
  }
  await writeFile(startLock, String(process.pid));
}

async function releaseStartLock(): Promise<void> {
  const holder = Number.parseInt(await readFile(startLock, 'utf8').catch(() => ''), 10);
  if (holder === process.pid) await rm(startLock, { force: true });
}

async function adminToken(): Promise<{ token: string; generated: string | null }> {
  const fromEnv = process.env.ACUERDOS_ADMIN_TOKEN;
  if (fromEnv) return { token: fromEnv, generated: null };
  const file = join(dataRoot, 'admin-token');
  if (existsSync(file)) {
    const saved = (await readFile(file, 'utf8')).trim();
    if (saved) return { token: saved, generated: file };
  }
  const token = randomBytes(24).toString('base64url');
  await writeFile(file, `${token}\n`, { mode: 0o600 });
  return { token, generated: file };
}

async function shutdown(code: number, reason: string): Promise<never> {
  if (shuttingDown) return new Promise<never>(() => {});
  shuttingDown = true;
  shutdownStartedAt = Date.now();
  say(`${reason}: deteniendo todo…`);
  for (const service of [...services].reverse()) {
    const started = Date.now();
    try {
      await service.stop();
      say(`${service.name} detenido (${formatDuration(Date.now() - started)})`);
    } catch (error) {
      console.error(`[start] no se pudo detener ${service.name}: ${(error as Error).message}`);
    }
  }
  // Whatever was still starting (a CLI build, a server waiting to be ready).
  await stopAllChildren();
  await releaseStartLock();
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals): void {
  if (!shuttingDown) {
    void shutdown(0, `recibida ${signal}`);
    return;
  }
  // One Ctrl-C can arrive several times at once (terminal, npm, tsx): only a later
  // one means "hurry up".
  if (Date.now() - shutdownStartedAt < 2_000) return;
  console.error('[start] segunda señal: terminando los procesos a la fuerza.');
  killAllChildren();
  void releaseStartLock().finally(() => process.exit(130));
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

/** Stopped in reverse order at shutdown; its unexpected exit stops everything. */
function supervise(service: Service): void {
  services.push(service);
  void service.process?.exited.then(async (info) => {
    if (shuttingDown) return;
    await service.process?.outputFlushed();
    const how = info.signal ? `señal ${info.signal}` : `código ${info.code}`;
    console.error(`\n[start] ✗ ${service.name} terminó inesperadamente (${how}).`);
    if (service.logFile) {
      console.error(`[start] últimas líneas de ${service.logFile}:\n${await tailOf(service.logFile)}`);
    }
    await shutdown(1, `${service.name} se detuvo`);
  });
}

function child(name: string, entry: string, env: NodeJS.ProcessEnv): ManagedProcess {
  const exitWithParent = pathToFileURL(join(root, 'scripts', 'lib', 'exit-with-parent.mjs')).href;
  return spawnManaged(name, process.execPath, ['--import', 'tsx', '--import', exitWithParent, entry], {
    ipc: true,
    cwd: root,
    env,
    detached: true,
    output: { kind: 'terminal' },
    stopSignal: 'SIGTERM',
    graceMs: 20_000,
  });
}

// ACUERDOS_DEMO=1: the SNIMH demo goes into an empty database, through the
// worker just started (the seed registers agreements by their workflows).
async function loadDemoIfEmpty(databaseUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
  const db = createDb(databaseUrl);
  const target = temporalConnectionFromEnv(env);
  const connection = await Connection.connect(connectionOptions(target));
  try {
    const temporal = new Client({ connection, namespace: target.namespace });
    const report = await seedDemoIfEmpty({ db, temporal, taskQueue: process.env.TEMPORAL_TASK_QUEUE || TASK_QUEUE });
    say(
      report
        ? `demo del SNIMH cargada: ${report.agreements} acuerdos (folios 34–55), órgano ${report.bodyId}; su anexo al 31/12/2020: /api/reports/annex?bodyId=${report.bodyId}&asOf=2020-12-31&format=csv`
        : 'la base de datos ya tiene datos: no se carga la demo',
    );
    if (report) say(`usuarios de la demo (contraseña «${DEMO_PASSWORD}»): ${DEMO_USERS.map((u) => u.email).join(', ')}`);
  } finally {
    await connection.close();
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  await acquireStartLock();

  const apiPort = portFromEnv('PORT', 3000);
  const temporalPort = portFromEnv('TEMPORAL_PORT', 7233);
  const temporalUiPort = portFromEnv('TEMPORAL_UI_PORT', 8233);
  const pgPort = portFromEnv('ACUERDOS_PG_PORT', EMBEDDED_PG_PORT);
  const namespace = process.env.TEMPORAL_NAMESPACE || 'default';

  const temporalKind = process.env.ACUERDOS_TEMPORAL || 'dev';
  if (temporalKind !== 'dev' && temporalKind !== 'server') {
    throw new Error(`ACUERDOS_TEMPORAL=${temporalKind}: use \`dev\` (el servidor de desarrollo, por omisión) o \`server\` (el servidor Temporal sobre PostgreSQL).`);
  }
  const historyShards = positiveFromEnv('TEMPORAL_HISTORY_SHARDS', DEFAULT_HISTORY_SHARDS);
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  let temporalUi: string | null = null;
  let cliPath: string | undefined;
  let serverTools: Awaited<ReturnType<typeof ensureTemporalServerTools>> | undefined;
  if (!temporalAddress && temporalKind === 'server') {
    serverTools = await step('Servidor Temporal y su herramienta sql', () => ensureTemporalServerTools());
    say(`Servidor Temporal: ${serverTools.server.path} (${serverTools.server.source})`);
  } else if (!temporalAddress) {
    const cli = await step('Temporal CLI', () => ensureTemporalCli());
    cliPath = cli.path;
    say(`Temporal CLI: ${cli.path} (${cli.source})`);
  } else {
    say(`TEMPORAL_ADDRESS=${temporalAddress}: se usa ese servidor Temporal.`);
  }

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const pg = await step('PostgreSQL', () =>
      startPostgres({ dataDir: join(dataRoot, 'postgres'), port: pgPort, detached: true }),
    );
    supervise({ name: 'postgres', stop: pg.stop, process: pg.process, logFile: pg.logFile });
    databaseUrl = pg.databaseUrl;
  } else {
    say('DATABASE_URL definida: se usa esa base de datos.');
  }

  const url = databaseUrl;
  await step('Migraciones', () => migrateToLatest(url));

  if (serverTools) {
    const tools = serverTools;
    const temporal = await step('Servidor Temporal (PostgreSQL)', () =>
      startTemporalOnPostgres({
        serverPath: tools.server.path,
        sqlToolPath: tools.sqlTool.path,
        databaseUrl: url,
        dataDir: join(dataRoot, 'temporal-server'),
        port: temporalPort,
        historyShards,
        namespace,
        detached: true,
      }),
    );
    supervise({ name: 'temporal', stop: temporal.stop, process: temporal.process, logFile: temporal.logFile });
    temporalAddress = temporal.address;
  } else if (cliPath) {
    const path = cliPath;
    const temporal = await step('Servidor Temporal', () =>
      startTemporalServer({
        cliPath: path,
        dataDir: join(dataRoot, 'temporal'),
        port: temporalPort,
        uiPort: temporalUiPort,
        namespace,
        detached: true,
      }),
    );
    supervise({ name: 'temporal', stop: temporal.stop, process: temporal.process, logFile: temporal.logFile });
    temporalAddress = temporal.address;
    temporalUi = temporal.uiUrl;
  }

  // Before the API starts: it serves web/dist as it finds it.
  await ensureWebBuild(say);

  const token = await adminToken();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: namespace,
    PORT: String(apiPort),
    ACUERDOS_ADMIN_TOKEN: token.token,
  };
  const host = process.env.HOST || '127.0.0.1';
  const probeHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  const publicHost = probeHost.includes(':') ? `[${probeHost}]` : probeHost;

  await step('Worker y API', async () => {
    // With the production server, two workers share the queue, as in production.
    const workers = serverTools ? ['worker-1', 'worker-2'] : ['worker'];
    const processes: [string, string][] = [...workers.map((name): [string, string] => [name, 'worker/main.ts']), ['api', 'api/main.ts']];
    for (const [name, entry] of processes) {
      const proc = child(name, entry, env);
      supervise({ name, stop: async () => void (await proc.stop()), process: proc });
    }
    await waitForPort(apiPort, probeHost, 90_000, () => (shuttingDown ? 'detenido' : undefined));
  });

  if (process.env.ACUERDOS_DEMO === '1') {
    await step('Demo (ACUERDOS_DEMO=1)', () => loadDemoIfEmpty(url, env));
  }

  const total = Date.now() - startedAt;
  const api = `http://${publicHost}:${apiPort}`;
  console.log(
    [
      '',
      `Acuerdos está en marcha (preparación: ${formatDuration(total)}; ${timings
        .map(([label, ms]) => `${label} ${formatDuration(ms)}`)
        .join(', ')})`,
      `  API:          ${api}/api`,
      `  Interfaz web: ${api}/`,
      `  OpenAPI:      ${api}/api/docs`,
      `  Salud:        ${api}/api/health`,
      temporalUi ? `  Temporal UI:  ${temporalUi}` : `  Temporal:     ${temporalAddress}`,
      `  PostgreSQL:   ${databaseUrl.replace(/:[^:@/]*@/, ':***@')}`,
      token.generated
        ? `  Token de administración (ACUERDOS_ADMIN_TOKEN): ${token.token}  (guardado en ${token.generated})`
        : '  Token de administración: el de ACUERDOS_ADMIN_TOKEN',
      'Ctrl-C para detener.',
      '',
    ].join('\n'),
  );
}

main().catch(async (error: unknown) => {
  // A step cut short by a shutdown already under way is not news.
  if (shuttingDown) return;
  console.error(`\n[start] ✗ ${(error as Error)?.message ?? String(error)}`);
  await shutdown(1, 'el arranque falló');
});
