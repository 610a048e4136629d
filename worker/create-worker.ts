import { NativeConnection, Worker, type WorkflowBundleOption } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import type { Mailer } from '../activities/mailer.js';
import type { Db } from '../db/connection.js';
import { connectionOptions, type TemporalConnection } from '../app/temporal-connection.js';
import { TASK_QUEUE } from '../workflows/definitions.js';
import { sharedModules, workflowsPath } from './workflow-bundle.js';

export interface WorkerOptions {
  db: Db;
  mailer?: Mailer | null;
  publicUrl?: string;
  temporal: TemporalConnection;
  taskQueue?: string;
  // A prebuilt bundle spares the webpack build at start (`npm run build` makes
  // one for the compiled worker; tests build it once per file).
  workflowBundle?: WorkflowBundleOption;
  // Agreements kept in memory between their commands; the others are replayed
  // from their (short) histories when they next wake.
  maxCachedWorkflows?: number;
}

// Each cached agreement costs about 0.4 MB of worker memory (bench:lifecycle,
// 1,000 agreements all cached: +429 KB RSS each; 1.6 MB before zod was
// shared). The SDK's default sizes the cache from the machine's RAM (~2,300
// here), enough to keep every open agreement, though each wakes only for a
// command or a reminder days apart; an evicted one replays its short history.
export const DEFAULT_CACHED_WORKFLOWS = 250;

export async function createWorker(options: WorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect(connectionOptions(options.temporal));
  const worker = await Worker.create({
    connection,
    namespace: options.temporal.namespace,
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    maxCachedWorkflows: options.maxCachedWorkflows ?? DEFAULT_CACHED_WORKFLOWS,
    activities: createActivities({ db: options.db, mailer: options.mailer ?? null, publicUrl: options.publicUrl ?? 'http://localhost:3000' }),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath, bundlerOptions: { preloadModules: sharedModules } }),
  });
  return { worker, connection };
}
