import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { inject } from 'vitest';
import { createMailer, type Mailer } from '../../activities/mailer.js';
import { buildApp, type App } from '../../api/app.js';
import { localFileStore } from '../../api/storage/local-file-store.js';
import { createDb, type Db } from '../../db/connection.js';
import { connectionOptions, temporalConnectionFromEnv, type TemporalConnection } from '../../app/temporal-connection.js';
import { createWorker } from '../../worker/create-worker.js';
import { bundleWorkflows } from '../../worker/workflow-bundle.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

// Workers sharing each harness's task queue: one, or as many as
// ACUERDOS_TEST_WORKERS says (`npm run test:production-shape` runs two, so
// an agreement's tasks move between workers as in production).
const WORKERS = Number(process.env.ACUERDOS_TEST_WORKERS ?? 1);

export interface Harness {
  db: Db;
  temporal: Client;
  app: App;
  taskQueue: string;
  // The evidence file store's directory, a fresh one per harness.
  filesDir: string;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  // Mail goes through this SMTP server; without it notifications are logged.
  smtpUrl?: string;
  // false: no worker in this process (the test runs its own, e.g. to kill it).
  worker?: boolean;
  // Per-file upload limit; the product's default otherwise.
  maxUploadBytes?: number;
  maxUploadFiles?: number;
  // A database of the test's own instead of the suite's shared one.
  databaseUrl?: string;
}

// A real API and a real worker against the suite's PostgreSQL and Temporal
// server, on a task queue of its own so test files don't steal each other's work.
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  quietTemporal();
  const db = createDb(options.databaseUrl ?? inject('databaseUrl'));
  // The suite's server, reached as its environment says (TLS on the production shape).
  const temporalConnection = temporalConnectionFromEnv({ ...process.env, TEMPORAL_ADDRESS: inject('temporalAddress') });
  const taskQueue = `test-${randomUUID()}`;
  const mailer = createMailer(options.smtpUrl, 'Acuerdos <acuerdos@prueba.gob.mx>');
  const workers: { stop(): Promise<void> }[] = [];
  if (options.worker !== false) {
    for (let n = 0; n < WORKERS; n++) workers.push(await startWorker({ db, temporal: temporalConnection, taskQueue, mailer }));
  }
  const connection = await Connection.connect(connectionOptions(temporalConnection));
  const temporal = new Client({ connection, namespace: temporalConnection.namespace });
  const filesDir = await mkdtemp(join(tmpdir(), 'acuerdos-files-'));
  const app = await buildApp({ db, temporal, taskQueue, adminToken: ADMIN_TOKEN, files: localFileStore(filesDir), maxUploadBytes: options.maxUploadBytes, maxUploadFiles: options.maxUploadFiles });
  return {
    db,
    temporal,
    app,
    taskQueue,
    filesDir,
    async stop() {
      await app.close();
      for (const worker of workers) await worker.stop();
      await connection.close();
      await db.destroy();
      await rm(filesDir, { recursive: true, force: true });
    },
  };
}

async function startWorker(options: { db: Db; temporal: TemporalConnection; taskQueue: string; mailer: Mailer | null }) {
  const workflowBundle = await bundleWorkflows(quietLogger);
  const { worker, connection } = await createWorker({ ...options, workflowBundle });
  const running = worker.run();
  return {
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
    },
  };
}

let runtimeInstalled = false;
// The SDK logs every worker state change at INFO; tests only want warnings.
function quietTemporal(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('WARN') });
  runtimeInstalled = true;
}

const quietLogger = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error(message: string, meta?: Record<string, unknown>) {
    console.error(message, meta);
  },
};
