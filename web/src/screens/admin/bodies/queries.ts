import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import { unwrap } from '../../../api/errors';
import type { Ok } from '../../../api/types';
import { bodyQuery } from '../../../reference/queries';

export type AdminBody = Ok<'/api/bodies'>[number];

export const adminBodiesQuery = queryOptions({
  queryKey: ['admin-bodies'] as const,
  queryFn: () => unwrap(api.GET('/api/bodies')),
});

// After a body is created or changed: the list and the body's own read (which
// other screens share) show it as it is now.
export async function bodyChanged(queryClient: QueryClient, body: AdminBody): Promise<void> {
  queryClient.setQueryData(bodyQuery(body.id).queryKey, body);
  await queryClient.invalidateQueries({ queryKey: adminBodiesQuery.queryKey });
}
