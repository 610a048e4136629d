import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import type { Mailer } from '../activities/mailer.js';
import type { Db } from '../db/connection.js';
import { TASK_QUEUE } from '../workflows/definitions.js';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface WorkerOptions {
  db: Db;
  mailer?: Mailer | null;
  publicUrl?: string;
  temporalAddress: string;
  namespace?: string;
  taskQueue?: string;
  // A prebuilt bundle spares the webpack build (tests build it once per run).
  workflowBundle?: WorkflowBundleWithSourceMap;
  // Agreements kept in memory between their commands; the others are replayed
  // from their (short) histories when they next wake.
  maxCachedWorkflows?: number;
}

// Each cached agreement costs about 1.6 MB of worker memory (measured with
// bench:lifecycle); the SDK's default sizes the cache from the machine's RAM,
// which let a worker with 1,000 open agreements grow past 2 GB.
const DEFAULT_CACHED_WORKFLOWS = 250;

export async function createWorker(options: WorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    maxCachedWorkflows: options.maxCachedWorkflows ?? DEFAULT_CACHED_WORKFLOWS,
    activities: createActivities({ db: options.db, mailer: options.mailer ?? null, publicUrl: options.publicUrl ?? 'http://localhost:3000' }),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath }),
  });
  return { worker, connection };
}
