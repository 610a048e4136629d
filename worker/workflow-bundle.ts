// The workflow code the worker runs: bundled by webpack once, either at the
// worker's start (from the sources, `npm start`) or by `npm run build`, which
// writes it beside the compiled worker so a production worker never runs
// webpack when it starts.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, type BundleOptions, type WorkflowBundlePath, type WorkflowBundleWithSourceMap } from '@temporalio/worker';

// This module runs as TypeScript from the sources and as JavaScript from
// dist/; the workflow modules beside it carry the same extension.
const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const besideThis = (relative: string) => fileURLToPath(new URL(relative + extension, import.meta.url));

export const workflowsPath = besideThis('../workflows/index');

// The SDK runs every workflow in one reused V8 context but gives each its own
// copy of every module the workflow code imports, evaluated anew each time a
// workflow enters the cache: zod alone made ~0.7 MB of an agreement's ~1.1 MB
// and most of its ~35 ms start. zod keeps no per-workflow state, so it is
// evaluated once per worker and shared (the SDK freezes shared modules). The
// domain's own schemas cannot be shared that way: zod 4 materializes methods
// and internals on a schema's first use, which a frozen schema refuses.
export const sharedModules = [besideThis('../workflows/shared-libraries')];

export function bundleWorkflows(logger?: BundleOptions['logger']): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({ workflowsPath, preloadModules: sharedModules, logger });
}

// Where `npm run build` leaves the bundle: dist/worker/, beside this module.
export const PREBUILT_BUNDLE_NAME = 'workflows.bundle.js';
const prebuiltPath = fileURLToPath(new URL(PREBUILT_BUNDLE_NAME, import.meta.url));

/** The bundle made by `npm run build`, or undefined when running from the sources. */
export function prebuiltWorkflowBundle(): WorkflowBundlePath | undefined {
  return existsSync(prebuiltPath) ? { codePath: prebuiltPath } : undefined;
}
