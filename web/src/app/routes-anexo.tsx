import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { LocalDate } from '../../../domain/dates';
import { NOTIFICATION_STATES } from '../screens/notifications/labels';
import { appRoute, onlyFor } from './root';

// Screens of issue 12 points 3 and 7: the Annex I table as of any day, and
// the notification log. Each screen's code loads with its route.

export const annexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/anexo',
  // `?corte=YYYY-MM-DD`: the annex at the end of that day; absent, today.
  validateSearch: z.object({ corte: LocalDate.optional().catch(undefined) }),
  beforeLoad: onlyFor('coordinator', 'secretariat'),
  component: lazyRouteComponent(() => import('../screens/annex/annex'), 'Annex'),
});

export const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notificaciones',
  validateSearch: z.object({
    estado: z.enum(NOTIFICATION_STATES).optional().catch(undefined),
    tipo: z.string().trim().min(1).max(60).optional().catch(undefined),
    acuerdo: z.uuid().optional().catch(undefined),
  }),
  beforeLoad: onlyFor('secretariat', 'coordinator'),
  component: lazyRouteComponent(() => import('../screens/notifications/notification-log'), 'NotificationLog'),
});

export const anexoRoutes = [annexRoute, notificationsRoute] as const;
