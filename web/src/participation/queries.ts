import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { ParticipantKind } from '../../../domain/participation/participant';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { Ok, Query } from '../api/types';

// The participation mechanism's reads (issue 15): participants of a body,
// participations with their follow-up and history.

export type Participant = Ok<'/api/participants'>[number];
export type Participation = Ok<'/api/participations/{id}'>;
export type ParticipationEvent = Ok<'/api/participations/{id}/events'>[number];
export type ParticipationFilter = Query<'/api/participations'>;

export const PARTICIPANT_KIND_LABEL: Record<ParticipantKind, string> = { osc: 'OSC', academia: 'Academia', privado: 'Sector privado', otro: 'Otro' };

export const participantsQuery = (bodyId: string) =>
  queryOptions({
    queryKey: ['participants', bodyId] as const,
    queryFn: () => unwrap(api.GET('/api/participants', { params: { query: { bodyId } } })),
  });

export const participationsQuery = (filter: ParticipationFilter) =>
  queryOptions({
    queryKey: ['participations', filter] as const,
    queryFn: () => unwrap(api.GET('/api/participations', { params: { query: filter } })),
  });

export const participationQuery = (id: string) =>
  queryOptions({
    queryKey: ['participation', id] as const,
    queryFn: () => unwrap(api.GET('/api/participations/{id}', { params: { path: { id } } })),
  });

export const participationEventsQuery = (id: string) =>
  queryOptions({
    queryKey: ['participation-events', id] as const,
    queryFn: () => unwrap(api.GET('/api/participations/{id}/events', { params: { path: { id } } })),
  });

// After any write on participations: lists, the one written and its history.
export async function participationsChanged(queryClient: QueryClient, id?: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['participations'] }),
    ...(id ? [queryClient.invalidateQueries({ queryKey: ['participation', id] }), queryClient.invalidateQueries({ queryKey: ['participation-events', id] })] : []),
  ]);
}

// Where a file of the means of verification is downloaded: the participation's
// own, or the accepted evidence's of its agreement.
export function verificationFileHref(participationId: string, file: { sha256: string; evidenceId: string | null }): string {
  return file.evidenceId === null ? `/api/participations/${participationId}/files/${file.sha256}` : `/api/evidence/${file.evidenceId}/files/${file.sha256}`;
}
