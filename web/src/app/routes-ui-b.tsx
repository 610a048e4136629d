import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { appRoute, onlyFor } from './root';

// Screens of issue 11, part ui-b: registering agreements, sessions and their
// follow-up agenda, milestones. Each screen's code loads with its route.

export const registerAgreementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/acuerdos/nuevo',
  // `?sesion=ID` comes chosen (from a session's page).
  validateSearch: z.object({ sesion: z.uuid().optional().catch(undefined) }),
  beforeLoad: onlyFor('secretariat'),
  component: lazyRouteComponent(() => import('../screens/registration/register-agreement'), 'RegisterAgreement'),
});

export const sessionListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sesiones',
  beforeLoad: onlyFor('secretariat', 'coordinator'),
  component: lazyRouteComponent(() => import('../screens/sessions/session-list'), 'SessionList'),
});

export const sessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/sesiones/$id',
  beforeLoad: onlyFor('secretariat', 'coordinator'),
  component: lazyRouteComponent(() => import('../screens/sessions/session-page'), 'SessionPage'),
});

export const milestonesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/hitos',
  beforeLoad: onlyFor('secretariat'),
  component: lazyRouteComponent(() => import('../screens/milestones/milestones'), 'Milestones'),
});

export const uiBRoutes = [registerAgreementRoute, sessionListRoute, sessionRoute, milestonesRoute] as const;
