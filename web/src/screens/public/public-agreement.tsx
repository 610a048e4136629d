import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect } from 'react';
import type { Ok } from '../../api/types';
import { publicAgreementRoute } from '../../app/routes-publico';
import { formatDate, formatInstantDay } from '../../ui/format';
import { AgreementStatusLine, AgreementTextCard, DueDateCard, ResponsiblesCard } from '../../ui/agreement-sections';
import { LinkList } from '../../ui/safe-link';
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
        <AgreementStatusLine agreement={a} />
      </header>

      <AgreementTextCard text={a.text} themes={a.themes} />

      <DueDateCard dueDate={a.dueDate} explanation={a.dueDateExplanation} />

      <ResponsiblesCard responsibles={a.responsibles} />

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
                {evidence.links.length > 0 && <LinkList links={evidence.links} />}
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
