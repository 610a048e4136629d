import * as z from 'zod';

// Libraries the worker evaluates once and shares between every workflow
// (WorkerOptions.bundlerOptions.preloadModules, worker/create-worker.ts).
// Exported whole because zod says it has no side effects: a bare import would
// be dropped from the bundle and each workflow would evaluate zod again.
export { z as zod };

// zod finishes its global configuration (default locale, memoizer) when it
// builds its first schema. Built here, before the worker freezes what this
// module shared, so no workflow's schema has to write to a frozen config.
z.object({ ready: z.string() });
