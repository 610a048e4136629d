import { useQuery } from '@tanstack/react-query';
import { AgreementEvent as EventSchema } from '../../../../domain/agreement/events';
import { agreementStreamId } from '../../../../domain/agreement/stream';
import { chainedText } from '../../../../domain/event-chain';
import type { Agreement, AgreementEvent } from '../../api/types';
import { eventsQuery } from '../../agreements/queries';
import { formatDate, formatInstant } from '../../ui/format';

const ROLE_NAME: Record<string, string> = {
  secretariat: 'Secretaría técnica',
  coordinator: 'Coordinación',
  admin: 'Administración',
  system: 'El sistema (automático)',
};

type Acronyms = Map<string, string>;

function who(event: AgreementEvent, acronyms: Acronyms): string {
  if (event.actor.role === 'institution') {
    const id = typeof event.data.institutionId === 'string' ? event.data.institutionId : undefined;
    return id && acronyms.has(id) ? `Institución ${acronyms.get(id)}` : 'La institución responsable';
  }
  return ROLE_NAME[event.actor.role] ?? event.actor.role;
}

// What happened, in words; unknown kinds of event (newer than this screen)
// still show, by their name.
function what(event: AgreementEvent, acronyms: Acronyms): { title: string; detail?: string } {
  const parsed = EventSchema.safeParse({ type: event.type, data: event.data });
  if (!parsed.success) return { title: event.type };
  const e = parsed.data;
  const names = (ids: string[]) => ids.map((id) => acronyms.get(id) ?? 'institución').join(', ');
  switch (e.type) {
    case 'AgreementAdopted':
      return { title: `Acuerdo adoptado (folio ${e.data.folio}) el ${formatDate(e.data.adoptedOn)}`, detail: `Responsables: ${names(e.data.responsibleInstitutionIds)}. Fecha límite: ${formatDate(e.data.dueDate)}.` };
    case 'EvidenceSubmitted':
      return { title: `Evidencia enviada por ${acronyms.get(e.data.institutionId) ?? 'la institución'}`, detail: e.data.description };
    case 'EvidenceReviewed':
      return { title: e.data.decision === 'accepted' ? `Evidencia de ${acronyms.get(e.data.institutionId) ?? 'la institución'} aceptada` : `Evidencia de ${acronyms.get(e.data.institutionId) ?? 'la institución'} rechazada`, detail: e.data.comment ?? undefined };
    case 'AgreementFulfilled':
      return { title: e.data.automatic ? `Acuerdo cumplido el ${formatDate(e.data.on)} (todas las instituciones cumplieron)` : `Marcado como cumplido el ${formatDate(e.data.on)}`, detail: e.data.justification ?? undefined };
    case 'AgreementReopened':
      return { title: `Acuerdo reabierto el ${formatDate(e.data.on)}`, detail: e.data.reason };
    case 'AgreementCancelled':
      return { title: `Acuerdo cancelado (sin efecto) el ${formatDate(e.data.on)}`, detail: e.data.reason };
    case 'DeadlineChanged':
      return { title: `Plazo cambiado: nueva fecha límite ${formatDate(e.data.dueDate)}`, detail: `Motivo: ${e.data.reason}. ${e.data.dueDateExplanation}` };
    case 'DueDateSet':
      return { title: `Fecha límite fijada: ${formatDate(e.data.dueDate)} (el hito ocurrió el ${formatDate(e.data.milestoneDate)})`, detail: e.data.dueDateExplanation };
    case 'DueDateRecounted':
      return { title: `Fecha límite recalculada con el nuevo calendario del órgano: ${formatDate(e.data.dueDate)}`, detail: e.data.dueDateExplanation };
    case 'DeadlinePassed':
      return { title: `Venció el plazo (${formatDate(e.data.dueDate)})` };
    case 'ReminderSent':
      return { title: `Recordatorio enviado a ${names(e.data.institutionIds)}` };
    case 'EscalationRaised':
      return {
        title: `Escalamiento: ${e.data.level === 1 ? 'se avisó también a la persona titular' : 'se avisó también a la coordinación'} de ${acronyms.get(e.data.institutionId) ?? 'la institución'}`,
        detail: `Tras ${e.data.overdueReminders} recordatorios de vencimiento sin evidencia.`,
      };
  }
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

type ChainCheck = { ok: true } | { ok: false; problem: string };

// The hash chain checked here, with the rule the store wrote it by
// (domain/event-chain.ts): versions 1…n, each naming the hash of the one
// before, each hash that of its own content. Web Crypto exists only on
// HTTPS (or this machine): elsewhere the content cannot be checked, and the
// page says so rather than claiming it.
async function checkChain(agreementId: string, events: readonly AgreementEvent[]): Promise<ChainCheck> {
  if (!globalThis.crypto?.subtle) return { ok: false, problem: 'este navegador solo puede comprobarlo en una conexión segura (HTTPS)' };
  const streamId = agreementStreamId(agreementId);
  let prev: string | null = null;
  for (const [index, event] of events.entries()) {
    if (event.version !== index + 1) return { ok: false, problem: `falta el evento ${index + 1}` };
    if (event.prevHash !== prev) return { ok: false, problem: `el evento ${event.version} no está enlazado con el anterior` };
    if ((await sha256Hex(chainedText(prev, { ...event, streamId }))) !== event.hash) return { ok: false, problem: `el contenido del evento ${event.version} no corresponde a su huella` };
    prev = event.hash;
  }
  return { ok: true };
}

export function History({ agreement }: { agreement: Agreement }) {
  const events = useQuery(eventsQuery(agreement.id));
  const check = useQuery({
    queryKey: ['events', agreement.id, 'chain', events.data?.at(-1)?.hash ?? null],
    queryFn: () => checkChain(agreement.id, events.data ?? []),
    enabled: events.isSuccess,
    staleTime: Infinity,
  });
  const acronyms: Acronyms = new Map(agreement.responsibles.map((r) => [r.institutionId, r.acronym]));
  if (events.isPending) return <p role="status">Cargando el historial…</p>;
  if (events.isError) return <p className="status-error">No se pudo cargar el historial: {events.error.message}</p>;
  return (
    <>
      {!check.data ? (
        <p role="status">Verificando el historial…</p>
      ) : check.data.ok ? (
        <p className="status-ok verified">
          <span aria-hidden="true">✓ </span>Historial verificado: {events.data.length} eventos encadenados; la huella (SHA-256) de cada uno corresponde a su contenido y al anterior.
        </p>
      ) : (
        <p className="status-error">
          <span aria-hidden="true">⚠ </span>El historial no se pudo verificar: {check.data.problem}.
        </p>
      )}
      <ol className="timeline">
        {[...events.data].reverse().map((event) => {
          const { title, detail } = what(event, acronyms);
          const late = event.recordedAt.slice(0, 10) !== event.occurredAt.slice(0, 10);
          return (
            <li key={event.version}>
              <p className="timeline-when">
                <time dateTime={event.occurredAt}>{formatInstant(event.occurredAt)}</time>
                {late && <span className="muted"> · registrado el {formatInstant(event.recordedAt)}</span>}
              </p>
              <p className="timeline-what">{title}</p>
              {detail && <p className="timeline-detail">{detail}</p>}
              <p className="timeline-who muted">Por: {who(event, acronyms)}</p>
            </li>
          );
        })}
      </ol>
    </>
  );
}
