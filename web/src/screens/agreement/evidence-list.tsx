import type { Agreement, Evidence } from '../../api/types';
import { formatBytes, formatInstant } from '../../ui/format';
import { LinkList } from '../../ui/safe-link';

export function fileUrl(evidenceId: string, sha256: string): string {
  return `/api/evidence/${encodeURIComponent(evidenceId)}/files/${encodeURIComponent(sha256)}`;
}

export function ReviewOutcome({ evidence }: { evidence: Evidence }) {
  if (!evidence.review) return <p className="review review-waiting">En espera de revisión</p>;
  const accepted = evidence.review.decision === 'accepted';
  return (
    <div className={accepted ? 'review review-accepted' : 'review review-rejected'}>
      <p>
        <strong>{accepted ? '✓ Aceptada' : '✗ Rechazada'}</strong> el {formatInstant(evidence.review.reviewedAt)}
      </p>
      {evidence.review.comment && <p className="review-comment">Comentario: {evidence.review.comment}</p>}
    </div>
  );
}

export function EvidenceBody({ evidence }: { evidence: Evidence }) {
  return (
    <>
      <p className="evidence-description">{evidence.description}</p>
      {evidence.links.length > 0 && (
        <>
          <h4>Enlaces</h4>
          <LinkList links={evidence.links} />
        </>
      )}
      {evidence.files.length > 0 && (
        <>
          <h4>Archivos</h4>
          <ul>
            {evidence.files.map((file) => (
              <li key={file.sha256}>
                <a href={fileUrl(evidence.id, file.sha256)} download={file.name}>
                  {file.name}
                </a>{' '}
                <span className="muted">({formatBytes(file.size)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

export function EvidenceList({ agreement, renderActions }: { agreement: Agreement; renderActions?: (evidence: Evidence) => React.ReactNode }) {
  const acronym = new Map(agreement.responsibles.map((r) => [r.institutionId, r.acronym]));
  if (agreement.evidence.length === 0) return <p className="muted">Todavía no se ha enviado evidencia.</p>;
  return (
    <ul className="evidence-list">
      {[...agreement.evidence].reverse().map((evidence) => (
        <li key={evidence.id} className="card evidence">
          <h3>
            {acronym.get(evidence.institutionId) ?? 'Institución'} · enviada el {formatInstant(evidence.submittedAt)}
            {evidence.public && <span className="tag">Pública</span>}
          </h3>
          <EvidenceBody evidence={evidence} />
          <ReviewOutcome evidence={evidence} />
          {renderActions?.(evidence)}
        </li>
      ))}
    </ul>
  );
}
