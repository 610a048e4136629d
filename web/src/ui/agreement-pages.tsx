import type { ReactNode } from 'react';

// Agreements read page by page (the staff list, the public portal): loading,
// failure, none, or how many are shown, the table, and a button for the next page.
export function AgreementPages({
  pages,
  items,
  empty,
  note,
  children,
}: {
  pages: { isPending: boolean; error: Error | null; hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  items: readonly unknown[];
  empty: string;
  note?: string | false;
  children: ReactNode;
}) {
  if (pages.isPending) return <p role="status">Cargando acuerdos…</p>;
  if (pages.error)
    return (
      <p className="status-error" role="alert">
        No se pudo cargar la lista: {pages.error.message}
      </p>
    );
  if (items.length === 0) return <p className="card">{empty}</p>;
  return (
    <>
      <p className="muted" role="status">
        {pages.hasNextPage ? `Mostrando los primeros ${items.length} acuerdos.` : `${items.length} ${items.length === 1 ? 'acuerdo' : 'acuerdos'}.`}
        {note}
      </p>
      {children}
      {pages.hasNextPage && (
        <p className="no-print">
          <button type="button" className="button" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
            {pages.isFetchingNextPage ? 'Cargando…' : 'Cargar más acuerdos'}
          </button>
        </p>
      )}
    </>
  );
}
