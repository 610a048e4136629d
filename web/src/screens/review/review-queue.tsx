import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { allAgreements } from '../../agreements/queries';
import { formatInstant } from '../../ui/format';
import { SemaforoBadge } from '../../ui/semaforo';
import { EvidenceBody } from '../agreement/evidence-list';
import { WriteStatus } from '../../ui/field';
import { ReviewControls } from './review-controls';

// Evidence waiting for the secretariat, oldest first: gathered from the
// agreements in process (only they take reviews).
async function waitingEvidence() {
  const agreements = await allAgreements({ status: 'en_proceso' });
  return agreements
    .flatMap((agreement) => agreement.evidence.filter((e) => e.review === null).map((evidence) => ({ agreement, evidence })))
    .sort((a, b) => a.evidence.submittedAt.localeCompare(b.evidence.submittedAt));
}

export function ReviewQueue() {
  const queue = useQuery({ queryKey: ['review-queue'], queryFn: waitingEvidence });
  const [reviewed, setReviewed] = useState<string>();
  useEffect(() => {
    document.title = 'Revisión de evidencias — Acuerdos';
  }, []);
  return (
    <>
      <h1>Revisión de evidencias</h1>
      <p className="lead">Evidencias enviadas por las instituciones que esperan su revisión, de la más antigua a la más reciente.</p>
      <WriteStatus pending={false} pendingText="" success={reviewed} />
      {queue.isPending ? (
        <p role="status">Cargando evidencias…</p>
      ) : queue.isError ? (
        <p className="status-error" role="alert">
          No se pudo cargar la lista: {queue.error.message}
        </p>
      ) : queue.data.length === 0 ? (
        <p className="card">No hay evidencias por revisar.</p>
      ) : (
        <>
          <p className="muted" role="status">
            {queue.data.length === 1 ? '1 evidencia por revisar.' : `${queue.data.length} evidencias por revisar.`}
          </p>
          <ol className="review-queue">
            {queue.data.map(({ agreement, evidence }) => {
              const institution = agreement.responsibles.find((r) => r.institutionId === evidence.institutionId)?.acronym ?? 'Institución';
              return (
                <li key={evidence.id} className="card review-item" aria-labelledby={`ev-${evidence.id}`}>
                  <h2 id={`ev-${evidence.id}`}>
                    {institution} · Acuerdo{' '}
                    <Link to="/acuerdos/$id" params={{ id: agreement.id }}>
                      {agreement.folio}
                    </Link>
                  </h2>
                  <p className="muted">
                    Enviada el {formatInstant(evidence.submittedAt)} · <SemaforoBadge value={agreement.semaforo} daysOverdue={agreement.daysOverdue} />
                  </p>
                  <details className="review-agreement-text">
                    <summary>Texto del acuerdo</summary>
                    <p className="agreement-body">{agreement.text}</p>
                  </details>
                  <div className="side-by-side">
                    <div>
                      <EvidenceBody evidence={evidence} />
                    </div>
                    <div>
                      <ReviewControls agreementId={agreement.id} evidence={evidence} onReviewed={(message) => setReviewed(`${message} (${institution}, acuerdo ${agreement.folio})`)} />
                    </div>
                  </div>
                </li>
              );
            })}
          </ol>
        </>
      )}
    </>
  );
}
