import type { ReactNode } from 'react';

// A list read from the API, in its three other states said the same way on
// every screen: loading, could not be read, and nothing yet.
export function ListResult<T>({ query, loading, failed, empty, children }: { query: { isPending: boolean; error: Error | null; data: readonly T[] | undefined }; loading: string; failed: string; empty: ReactNode; children: (items: readonly T[]) => ReactNode }) {
  if (query.isPending) return <p className="muted">{loading}</p>;
  if (query.error || !query.data) return <p className="status-error">{`${failed}: ${query.error?.message ?? ''}`}</p>;
  if (query.data.length === 0) return <p className="notice">{empty}</p>;
  return children(query.data);
}
