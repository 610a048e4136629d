import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import type { Query } from '../../api/types';
import type { PortalFilters } from '../../app/routes-publico';

// The public API's reads, keyed apart from the staff's (['public', …]).

export type PublicListQuery = Omit<Query<'/api/public/agreements'>, 'limit' | 'cursor'>;

// The portal's filters in the API's words.
export function publicListQuery(bodyId: string, filters: PortalFilters): PublicListQuery {
  return { bodyId, status: filters.estatus, semaforo: filters.semaforo, institution: filters.institucion, q: filters.texto };
}

export const publicBodiesQuery = queryOptions({ queryKey: ['public', 'bodies'], queryFn: () => unwrap(api.GET('/api/public/bodies')) });

export const publicBodyQuery = (bodyId: string) =>
  queryOptions({ queryKey: ['public', 'body', bodyId], queryFn: () => unwrap(api.GET('/api/public/bodies/{id}', { params: { path: { id: bodyId } } })) });

export const publicPagesQuery = (query: PublicListQuery, limit = 50) =>
  infiniteQueryOptions({
    queryKey: ['public', 'agreements', query, limit] as const,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/public/agreements', { params: { query: { ...query, limit, ...(pageParam ? { cursor: Number(pageParam) } : {}) } } })),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

export const publicAgreementQuery = (bodyId: string, id: string) =>
  queryOptions({ queryKey: ['public', 'agreement', bodyId, id], queryFn: () => unwrap(api.GET('/api/public/agreements/{id}', { params: { path: { id }, query: { bodyId } } })) });

// The open-data download of exactly the filtered list (all of it, not one page).
export function downloadUrl(query: PublicListQuery, format: 'csv' | 'json'): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, format })) if (value !== undefined) params.set(key, String(value));
  return `/api/public/agreements/download?${params.toString()}`;
}
