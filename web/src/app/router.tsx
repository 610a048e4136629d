import { QueryClient } from '@tanstack/react-query';
import { createRouter } from '@tanstack/react-router';
import { ApiFailure } from '../api/errors';
import { appRoute, rootRoute, signInRoute } from './root';
import { NotFoundPage, ProblemPage } from './problems';
import { uiARoutes } from './routes-ui-a';
import { uiBRoutes } from './routes-ui-b';
import { tableroRoutes } from './routes-tablero';
import { anexoRoutes } from './routes-anexo';
import { importarRoutes } from './routes-importar';
import { publicoRoutes } from './routes-publico';
import { adminBodiesRoutes } from './routes-admin-bodies';
import { adminAccessRoutes } from './routes-admin-access';
import { participRoutes } from './routes-particip-ui';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A refusal will not change by asking again; a dropped connection may.
      retry: (failures, error) => failures < 2 && (!(error instanceof ApiFailure) || error.status === 0 || error.status >= 500),
      staleTime: 30_000,
    },
    mutations: {
      // Safe because every write carries its Idempotency-Key: a retried
      // submission records once.
      retry: (failures, error) => failures < 2 && error instanceof ApiFailure && error.status === 0,
    },
  },
});

const routeTree = rootRoute.addChildren([signInRoute, publicoRoutes, appRoute.addChildren([...uiARoutes, ...uiBRoutes, ...tableroRoutes, ...anexoRoutes, ...importarRoutes, ...adminBodiesRoutes, ...adminAccessRoutes, ...participRoutes])]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: 'intent',
  defaultErrorComponent: ProblemPage,
  defaultNotFoundComponent: NotFoundPage,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
