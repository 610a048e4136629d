// What every lifecycle measurement runs on: a throw-away PostgreSQL, Temporal
// (the dev server, or with BENCH_TEMPORAL=server the server on that
// PostgreSQL), the API in this process, worker processes as production runs
// them, and the bare pattern's worker on a queue of its own.
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { buildApp } from '../../api/app.js';
import { localFileStore } from '../../api/storage/local-file-store.js';
import { createDb, type Db } from '../../db/connection.js';
import { migrateToLatest } from '../../db/migrate.js';
import { getFreePort } from '../lib/free-port.js';
import { startPostgres, type PostgresHandle } from '../lib/postgres.js';
import { sleep } from '../lib/process.js';
import { ensureTemporalCli } from '../lib/temporal-cli.js';
import { startTemporalOnPostgres } from '../lib/temporal-postgres.js';
import { startTemporalServer, type TemporalHandle } from '../lib/temporal-server.js';
import { ensureTemporalServerTools } from '../lib/temporal-server-tools.js';
import { startWorkerProcess } from '../lib/worker-process.js';

export type App = Awaited<ReturnType<typeof buildApp>>;

export interface Stack {
  onServer: boolean;
  dir: string;
  db: Db;
  app: App;
  client: Client;
  admin: string;
  bareQueue: string;
  postgres(): PostgresHandle;
  temporal(): TemporalHandle;
  // A worker process on the agreements' queue (stopped with the stack).
  startWorker(extraEnv?: NodeJS.ProcessEnv): Promise<ChildProcess>;
  stopWorker(worker: ChildProcess): Promise<void>;
  // Stops Temporal and PostgreSQL, keeps them down for gapMs, starts them again.
  outage(gapMs: number, log: (line: string) => void): Promise<{ downAt: number; upAt: number }>;
  stop(): Promise<void>;
}

export async function startStack(options: { smtpUrl?: string; log: (line: string) => void }): Promise<Stack> {
  const dir = await mkdtemp(join(tmpdir(), 'acuerdos-bench-lifecycle-'));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter it.
  await chmod(dir, 0o755);
  const pgPort = await getFreePort();
  const temporalPort = await getFreePort();
  const startPg = () => startPostgres({ dataDir: join(dir, 'pg'), port: pgPort, ephemeral: true, log: () => {} });
  let postgres = await startPg();
  const onServer = process.env.BENCH_TEMPORAL === 'server';
  const serverTools = onServer ? await ensureTemporalServerTools({ log: options.log }) : null;
  const cli = onServer ? null : await ensureTemporalCli({ log: options.log });
  const startTemporal = async () => {
    if (serverTools) {
      return startTemporalOnPostgres({ serverPath: serverTools.server.path, sqlToolPath: serverTools.sqlTool.path, databaseUrl: postgres.databaseUrl, dataDir: join(dir, 'temporal'), port: temporalPort, log: () => {} });
    }
    if (!cli) throw new Error('sin Temporal CLI');
    return startTemporalServer({ cliPath: cli.path, dataDir: join(dir, 'temporal'), port: temporalPort, uiPort: null, log: () => {} });
  };
  let temporal = await startTemporal();
  await migrateToLatest(postgres.databaseUrl);
  const db = createDb(postgres.databaseUrl);
  const taskQueue = `bench-${randomUUID()}`;
  const admin = `bench-${randomUUID()}`;
  const connection = await Connection.connect({ address: temporal.address });
  const client = new Client({ connection });
  const app = await buildApp({ db, temporal: client, taskQueue, adminToken: admin, files: localFileStore(join(dir, 'files')) });

  const bareQueue = `bench-bare-${randomUUID()}`;
  const bareConnection = await NativeConnection.connect({ address: temporal.address });
  const bareWorker = await Worker.create({
    connection: bareConnection,
    taskQueue: bareQueue,
    workflowsPath: fileURLToPath(new URL('../bench-workflows/bare.ts', import.meta.url)),
  });
  const bareRunning = bareWorker.run();

  const workers = new Set<ChildProcess>();
  const workerEnv = { DATABASE_URL: postgres.databaseUrl, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: taskQueue, SMTP_URL: options.smtpUrl ?? '' };
  const stopWorker = async (worker: ChildProcess) => {
    if (worker.exitCode === null && worker.signalCode === null) {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    workers.delete(worker);
  };

  return {
    onServer,
    dir,
    db,
    app,
    client,
    admin,
    bareQueue,
    postgres: () => postgres,
    temporal: () => temporal,
    async startWorker(extraEnv = {}) {
      const worker = await startWorkerProcess({ ...workerEnv, ...extraEnv });
      workers.add(worker);
      return worker;
    },
    stopWorker,
    async outage(gapMs, log) {
      const downAt = Date.now();
      await temporal.stop();
      await postgres.stop();
      log(`  Temporal y PostgreSQL detenidos (${((Date.now() - downAt) / 1000).toFixed(1)} s para detenerlos)`);
      await sleep(Math.max(0, downAt + gapMs - Date.now()));
      postgres = await startPg();
      temporal = await startTemporal();
      return { downAt, upAt: Date.now() };
    },
    async stop() {
      await app.close();
      bareWorker.shutdown();
      await bareRunning;
      await bareConnection.close();
      await Promise.all([...workers].map(stopWorker));
      await connection.close();
      await db.destroy();
      await temporal.stop();
      await postgres.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// The API as a client calls it, failing loudly on any answer but a success.
export function caller(app: App) {
  return async <T = { id: string; token: string }>(token: string, url: string, payload: object, method: 'POST' | 'PATCH' = 'POST'): Promise<T> => {
    const answer = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, payload });
    if (answer.statusCode >= 300) throw new Error(`${url}: ${answer.statusCode} ${answer.body}`);
    return answer.json<T>();
  };
}
