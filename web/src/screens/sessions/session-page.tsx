import '../../styles/ui-b.css';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useParams, useRouteContext } from '@tanstack/react-router';
import { useEffect } from 'react';
import { formatDmy } from '../../../../domain/dates';
import { SESSION_KIND_LABEL } from '../../../../domain/session-label';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { agendaQuery, bodyQuery } from '../../reference/queries';
import { AgreementTable } from '../../ui/agreement-table';

const PAGE = 50;

// `/sesiones/:id`: what a session adopted, and its "seguimiento de acuerdos":
// the agreements still in process on its day, as the agenda item lists them
// (GET /api/sessions/:id/agenda), printable as the document handed out.
export function SessionPage() {
  const { id } = useParams({ from: '/app/sesiones/$id' });
  const { principal } = useRouteContext({ from: '/app' });
  const agenda = useQuery(agendaQuery(id));
  const adopted = useInfiniteQuery({
    queryKey: ['agreements', 'session', id] as const,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/agreements', { params: { query: { sessionId: id, limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const session = agenda.data?.session;
  // The body's name heads the printed follow-up, as the document handed out in the session.
  const body = useQuery({ ...bodyQuery(session?.bodyId ?? ''), enabled: session !== undefined });
  useEffect(() => {
    document.title = `${session?.label ?? 'Sesión'} — Acuerdos`;
  }, [session?.label]);

  if (agenda.isPending) return <p className="muted">Cargando la sesión…</p>;
  if (agenda.error) throw agenda.error;
  const { items } = agenda.data;
  const adoptedItems = adopted.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="session-page">
      <p className="no-print">
        <Link to="/sesiones">← Sesiones</Link>
      </p>
      {body.data && (
        <p className="body-name">
          {body.data.body.name} ({body.data.body.acronym})
        </p>
      )}
      <div className="page-header">
        <h1>{session?.label}</h1>
        {principal.role === 'secretariat' && (
          <Link className="button no-print" to="/acuerdos/nuevo" search={{ sesion: id }}>
            Registrar un acuerdo de esta sesión
          </Link>
        )}
      </div>
      {session && (
        <p className="lead">
          {SESSION_KIND_LABEL[session.kind]} · celebrada el {formatDmy(session.date)}
        </p>
      )}

      <section aria-labelledby="seguimiento" className="agenda">
        <div className="page-header">
          <h2 id="seguimiento">Seguimiento de acuerdos</h2>
          <button type="button" className="button no-print" onClick={() => window.print()}>
            Imprimir seguimiento
          </button>
        </div>
        <p className="muted">
          Acuerdos de sesiones anteriores que seguían en proceso al iniciar el {session ? formatDmy(session.date) : 'día de la sesión'}, en orden de folio, con su semáforo en esa fecha.
          <span className="no-print"> Al imprimir solo sale esta sección.</span>
        </p>
        {items.length === 0 ? <p className="notice">No había acuerdos en proceso a la fecha de la sesión.</p> : <AgreementTable items={items} caption="Seguimiento de acuerdos" />}
      </section>

      <section aria-labelledby="adoptados" className="no-print">
        <h2 id="adoptados">Acuerdos adoptados en esta sesión</h2>
        {adopted.isPending ? (
          <p className="muted">Cargando acuerdos…</p>
        ) : adopted.error ? (
          <p className="status-error">No se pudieron cargar los acuerdos: {adopted.error.message}</p>
        ) : adoptedItems.length === 0 ? (
          <p className="notice">Esta sesión aún no tiene acuerdos registrados.</p>
        ) : (
          <>
            <AgreementTable items={adoptedItems} caption="Acuerdos adoptados en esta sesión" />
            {adopted.hasNextPage && (
              <button type="button" className="button" onClick={() => void adopted.fetchNextPage()} disabled={adopted.isFetchingNextPage}>
                {adopted.isFetchingNextPage ? 'Cargando…' : 'Ver más acuerdos'}
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}
