import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import type { Agreement, Principal } from '../../api/types';
import { agreementQuery } from '../../agreements/queries';
import { agreementRoute } from '../../app/routes-ui-a';
import { ProblemPage } from '../../app/problems';
import { institutionOf } from '../../auth/session';
import { ChangeDeadline } from '../../deadline/change-deadline';
import { WriteStatus } from '../../ui/field';
import { formatDate } from '../../ui/format';
import { AgreementStatusLine, AgreementTextCard, DueDateCard, ResponsiblesCard } from '../../ui/agreement-sections';
import { STATUS_WORD } from '../../ui/semaforo';
import { ownSessionsQuery } from '../../reference/queries';
import { ReviewControls } from '../review/review-controls';
import { EvidenceForm } from './evidence-form';
import { EvidenceList } from './evidence-list';
import { History } from './history';
import { AgreementNotifications, SecretariatActions } from './secretariat-actions';

// The session's name for staff (who can list sessions); for an institution,
// its date, which the folio carries.
function useSessionLabel(agreement: Agreement | undefined, principal: Principal) {
  const staff = principal.role === 'secretariat' || principal.role === 'coordinator';
  const sessions = useQuery({ ...ownSessionsQuery, enabled: staff && agreement !== undefined });
  if (!agreement) return '';
  const session = sessions.data?.find((s) => s.id === agreement.sessionId);
  if (session) return `${session.label}, ${formatDate(session.date)}`;
  const date = agreement.folio.split(':')[1];
  return date ? `Sesión del ${date.split('/').map((part) => part.padStart(2, '0')).join('/')}` : '';
}

function InstitutionEvidence({ agreement, institutionId }: { agreement: Agreement; institutionId: string }) {
  const mine = agreement.responsibles.find((r) => r.institutionId === institutionId);
  if (!mine) return null;
  const own = agreement.evidence.filter((e) => e.institutionId === institutionId);
  const latest = own.at(-1);
  const rejected = latest?.review?.decision === 'rejected' ? latest : undefined;
  if (agreement.status !== 'en_proceso') return <p className="muted">El acuerdo está {STATUS_WORD[agreement.status].toLowerCase()}: ya no recibe evidencia.</p>;
  if (mine.state === 'cumplido') return <p className="status-ok">✓ Su institución ya cumplió con este acuerdo: la secretaría técnica aceptó su evidencia.</p>;
  return (
    <>
      {mine.state === 'en_revision' && <p className="notice">Su evidencia está en revisión. Puede enviar más si hace falta.</p>}
      <EvidenceForm agreement={agreement} institutionId={institutionId} rejected={rejected} />
    </>
  );
}

export function AgreementPage() {
  const { id } = agreementRoute.useParams();
  const { corte } = agreementRoute.useSearch();
  const { principal } = agreementRoute.useRouteContext();
  const agreement = useQuery(agreementQuery(id, corte));
  const sessionLabel = useSessionLabel(agreement.data, principal);
  const evidenceHeading = useRef<HTMLHeadingElement>(null);
  const [reviewed, setReviewed] = useState<string>();
  const role = principal.role;
  const ownInstitution = institutionOf(principal);

  useEffect(() => {
    if (agreement.data) document.title = `Acuerdo ${agreement.data.folio} — Acuerdos`;
  }, [agreement.data]);
  // The e-mail link ends in #evidencia: once the page is there, go to it.
  const arrived = agreement.isSuccess;
  useEffect(() => {
    if (arrived && window.location.hash === '#evidencia' && evidenceHeading.current) {
      evidenceHeading.current.scrollIntoView();
      evidenceHeading.current.focus();
    }
  }, [arrived]);

  if (agreement.isPending) return <p role="status">Cargando el acuerdo…</p>;
  if (agreement.isError) return <ProblemPage error={agreement.error} reset={() => void agreement.refetch()} />;
  const a = agreement.data;
  const readOnly = corte !== undefined;

  return (
    <article className="agreement" aria-labelledby="agreement-title">
      <p className="no-print">
        <Link to="/acuerdos">← Volver a la lista de acuerdos</Link>
      </p>
      <header className="agreement-header">
        <h1 id="agreement-title">Acuerdo {a.folio}</h1>
        <p className="muted">{sessionLabel}</p>
        <AgreementStatusLine agreement={a} />
      </header>
      {readOnly && <p className="notice">Situación al {formatDate(corte)} (corte): solo lectura.</p>}

      <AgreementTextCard text={a.text} themes={a.themes} />

      <DueDateCard dueDate={a.dueDate} explanation={a.dueDateExplanation}>
        {a.deadlineHistory.length > 0 && (
          <details>
            <summary>Plazos anteriores ({a.deadlineHistory.length})</summary>
            <ul>
              {a.deadlineHistory.map((h) => (
                <li key={`${h.replacedOn}-${h.dueDate ?? ''}`}>
                  {formatDate(h.dueDate)} — sustituido el {formatDate(h.replacedOn)}. Motivo: {h.replacedBecause}
                </li>
              ))}
            </ul>
          </details>
        )}
      </DueDateCard>

      <ResponsiblesCard responsibles={a.responsibles} />

      {role === 'secretariat' && !readOnly && (
        <section className="card no-print" aria-labelledby="acciones">
          <h2 id="acciones">Acciones</h2>
          <SecretariatActions agreement={a} changeDeadline={<ChangeDeadline agreement={a} />} />
        </section>
      )}

      <section className="card" aria-labelledby="evidencia">
        <h2 id="evidencia" ref={evidenceHeading} tabIndex={-1}>
          Evidencia
        </h2>
        {role === 'institution' && ownInstitution && !readOnly && <InstitutionEvidence agreement={a} institutionId={ownInstitution} />}
        <h3>{role === 'institution' ? 'Evidencia enviada' : 'Evidencia recibida'}</h3>
        {role === 'secretariat' && <WriteStatus pending={false} pendingText="" success={reviewed} />}
        <EvidenceList agreement={a} renderActions={role === 'secretariat' && !readOnly && a.status === 'en_proceso' ? (e) => !e.review && <ReviewControls agreementId={a.id} evidence={e} onReviewed={setReviewed} /> : undefined} />
      </section>

      {(role === 'secretariat' || role === 'coordinator') && (
        <>
          <section className="card" aria-labelledby="notificaciones">
            <h2 id="notificaciones">Notificaciones de este acuerdo</h2>
            <AgreementNotifications agreement={a} />
          </section>
          <section className="card" aria-labelledby="historial">
            <h2 id="historial">Historial</h2>
            <History agreement={a} />
          </section>
        </>
      )}
    </article>
  );
}
