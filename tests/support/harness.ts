import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { buildApp, type App } from '../../api/app.js';
import { createDb, type Db } from '../../db/connection.js';
import { createWorker, workflowsPath } from '../../worker/create-worker.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface Harness {
  db: Db;
  temporal: Client;
  app: App;
  taskQueue: string;
  stop(): Promise<void>;
}

// A real API and a real worker against the suite's PostgreSQL and Temporal
// server, on a task queue of its own so test files don't steal each other's work.
export async function startHarness(): Promise<Harness> {
  quietTemporal();
  const db = createDb(inject('databaseUrl'));
  const temporalAddress = inject('temporalAddress');
  const taskQueue = `test-${randomUUID()}`;
  const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger: quietLogger });
  const { worker, connection: workerConnection } = await createWorker({ db, temporalAddress, taskQueue, workflowBundle });
  const running = worker.run();
  const connection = await Connection.connect({ address: temporalAddress });
  const temporal = new Client({ connection });
  const app = await buildApp({ db, temporal, taskQueue, adminToken: ADMIN_TOKEN });
  return {
    db,
    temporal,
    app,
    taskQueue,
    async stop() {
      await app.close();
      await shutdown(worker, running);
      await workerConnection.close();
      await connection.close();
      await db.destroy();
    },
  };
}

async function shutdown(worker: Worker, running: Promise<void>): Promise<void> {
  worker.shutdown();
  await running;
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
