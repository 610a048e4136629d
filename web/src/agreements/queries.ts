import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import type { Query } from '../api/types';

// Query keys of agreements, shared by every screen that shows or changes one:
//   ['agreement', id, asOf|null]   one agreement (GET /api/agreements/{id})
//   ['events', id]                 its history
//   ['agreements', …]              any list of agreements
export const agreementQuery = (id: string, asOf?: string) =>
  queryOptions({
    queryKey: ['agreement', id, asOf ?? null] as const,
    queryFn: () => unwrap(api.GET('/api/agreements/{id}', { params: { path: { id }, query: asOf ? { asOf } : {} } })),
  });

export const eventsQuery = (id: string) =>
  queryOptions({
    queryKey: ['events', id] as const,
    queryFn: () => unwrap(api.GET('/api/agreements/{id}/events', { params: { path: { id } } })),
  });

export type ListQuery = Omit<Query<'/api/agreements'>, 'cursor' | 'limit'>;

// Pages of the list in folio order, one `nextCursor` after another.
export const agreementPagesQuery = (query: ListQuery, limit = 50) =>
  infiniteQueryOptions({
    queryKey: ['agreements', 'pages', query, limit] as const,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/agreements', { params: { query: { ...query, limit, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

// Every agreement of a list, all pages (the export, the review queue).
export async function allAgreements(query: ListQuery) {
  const items = [];
  let cursor: string | undefined;
  do {
    const page = await unwrap(api.GET('/api/agreements', { params: { query: { ...query, limit: 200, ...(cursor ? { cursor } : {}) } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

// After any write on an agreement: it, its history and every list that may show it.
export async function agreementChanged(queryClient: QueryClient, id: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['agreement', id] }),
    queryClient.invalidateQueries({ queryKey: ['events', id] }),
    queryClient.invalidateQueries({ queryKey: ['agreements'] }),
    queryClient.invalidateQueries({ queryKey: ['review-queue'] }),
  ]);
}
