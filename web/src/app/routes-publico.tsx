import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { AgreementStatus } from '../../../domain/agreement/status';
import { Semaforo } from '../../../domain/semaforo';
import { rootRoute } from './root';

// The public portal (issue 12 point 5, CONTRACT.md §3): anyone, no sign-in,
// its own light frame without the staff's menu. Filters live in the address
// in Spanish, so a shared link reads well; anything malformed is dropped.

export const PortalFilters = z.object({
  estatus: AgreementStatus.optional().catch(undefined),
  semaforo: Semaforo.optional().catch(undefined),
  institucion: z.string().trim().min(1).max(100).optional().catch(undefined),
  texto: z.string().trim().min(1).max(500).optional().catch(undefined),
});
export type PortalFilters = z.infer<typeof PortalFilters>;

export const publicLayoutRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'publico',
  component: lazyRouteComponent(() => import('../screens/public/public-layout'), 'PublicLayout'),
});

// The portal's front page: the bodies that publish.
export const publicBodiesRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: '/publico',
  component: lazyRouteComponent(() => import('../screens/public/public-bodies'), 'PublicBodies'),
});

export const portalRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: '/publico/$bodyId',
  validateSearch: PortalFilters,
  component: lazyRouteComponent(() => import('../screens/public/portal'), 'Portal'),
});

export const publicAgreementRoute = createRoute({
  getParentRoute: () => publicLayoutRoute,
  path: '/publico/$bodyId/acuerdos/$id',
  component: lazyRouteComponent(() => import('../screens/public/public-agreement'), 'PublicAgreementPage'),
});

export const publicoRoutes = publicLayoutRoute.addChildren([publicBodiesRoute, portalRoute, publicAgreementRoute]);
