import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { appRoute, onlyFor } from './root';

// The CSV import (issue 12, point 4): review a file with the dry run, then
// import it with a durable job. `?importacion=<id>` is the job being followed,
// so a reload keeps showing its progress.
export const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/importar',
  validateSearch: z.object({ importacion: z.uuid().optional().catch(undefined) }),
  beforeLoad: onlyFor('secretariat'),
  component: lazyRouteComponent(() => import('../screens/import/import-agreements'), 'ImportAgreements'),
});

export const importarRoutes = [importRoute] as const;
