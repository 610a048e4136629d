import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { z } from 'zod';
import type { Principal, Role } from '../api/types';
import { meQuery } from '../auth/session';
import { Forbidden } from './problems';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
});

// Where to come back after signing in: the whole address that was asked for,
// query and #fragment included (the e-mail link's `#evidencia`).
function currentAddress(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/entrar',
  validateSearch: z.object({ volver: z.string().max(2_000).optional().catch(undefined) }),
  component: lazyRouteComponent(() => import('../screens/sign-in'), 'SignIn'),
});

// Every screen but sign-in needs a session: without one, to /entrar and back.
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/entrar', search: { volver: currentAddress() } });
    return { principal: me.principal };
  },
  component: lazyRouteComponent(() => import('./layout'), 'Layout'),
});

// For a route's beforeLoad: only these roles see the screen; anyone else gets
// a plain "no tiene permiso" page (the API would refuse them anyway).
export function onlyFor(...roles: Role[]) {
  return ({ context }: { context: { principal: Principal } }) => {
    if (!roles.includes(context.principal.role)) throw new Forbidden();
  };
}
