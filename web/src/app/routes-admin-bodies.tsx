import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute, onlyFor } from './root';

// The administration of issue 12 item 6 for bodies and institutions: the
// landing page, each body with every setting (its non-working days on a year
// calendar) and the institutions with their e-mails.

export const adminHomeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin',
  beforeLoad: onlyFor('admin'),
  component: lazyRouteComponent(() => import('../screens/admin/admin-home'), 'AdminHome'),
});

export const adminBodiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/organos',
  beforeLoad: onlyFor('admin'),
  component: lazyRouteComponent(() => import('../screens/admin/bodies/body-list'), 'BodyList'),
});

export const adminBodyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/organos/$id',
  beforeLoad: onlyFor('admin'),
  component: lazyRouteComponent(() => import('../screens/admin/bodies/body-settings'), 'BodySettingsPage'),
});

export const adminInstitutionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/instituciones',
  beforeLoad: onlyFor('admin'),
  component: lazyRouteComponent(() => import('../screens/admin/institutions/institutions'), 'Institutions'),
});

export const adminBodiesRoutes = [adminHomeRoute, adminBodiesRoute, adminBodyRoute, adminInstitutionsRoute] as const;
