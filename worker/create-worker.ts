import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker, type BundleOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from '../activities/index.js';
import type { Mailer } from '../activities/mailer.js';
import type { Db } from '../db/connection.js';
import { TASK_QUEUE } from '../workflows/definitions.js';

export const workflowsPath = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

// The SDK runs every workflow in one reused V8 context but gives each its own
// copy of every module the workflow code imports, evaluated anew each time a
// workflow enters the cache: zod alone made ~0.7 MB of an agreement's ~1.1 MB
// and most of its ~35 ms start. zod keeps no per-workflow state, so it is
// evaluated once per worker and shared (the SDK freezes shared modules). The
// domain's own schemas cannot be shared that way: zod 4 materializes methods
// and internals on a schema's first use, which a frozen schema refuses.
const sharedModules = [fileURLToPath(new URL('../workflows/shared-libraries.ts', import.meta.url))];

// The bundle the worker builds for itself, built ahead (tests build it once).
export function bundleWorkflows(logger?: BundleOptions['logger']): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, preloadModules: sharedModules, logger });
}

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

// Each cached agreement costs about 0.4 MB of worker memory (bench:lifecycle,
// 1,000 agreements all cached: +429 KB RSS each; 1.6 MB before zod was
// shared). The SDK's default sizes the cache from the machine's RAM (~2,300
// here), enough to keep every open agreement, though each wakes only for a
// command or a reminder days apart; an evicted one replays its short history.
const DEFAULT_CACHED_WORKFLOWS = 250;

export async function createWorker(options: WorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace ?? 'default',
    taskQueue: options.taskQueue ?? TASK_QUEUE,
    maxCachedWorkflows: options.maxCachedWorkflows ?? DEFAULT_CACHED_WORKFLOWS,
    activities: createActivities({ db: options.db, mailer: options.mailer ?? null, publicUrl: options.publicUrl ?? 'http://localhost:3000' }),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath, bundlerOptions: { preloadModules: sharedModules } }),
  });
  return { worker, connection };
}
