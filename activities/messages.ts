import { formatDmy, type LocalDate } from '../domain/dates.js';

// The texts institutions receive, in Spanish. Pure: easy to read and to test.

export interface ReminderFacts {
  folio: string;
  text: string;
  dueDate: LocalDate;
  dueDateExplanation: string;
  institutionName: string;
  institutionState: 'pendiente' | 'en_revision';
  kind: 'before_due' | 'overdue' | 'manual';
  evidenceUrl: string;
}

function when(facts: ReminderFacts): string {
  if (facts.kind === 'overdue') return `venció el ${formatDmy(facts.dueDate)}`;
  return `vence el ${formatDmy(facts.dueDate)}`;
}

export function reminderMessage(facts: ReminderFacts): { subject: string; text: string } {
  const subject = `${facts.kind === 'overdue' ? 'Acuerdo vencido' : 'Recordatorio'}: acuerdo ${facts.folio} ${when(facts)}`;
  const missing =
    facts.institutionState === 'en_revision'
      ? 'Su evidencia está en revisión por la Secretaría; si tiene medios de verificación adicionales, puede enviarlos.'
      : 'Falta que su institución registre los medios de verificación (descripción de las actividades realizadas, archivos o ligas).';
  const text = [
    `Estimada ${facts.institutionName}:`,
    '',
    `Le recordamos que el acuerdo ${facts.folio} ${when(facts)}.`,
    '',
    'Texto del acuerdo:',
    facts.text,
    '',
    `Fecha de vencimiento: ${formatDmy(facts.dueDate)}`,
    `Cómo se calculó: ${facts.dueDateExplanation}`,
    '',
    `Qué falta: ${missing}`,
    '',
    `Registre su evidencia en: ${facts.evidenceUrl}`,
    '',
    'Este mensaje fue enviado automáticamente por el sistema de seguimiento de acuerdos.',
  ].join('\n');
  return { subject, text };
}

export interface ReviewFacts {
  folio: string;
  institutionName: string;
  decision: 'accepted' | 'rejected';
  comment: string | null;
  evidenceDescription: string;
  evidenceUrl: string;
}

export function reviewMessage(facts: ReviewFacts): { subject: string; text: string } {
  const accepted = facts.decision === 'accepted';
  const subject = `Evidencia ${accepted ? 'aceptada' : 'rechazada'}: acuerdo ${facts.folio}`;
  const text = [
    `Estimada ${facts.institutionName}:`,
    '',
    `La Secretaría ${accepted ? 'aceptó' : 'rechazó'} la evidencia que su institución registró para el acuerdo ${facts.folio}:`,
    `«${facts.evidenceDescription}»`,
    ...(facts.comment ? ['', `Comentario: ${facts.comment}`] : []),
    ...(accepted ? [] : ['', `Puede registrar nueva evidencia en: ${facts.evidenceUrl}`]),
    '',
    'Este mensaje fue enviado automáticamente por el sistema de seguimiento de acuerdos.',
  ].join('\n');
  return { subject, text };
}

export interface OverdueItem {
  folio: string;
  text: string;
  dueDate: LocalDate;
  daysOverdue: number;
  // Acronyms of the responsible institutions that still owe evidence.
  pending: string[];
}

export interface DigestFacts {
  bodyName: string;
  today: LocalDate;
  overdue: OverdueItem[];
  dashboardUrl: string;
}

const EXCERPT = 160;

// The weekly summary coordinators get: what is overdue, most overdue first.
export function overdueDigestMessage(facts: DigestFacts): { subject: string; text: string } {
  const count = facts.overdue.length;
  const subject = `Resumen semanal: ${count} ${count === 1 ? 'acuerdo vencido' : 'acuerdos vencidos'} — ${facts.bodyName}`;
  const lines =
    count === 0
      ? ['No hay acuerdos vencidos.']
      : facts.overdue.map((item) => {
          const text = item.text.length > EXCERPT ? `${item.text.slice(0, EXCERPT - 1)}…` : item.text;
          const days = `${item.daysOverdue} ${item.daysOverdue === 1 ? 'día hábil' : 'días hábiles'} de atraso`;
          const pending = item.pending.length > 0 ? `; pendientes: ${item.pending.join(', ')}` : '';
          return `• ${item.folio} — venció el ${formatDmy(item.dueDate)} (${days}${pending})\n  ${text}`;
        });
  const text = [
    `Acuerdos vencidos de ${facts.bodyName} al ${formatDmy(facts.today)}:`,
    '',
    ...lines,
    '',
    `Tablero de seguimiento: ${facts.dashboardUrl}`,
    '',
    'Este mensaje fue enviado automáticamente por el sistema de seguimiento de acuerdos.',
  ].join('\n');
  return { subject, text };
}
