import { queryOptions } from '@tanstack/react-query';
import { businessCalendar } from '../../../domain/calendar';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { Ok } from '../api/types';

// What agreements refer to (a body and its calendar, its sessions and
// milestones, the institutions), each read once and shared by every screen.

export type Body = Ok<'/api/bodies/{id}'>;
export type Session = Ok<'/api/sessions'>[number];
// A session as its registration answers it: without the count of agreements.
export type CreatedSession = Ok<'/api/sessions', 'post'>;
export type Milestone = Ok<'/api/milestones'>[number];
export type Institution = Ok<'/api/institutions'>[number];
export type Agenda = Ok<'/api/sessions/{id}/agenda'>;

export const bodyQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['body', bodyId] as const,
    queryFn: () => unwrap(api.GET('/api/bodies/{id}', { params: { path: { id: bodyId } } })),
    // The business calendar of the body: its own rest days on top of the law's.
    select: (body: Body) => ({ body, calendar: businessCalendar(body.nonWorkingDays) }),
    staleTime: 5 * 60_000,
  });

export const sessionsQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['sessions', bodyId] as const,
    queryFn: () => unwrap(api.GET('/api/sessions', { params: { query: { bodyId } } })),
  });

// Every session the signed-in staff may read (their own body's), for pickers
// and for naming an agreement's session.
export const ownSessionsQuery = queryOptions({
  queryKey: ['sessions', 'own'] as const,
  queryFn: () => unwrap(api.GET('/api/sessions')),
});

export const milestonesQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['milestones', bodyId] as const,
    queryFn: () => unwrap(api.GET('/api/milestones', { params: { query: { bodyId } } })),
  });

export const institutionsQuery = queryOptions({
  queryKey: ['institutions'] as const,
  queryFn: () => unwrap(api.GET('/api/institutions')),
  staleTime: 5 * 60_000,
});

export const agendaQuery = (sessionId: string) =>
  queryOptions({
    queryKey: ['agenda', sessionId] as const,
    queryFn: () => unwrap(api.GET('/api/sessions/{id}/agenda', { params: { path: { id: sessionId } } })),
  });

// The days milestones occurred on, as the deadline rules read them.
export function milestoneDates(milestones: readonly Milestone[]): Record<string, string | undefined> {
  return Object.fromEntries(milestones.map((m) => [m.id, m.occurredOn ?? undefined]));
}
