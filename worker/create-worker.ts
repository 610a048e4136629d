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
}

export async function createWorker(options: WorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    activities: createActivities({ db: options.db, mailer: options.mailer ?? null, publicUrl: options.publicUrl ?? 'http://localhost:3000' }),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath }),
  });
  return { worker, connection };
}
