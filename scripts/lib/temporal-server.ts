// `temporal server start-dev` with its state in a SQLite file, started and waited
// for here (the SDK's own ephemeral launcher gives it only 5 s, too little on a
// small machine), its output in a log file next to the state.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Connection, type ConnectionOptions } from '@temporalio/client';
import { isPortFree, waitForPort } from './free-port.js';
import { commandLineOf, isAlive, sleep, spawnManaged, tailOf, terminatePid, type ManagedProcess } from './process.js';

export interface StartTemporalOptions {
  cliPath: string;
  /** Holds temporal.db, temporal.log and temporal.pid. */
  dataDir: string;
  port: number;
  /** Web UI port; `null` runs the server headless (tests). */
  uiPort: number | null;
  namespace?: string;
  detached?: boolean;
  readyTimeoutMs?: number;
  log?: (line: string) => void;
  /** Server settings (dynamic config keys), e.g. a lower continue-as-new threshold in tests. */
  dynamicConfig?: Record<string, string | number>;
}

export interface TemporalHandle {
  address: string;
  uiUrl: string | null;
  logFile: string;
  process: ManagedProcess;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

/** A dev server left running by a run that died holds the SQLite file and the ports: stop it. */
export async function handleLeftoverTemporal(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = join(dataDir, 'temporal.pid');
  const dbFile = join(dataDir, 'temporal.db');
  const pid = Number.parseInt(await readFile(pidFile, 'utf8').catch(() => ''), 10);
  if (!isAlive(pid)) return;
  const commandLine = await commandLineOf(pid);
  // The dev server names its SQLite file; the server on PostgreSQL, its root (temporal-postgres.ts).
  if ((commandLine?.includes('start-dev') && commandLine.includes(dbFile)) || commandLine?.includes(`--root ${resolve(dataDir)} `)) {
    log(`[temporal] deteniendo un servidor Temporal que quedó en marcha de una ejecución anterior (pid ${pid})…`);
    await terminatePid(pid, 'SIGTERM', 20_000);
  }
}

// Starts a Temporal binary (the CLI's dev server or the server itself) with its
// output in dataDir/temporal.log and its pid in dataDir/temporal.pid, so a later
// start finds a leftover (handleLeftoverTemporal); stopping removes the pid file.
export async function spawnTemporal(path: string, args: string[], options: { dataDir: string; detached: boolean }): Promise<{ server: ManagedProcess; stop: () => Promise<void> }> {
  const pidFile = join(options.dataDir, 'temporal.pid');
  const server = spawnManaged('temporal', path, args, {
    detached: options.detached,
    output: { kind: 'file', path: join(options.dataDir, 'temporal.log') },
    stopSignal: 'SIGTERM',
    graceMs: 20_000,
    // Both read TEMPORAL_* variables as their own settings (client defaults,
    // TEMPORAL_ROOT, …); the server is configured by its arguments alone.
    env: Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('TEMPORAL_'))),
  });
  await writeFile(pidFile, String(server.pid));
  const stop = async () => {
    await server.stop();
    await rm(pidFile, { force: true });
  };
  return { server, stop };
}

export async function startTemporalServer(options: StartTemporalOptions): Promise<TemporalHandle> {
  const dataDir = resolve(options.dataDir);
  const dbFile = join(dataDir, 'temporal.db');
  const logFile = join(dataDir, 'temporal.log');
  const namespace = options.namespace ?? 'default';
  const log = options.log ?? ((line: string) => console.log(line));
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  const address = `${HOST}:${options.port}`;

  await mkdir(dataDir, { recursive: true });
  await handleLeftoverTemporal(dataDir, log);

  for (const [port, what, variable] of [
    [options.port, 'gRPC de Temporal', 'TEMPORAL_PORT'],
    [options.uiPort, 'de la interfaz web de Temporal', 'TEMPORAL_UI_PORT'],
  ] as const) {
    if (port !== null && !(await isPortFree(port, HOST))) {
      throw new Error(
        `El puerto ${port} ${what} ya está en uso en ${HOST}. Detenga lo que lo usa, elija otro con ${variable} ` +
          `o use un servidor existente con TEMPORAL_ADDRESS.`,
      );
    }
  }

  const args = [
    'server', 'start-dev',
    '--db-filename', dbFile,
    '--ip', HOST,
    '--port', String(options.port),
    ...(options.uiPort === null ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
    '--log-level', 'warn',
    '--color', 'never',
    ...(namespace === 'default' ? [] : ['--namespace', namespace]),
    ...Object.entries(options.dynamicConfig ?? {}).flatMap(([key, value]) => ['--dynamic-config-value', `${key}=${value}`]),
  ];
  const { server, stop } = await spawnTemporal(options.cliPath, args, { dataDir, detached: options.detached ?? false });

  const died = () => (server.isRunning() ? undefined : 'el servidor Temporal terminó al arrancar');
  try {
    const deadline = Date.now() + readyTimeoutMs;
    await waitForPort(options.port, HOST, readyTimeoutMs, died);
    await waitUntilServing({ address }, namespace, deadline, died);
  } catch (error) {
    await stop();
    const info = server.isRunning() ? undefined : await server.exited;
    await server.outputFlushed();
    throw new Error(
      `Temporal no quedó listo en ${address}: ${(error as Error).message}` +
        (info ? ` (código ${info.code ?? info.signal})` : '') +
        `. Últimas líneas de ${logFile}:\n${await tailOf(logFile)}`,
    );
  }

  return {
    address,
    uiUrl: options.uiPort === null ? null : `http://${HOST}:${options.uiPort}`,
    logFile,
    process: server,
    stop,
  };
}

/** The frontend answers health checks, system info and (when one is named) knows the namespace. */
export async function waitUntilServing(
  target: ConnectionOptions,
  namespace: string | null,
  deadline: number,
  died: () => string | undefined,
): Promise<void> {
  let lastError: unknown;
  for (;;) {
    const reason = died();
    if (reason) throw new Error(reason);
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ ...target, connectTimeout: 5_000 });
      const health = await connection.healthService.check({});
      // 1 = SERVING
      if (health.status !== 1) throw new Error(`health check: estado ${String(health.status)}`);
      await connection.workflowService.getSystemInfo({});
      if (namespace !== null) await connection.workflowService.describeNamespace({ namespace });
      return;
    } catch (error) {
      lastError = error;
    } finally {
      await connection?.close().catch(() => {});
    }
    if (Date.now() > deadline) throw new Error(`sin respuesta a tiempo (${(lastError as Error)?.message ?? lastError})`);
    await sleep(500);
  }
}
