import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { z } from 'zod';
import { LocalDate } from '../../../domain/dates';
import { appRoute, onlyFor } from './root';

// Screens of the participation mechanism (issue 15): participants, the
// participations of each session with their follow-up, the period report.

export const participantsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/participantes',
  beforeLoad: onlyFor('secretariat', 'coordinator'),
  component: lazyRouteComponent(() => import('../screens/participants/participants'), 'Participants'),
});

export const participationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/participaciones',
  validateSearch: z.object({
    sesion: z.uuid().optional().catch(undefined),
    participante: z.uuid().optional().catch(undefined),
    del: LocalDate.optional().catch(undefined),
    al: LocalDate.optional().catch(undefined),
  }),
  beforeLoad: onlyFor('secretariat', 'coordinator'),
  component: lazyRouteComponent(() => import('../screens/participations/participations'), 'Participations'),
});

export const participationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/participaciones/$id',
  beforeLoad: onlyFor('secretariat', 'coordinator'),
  component: lazyRouteComponent(() => import('../screens/participations/participation-page'), 'ParticipationPage'),
});

export const participRoutes = [participantsRoute, participationsRoute, participationRoute] as const;
