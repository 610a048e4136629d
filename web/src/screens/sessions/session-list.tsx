import '../../styles/ui-b.css';
import { useQuery } from '@tanstack/react-query';
import { Link, useRouteContext } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { formatDmy } from '../../../../domain/dates';
import { SESSION_KIND_LABEL } from '../../../../domain/session-label';
import { bodyOf } from '../../auth/session';
import { sessionsQuery, type CreatedSession } from '../../reference/queries';
import { NewSessionForm } from './new-session-form';
import { ListResult } from '../../ui/list-result';

// `/sesiones`: the body's sessions, the latest first; the secretariat registers new ones here.
export function SessionList() {
  const { principal } = useRouteContext({ from: '/app' });
  const bodyId = bodyOf(principal) ?? '';
  const sessions = useQuery(sessionsQuery(bodyId));
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CreatedSession>();
  const panel = useId();
  useEffect(() => {
    document.title = 'Sesiones — Acuerdos';
  }, []);

  return (
    <div className="session-list">
      <div className="page-header">
        <h1>Sesiones</h1>
        {principal.role === 'secretariat' && (
          <button type="button" className="button button-primary" aria-expanded={adding} aria-controls={panel} onClick={() => setAdding((open) => !open)}>
            {adding ? 'Cerrar sin registrar' : 'Nueva sesión'}
          </button>
        )}
      </div>
      <p className="lead">Cada sesión muestra los acuerdos que adoptó y su «seguimiento de acuerdos» para el orden del día, listo para imprimir.</p>
      <div id={panel} hidden={!adding}>
        {adding && (
          <section className="card" aria-labelledby={`${panel}-title`}>
            <h2 id={`${panel}-title`}>Nueva sesión</h2>
            <NewSessionForm
              bodyId={bodyId}
              onCreated={(session) => {
                setCreated(session);
                setAdding(false);
              }}
            />
          </section>
        )}
      </div>
      {created && !adding && (
        <p className="status-ok" role="status">
          <span aria-hidden="true">✓ </span>Sesión registrada: <Link to="/sesiones/$id" params={{ id: created.id }}>{created.label}</Link>, {formatDmy(created.date)}.
        </p>
      )}

      <ListResult query={sessions} loading="Cargando sesiones…" failed="No se pudieron cargar las sesiones" empty="Aún no hay sesiones registradas.">
        {(items) => (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Sesiones del órgano, la más reciente primero</caption>
              <thead>
                <tr>
                  <th scope="col">Sesión</th>
                  <th scope="col">Fecha</th>
                  <th scope="col">Tipo</th>
                  <th scope="col">Acuerdos adoptados</th>
                </tr>
              </thead>
              <tbody>
                {items.map((session) => (
                  <tr key={session.id}>
                    <td>
                      <Link to="/sesiones/$id" params={{ id: session.id }}>
                        {session.label}
                      </Link>
                    </td>
                    <td>{formatDmy(session.date)}</td>
                    <td>{SESSION_KIND_LABEL[session.kind]}</td>
                    <td>{session.agreementCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListResult>
    </div>
  );
}
