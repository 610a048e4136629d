import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../deps.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { Health } from '../responses/operations.js';

const CHECK_TIMEOUT_MS = 2000;

async function within<T>(promise: Promise<T>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes({ db, temporal }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Answered 200 whatever the dependencies say: `ok` tells.
    app.get('/health', { schema: { ...operation('Sistema', 'Estado del servicio y de sus dependencias'), security: [], response: { 200: Health, ...errorAnswers(400) } } }, async () => {
      const [postgres, temporalUp] = await Promise.all([
        within(sql`select 1`.execute(db)),
        within(temporal.workflowService.getSystemInfo({})),
      ]);
      return {
        ok: postgres && temporalUp,
        postgres: postgres ? ('up' as const) : ('down' as const),
        temporal: temporalUp ? ('up' as const) : ('down' as const),
      };
    });
  };
}
