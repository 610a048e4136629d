import '../../styles/anexo.css';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useRouteContext } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { bodyOf } from '../../auth/session';
import { formatInstant } from '../../ui/format';
import { notificationsRoute } from '../../app/routes-anexo';
import { kindLabel, NOTIFICATION_STATE_LABEL, NOTIFICATION_STATES, type NotificationRow } from './labels';

type Filters = ReturnType<typeof notificationsRoute.useSearch>;

function notificationsQuery(bodyId: string, agreementId: string | undefined) {
  return {
    queryKey: ['notifications', bodyId, agreementId ?? null],
    queryFn: () => unwrap(api.GET('/api/notifications', { params: { query: { bodyId, ...(agreementId ? { agreementId } : {}) } } })),
  };
}

// State and kind are filtered here, over the log the API gives for the body
// (or the agreement): the route filters only by agreement.
function matches(row: NotificationRow, filters: Filters): boolean {
  return (!filters.estado || row.state === filters.estado) && (!filters.tipo || row.kind === filters.tipo);
}

function FilterForm({ filters, kinds }: { filters: Filters; kinds: readonly string[] }) {
  const navigate = useNavigate({ from: '/notificaciones' });
  const [draft, setDraft] = useState(filters);

  function apply(event: FormEvent) {
    event.preventDefault();
    void navigate({ search: draft });
  }

  return (
    <form className="notification-filters no-print" onSubmit={apply} aria-label="Filtros de la bitácora">
      <div className="filter-grid">
        <div className="field">
          <label htmlFor="n-estado">Estado</label>
          <select id="n-estado" value={draft.estado ?? ''} onChange={(e) => setDraft({ ...draft, estado: NOTIFICATION_STATES.find((s) => s === e.target.value) })}>
            <option value="">Todos</option>
            {NOTIFICATION_STATES.map((state) => (
              <option key={state} value={state}>
                {NOTIFICATION_STATE_LABEL[state]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="n-tipo">Tipo</label>
          <select id="n-tipo" value={draft.tipo ?? ''} onChange={(e) => setDraft({ ...draft, tipo: e.target.value || undefined })}>
            <option value="">Todos</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary">
          Aplicar filtros
        </button>
        <button type="button" className="button" onClick={() => void navigate({ search: filters.acuerdo ? { acuerdo: filters.acuerdo } : {} })}>
          Quitar filtros
        </button>
      </div>
    </form>
  );
}

function NotificationItem({ row }: { row: NotificationRow }) {
  return (
    <li className={`card notification notification-${row.state}`}>
      <h2 className="notification-subject">{row.subject}</h2>
      <dl className="notification-facts">
        <div>
          <dt>Estado</dt>
          <dd>
            <span className={`notification-state state-${row.state}`}>{NOTIFICATION_STATE_LABEL[row.state]}</span>
          </dd>
        </div>
        <div>
          <dt>Tipo</dt>
          <dd>{kindLabel(row.kind)}</dd>
        </div>
        <div>
          <dt>Destinatarios</dt>
          <dd>{row.recipients.length === 0 ? 'Ninguno' : row.recipients.join(', ')}</dd>
        </div>
        <div>
          <dt>Creada</dt>
          <dd>{formatInstant(row.createdAt)}</dd>
        </div>
        <div>
          <dt>Último cambio</dt>
          <dd>{formatInstant(row.updatedAt)}</dd>
        </div>
        {row.agreementId && (
          <div>
            <dt>Acuerdo</dt>
            <dd>
              <Link to="/acuerdos/$id" params={{ id: row.agreementId }}>
                Ver acuerdo
              </Link>
              {' · '}
              <Link to="/notificaciones" search={{ acuerdo: row.agreementId }}>
                Solo sus notificaciones
              </Link>
            </dd>
          </div>
        )}
      </dl>
      {row.state === 'failed' && row.error && (
        <p className="status-error">
          <strong>Error:</strong> {row.error}
        </p>
      )}
    </li>
  );
}

// `/notificaciones`: what the system sent (or tried to send, or only logged
// without SMTP), newest first, filterable by state, kind and agreement.
export function NotificationLog() {
  const filters = notificationsRoute.useSearch();
  const { principal } = useRouteContext({ from: '/app' });
  const bodyId = bodyOf(principal) ?? '';
  const log = useQuery(notificationsQuery(bodyId, filters.acuerdo));
  useEffect(() => {
    document.title = 'Notificaciones — Acuerdos';
  }, []);

  const kinds = [...new Set([...(log.data ?? []).map((row) => row.kind), ...(filters.tipo ? [filters.tipo] : [])])].sort();
  const shown = (log.data ?? []).filter((row) => matches(row, filters)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <div className="notification-log">
      <div className="page-header">
        <h1>Notificaciones</h1>
      </div>
      <p className="lead">Los avisos por correo del órgano: recordatorios, escalamientos, resultados de revisión y resúmenes de vencidos, con su estado de envío.</p>
      {filters.acuerdo && (
        <p className="notice">
          Solo las notificaciones de un acuerdo.{' '}
          <Link to="/acuerdos/$id" params={{ id: filters.acuerdo }}>
            Ver el acuerdo
          </Link>
          {' · '}
          <Link to="/notificaciones" search={{ ...filters, acuerdo: undefined }}>
            Ver las de todos los acuerdos
          </Link>
        </p>
      )}
      {/* Keyed by the URL's filters: a new query string starts a fresh draft. */}
      <FilterForm key={JSON.stringify(filters)} filters={filters} kinds={kinds} />
      {log.isPending ? (
        <p className="muted">Cargando notificaciones…</p>
      ) : log.error ? (
        <p className="status-error" role="alert">
          No se pudo cargar la bitácora: {log.error.message}
        </p>
      ) : (
        <>
          <p role="status" className="muted">
            {shown.length === 1 ? '1 notificación' : `${shown.length} notificaciones`}
            {shown.length !== log.data.length ? ` de ${log.data.length}` : ''}.
          </p>
          {shown.length > 0 && (
            <ul className="notification-list" aria-label="Bitácora de notificaciones">
              {shown.map((row) => (
                <NotificationItem key={row.id} row={row} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
