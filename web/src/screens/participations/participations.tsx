import '../../styles/ui-b.css';
import '../../styles/participation.css';
import { useQueries, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { formatDmy } from '../../../../domain/dates';
import { agreementQuery } from '../../agreements/queries';
import { bodyOf } from '../../auth/session';
import { participantsQuery, participationsQuery, type Participant } from '../../participation/queries';
import { sessionsQuery, type Session } from '../../reference/queries';
import { Field } from '../../ui/field';
import { RecordParticipation } from './record-participation';
import { ListResult } from '../../ui/list-result';

export interface ParticipationSearch {
  sesion?: string | undefined;
  participante?: string | undefined;
  del?: string | undefined;
  al?: string | undefined;
}

export function participantNames(ids: readonly string[], participants: readonly Participant[] | undefined): string {
  return ids.map((id) => participants?.find((p) => p.id === id)?.name ?? '…').join('; ');
}

export function sessionName(id: string, sessions: readonly Session[] | undefined): string {
  const session = sessions?.find((s) => s.id === id);
  return session ? `${session.label}, ${formatDmy(session.date)}` : '…';
}

// `/participaciones`: the body's participations, filtered by session,
// participant or period (kept in the address), each with a link to its
// follow-up; the secretariat records new ones; the period report to download.
export function Participations() {
  const { principal } = useRouteContext({ from: '/app' });
  const bodyId = bodyOf(principal) ?? '';
  const search: ParticipationSearch = useSearch({ strict: false });
  const sessions = useQuery(sessionsQuery(bodyId));
  const participants = useQuery(participantsQuery(bodyId));
  const list = useQuery(
    participationsQuery({
      bodyId,
      ...(search.sesion ? { sessionId: search.sesion } : {}),
      ...(search.participante ? { participantId: search.participante } : {}),
      ...(search.del ? { from: search.del } : {}),
      ...(search.al ? { to: search.al } : {}),
    }),
  );
  // The folios of the agreements the listed participations led to.
  const agreementIds = [...new Set((list.data ?? []).flatMap((p) => p.agreementId ?? []))];
  const agreements = useQueries({ queries: agreementIds.map((id) => agreementQuery(id)) });
  const folioOf = (id: string) => agreements.find((a) => a.data?.id === id)?.data?.folio ?? '…';
  const writes = principal.role === 'secretariat';
  useEffect(() => {
    document.title = 'Participaciones — Acuerdos';
  }, []);

  return (
    <div className="participations">
      <div className="page-header">
        <h1>Participaciones</h1>
      </div>
      <p className="lead">La participación de sociedad civil, academia y sector privado en las sesiones del órgano, su seguimiento y el informe del periodo.</p>
      {writes && <RecordParticipation bodyId={bodyId} />}
      <ParticipationFilters search={search} sessions={sessions.data} participants={participants.data} />
      <ListResult query={list} loading="Cargando participaciones…" failed="No se pudieron cargar las participaciones" empty="No hay participaciones registradas con estos filtros.">
        {(items) => (
          <div className="table-wrap">
            <table className="participation-table">
              <caption>Participaciones ({items.length}), en orden de fecha de la sesión</caption>
              <thead>
                <tr>
                  <th scope="col">Participante</th>
                  <th scope="col">Sesión</th>
                  <th scope="col">Acciones en las que la participación fue/es relevante</th>
                  <th scope="col">Acuerdo adoptado</th>
                  <th scope="col">Seguimiento</th>
                </tr>
              </thead>
              <tbody>
                {items.map((p) => (
                  <tr key={p.id}>
                    <td>{participantNames(p.participantIds, participants.data)}</td>
                    <td>{sessionName(p.sessionId, sessions.data)}</td>
                    <td>{p.relevance}</td>
                    <td>{p.agreementId ? `Folio ${folioOf(p.agreementId)}` : 'Ninguno'}</td>
                    <td>
                      <Link to="/participaciones/$id" params={{ id: p.id }}>
                        {p.activities || p.verification ? 'Ver seguimiento' : writes ? 'Sin seguimiento: registrarlo' : 'Sin seguimiento aún: ver'}
                        <span className="visually-hidden"> de la participación de {participantNames(p.participantIds, participants.data)}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ListResult>
      <PeriodReport bodyId={bodyId} search={search} />
    </div>
  );
}

function ParticipationFilters({ search, sessions, participants }: { search: ParticipationSearch; sessions: readonly Session[] | undefined; participants: readonly Participant[] | undefined }) {
  const navigate = useNavigate();
  const [sesion, setSesion] = useState(search.sesion ?? '');
  const [participante, setParticipante] = useState(search.participante ?? '');
  const [del, setDel] = useState(search.del ?? '');
  const [al, setAl] = useState(search.al ?? '');
  const apply = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ to: '/participaciones', search: { ...(sesion ? { sesion } : {}), ...(participante ? { participante } : {}), ...(del ? { del } : {}), ...(al ? { al } : {}) } });
  };
  return (
    <form className="card filters no-print" onSubmit={apply} aria-label="Filtrar participaciones">
      <h2>Filtrar</h2>
      <div className="field-row">
        <Field label="Filtrar por sesión">
          {(control) => (
            <select {...control} value={sesion} onChange={(e) => setSesion(e.target.value)}>
              <option value="">Todas</option>
              {(sessions ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}, {formatDmy(s.date)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Filtrar por participante">
          {(control) => (
            <select {...control} value={participante} onChange={(e) => setParticipante(e.target.value)}>
              <option value="">Todos</option>
              {(participants ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Sesiones desde">
          {(control) => <input {...control} className="input-date" type="date" value={del} onChange={(e) => setDel(e.target.value)} />}
        </Field>
        <Field label="Sesiones hasta">
          {(control) => <input {...control} className="input-date" type="date" value={al} onChange={(e) => setAl(e.target.value)} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          Filtrar
        </button>
        <Link to="/participaciones" search={{}} className="button button-quiet">
          Quitar filtros
        </Link>
      </div>
    </form>
  );
}

function reportHref(bodyId: string, from: string, to: string, format: 'csv' | 'pdf' | 'html'): string {
  return `/api/reports/participation?${new URLSearchParams({ bodyId, from, to, format }).toString()}`;
}

// The report of a period ("Del"/"Al"), the filter's period by default.
function PeriodReport({ bodyId, search }: { bodyId: string; search: ParticipationSearch }) {
  const [from, setFrom] = useState(search.del ?? '');
  const [to, setTo] = useState(search.al ?? '');
  const complete = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to);
  const backwards = complete && from > to;
  return (
    <section className="card no-print" aria-labelledby="period-report-title">
      <h2 id="period-report-title">Informe del periodo</h2>
      <p className="field-hint">Informe del Mecanismo de participación: una ficha por participación en las sesiones del periodo.</p>
      <div className="field-row">
        <Field label="Del" error={backwards ? 'El periodo termina antes de empezar.' : undefined}>
          {(control) => <input {...control} className="input-date" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label="Al">
          {(control) => <input {...control} className="input-date" type="date" value={to} onChange={(e) => setTo(e.target.value)} />}
        </Field>
      </div>
      {complete && !backwards ? (
        <ul className="report-links" aria-label="Descargas del informe">
          <li>
            <a className="button" href={reportHref(bodyId, from, to, 'csv')} download>
              Descargar CSV
            </a>
          </li>
          <li>
            <a className="button" href={reportHref(bodyId, from, to, 'pdf')} download>
              Descargar PDF
            </a>
          </li>
          <li>
            <a className="button" href={reportHref(bodyId, from, to, 'html')} target="_blank" rel="noreferrer">
              Ver para imprimir
            </a>
          </li>
        </ul>
      ) : (
        <p className="muted">Indique las dos fechas del periodo para descargar el informe.</p>
      )}
    </section>
  );
}
