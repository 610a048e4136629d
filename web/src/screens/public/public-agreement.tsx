import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { Ok } from '../../api/types';
import { publicAgreementRoute } from '../../app/routes-publico';
import { formatDate, formatInstantDay } from '../../ui/format';
import { SemaforoBadge, STATE_LABEL, STATUS_LABEL } from '../../ui/semaforo';
import { SafeLink } from '../agreement/evidence-list';
import { publicAgreementQuery, publicBodyQuery } from './queries';
import { PublicTimeline } from './timeline';
import { PublicProblem } from './unavailable';

type PublicEvidence = Ok<'/api/public/agreements/{id}'>['evidence'][number];

function Outcome({ evidence }: { evidence: PublicEvidence }) {
  if (!evidence.review) return <p className="review review-waiting">En revisión</p>;
  const accepted = evidence.review.decision === 'accepted';
  return (
    <p className={accepted ? 'review review-accepted' : 'review review-rejected'}>
      <strong>{accepted ? '✓ Aceptada' : '✗ Rechazada'}</strong> el {formatInstantDay(evidence.review.reviewedAt)}
    </p>
  );
}

export function PublicAgreementPage() {
  const { bodyId, id } = publicAgreementRoute.useParams();
  const body = useQuery(publicBodyQuery(bodyId));
  const agreement = useQuery(publicAgreementQuery(bodyId, id));
  useEffect(() => {
    document.title = agreement.data ? `Acuerdo ${agreement.data.folio} — consulta pública` : 'Consulta pública de acuerdos';
  }, [agreement.data]);

  if (agreement.isPending || body.isPending) return <p role="status">Cargando…</p>;
  if (body.isError) return <PublicProblem error={body.error} />;
  if (agreement.isError) return <PublicProblem error={agreement.error} />;
  const a = agreement.data;

  return (
    <article className="agreement" aria-labelledby="agreement-title">
      <p className="no-print">
        <Link to="/publico/$bodyId" params={{ bodyId }} search={{}}>
          ← Volver a los acuerdos de {body.data.acronym}
        </Link>
      </p>
      <header className="agreement-header">
        <p className="muted">{body.data.name}</p>
        <h1 id="agreement-title">Acuerdo {a.folio}</h1>
        {a.session && (
          <p className="muted">
            Adoptado en la {a.session.label}, el {formatDate(a.session.date)}
          </p>
        )}
        <div className="agreement-status">
          <SemaforoBadge value={a.semaforo} daysOverdue={a.daysOverdue} />
          <span className="status-label">Estatus: {STATUS_LABEL[a.status]}</span>
          {a.fulfilledOn && <span>Cumplido el {formatDate(a.fulfilledOn)}</span>}
        </div>
      </header>

      <section className="card" aria-labelledby="texto">
        <h2 id="texto">Texto del acuerdo</h2>
        <p className="agreement-body">{a.text}</p>
        {a.themes.length > 0 && <p className="muted">Temas: {a.themes.join(', ')}</p>}
      </section>

      <section className="card" aria-labelledby="plazo">
        <h2 id="plazo">Fecha límite</h2>
        <p className="due-date">{a.dueDate ? formatDate(a.dueDate) : 'Sin fecha límite'}</p>
        <p className="explanation">{a.dueDateExplanation}</p>
      </section>

      <section className="card" aria-labelledby="responsables">
        <h2 id="responsables">Instituciones responsables</h2>
        <table>
          <caption className="visually-hidden">Estado de cada institución responsable</caption>
          <thead>
            <tr>
              <th scope="col">Institución</th>
              <th scope="col">Estado</th>
            </tr>
          </thead>
          <tbody>
            {a.responsibles.map((r) => (
              <tr key={r.acronym}>
                <td>{r.acronym}</td>
                <td>
                  <span className={`state state-${r.state}`}>{STATE_LABEL[r.state]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="evidencia">
        <h2 id="evidencia">Evidencia pública</h2>
        {a.evidence.length === 0 ? (
          <p className="muted">No hay evidencia pública de este acuerdo.</p>
        ) : (
          <ul className="evidence-list">
            {a.evidence.map((evidence) => (
              <li key={evidence.id} className="card evidence">
                <h3>
                  {evidence.institution} <span className="muted">· presentada el {formatInstantDay(evidence.submittedAt)}</span>
                </h3>
                <p className="evidence-description">{evidence.description}</p>
                {evidence.links.length > 0 && (
                  <ul>
                    {evidence.links.map((link) => (
                      <li key={link}>
                        <SafeLink href={link} />
                      </li>
                    ))}
                  </ul>
                )}
                <Outcome evidence={evidence} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="historia">
        <h2 id="historia">Historia</h2>
        <PublicTimeline entries={a.timeline} />
      </section>
    </article>
  );
}
