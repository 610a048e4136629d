import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { LocalDate } from '../../../domain/dates';
import { appRoute, onlyFor } from './root';

// The coordinator's dashboard (issue 12, point 1). Its screen, and the chart
// library only it uses, load with the route, outside the first load.
export const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tablero',
  validateSearch: z.object({ corte: LocalDate.optional().catch(undefined) }),
  beforeLoad: onlyFor('coordinator', 'secretariat'),
  component: lazyRouteComponent(() => import('../screens/dashboard/dashboard'), 'Dashboard'),
});

export const tableroRoutes = [dashboardRoute] as const;
