import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import type { Role } from '../api/types';
import { ROLE_LABEL } from '../auth/session';
import { appRoute, onlyFor } from './root';

// Administration of who may call the system (issue 12, item 6): web users and
// API tokens. Each screen's code loads with its route.

const isRole = (value: unknown): value is Role => typeof value === 'string' && Object.hasOwn(ROLE_LABEL, value);

export const adminUsersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/usuarios',
  // `?rol=coordinator`: the list shows only that role (shareable, reloadable).
  validateSearch: z.object({ rol: z.custom<Role>(isRole).optional().catch(undefined) }),
  beforeLoad: onlyFor('admin'),
  component: lazyRouteComponent(() => import('../screens/admin/access/users'), 'AdminUsers'),
});

export const adminTokensRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/tokens',
  beforeLoad: onlyFor('admin'),
  component: lazyRouteComponent(() => import('../screens/admin/access/tokens'), 'AdminTokens'),
});

export const adminAccessRoutes = [adminUsersRoute, adminTokensRoute] as const;
