import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { z } from 'zod';
import { homeOf } from '../auth/session';
import { AgreementFilters } from '../screens/agreements/filters';
import { appRoute, onlyFor } from './root';

// Screens of the daily work (issue 11, part ui-a): home, agreement list,
// agreement page, review queue. Each screen's code loads with its route.

// `/` is the role's home; `/?acuerdo=ID` (the e-mail link) opens that
// agreement, keeping its #fragment (`#evidencia`).
export const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  validateSearch: z.object({ acuerdo: z.string().max(200).optional().catch(undefined) }),
  beforeLoad: async ({ context, search, location }) => {
    if (search.acuerdo) throw redirect({ to: '/acuerdos/$id', params: { id: search.acuerdo }, hash: location.hash || undefined, replace: true });
    // A home whose screen this build does not have yet (the dashboard and the
    // administration come with part 2) falls back to the agreement list.
    // (Imported here: the router module imports this one.)
    const { router } = await import('./router');
    const home = homeOf(context.principal.role);
    throw redirect({ href: home in router.routesByPath ? home : '/acuerdos', replace: true });
  },
});

export const agreementListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/acuerdos',
  validateSearch: AgreementFilters,
  beforeLoad: onlyFor('secretariat', 'coordinator', 'institution'),
  component: lazyRouteComponent(() => import('../screens/agreements/agreement-list'), 'AgreementList'),
});

export const agreementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/acuerdos/$id',
  validateSearch: z.object({ corte: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined) }),
  beforeLoad: onlyFor('secretariat', 'coordinator', 'institution'),
  component: lazyRouteComponent(() => import('../screens/agreement/agreement-page'), 'AgreementPage'),
});

export const reviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/revision',
  beforeLoad: onlyFor('secretariat'),
  component: lazyRouteComponent(() => import('../screens/review/review-queue'), 'ReviewQueue'),
});

export const uiARoutes = [homeRoute, agreementListRoute, agreementRoute, reviewRoute] as const;
