import { formatDmy, type LocalDate } from '../domain/dates.js';
import { ESCALATION_AUDIENCE, type EscalationLevel } from '../domain/escalation.js';

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
  // Acronyms of those whose reminders already reach their head or the coordinators.
  escalated: string[];
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
          const escalated = item.escalated.length > 0 ? ` — ESCALADO: ${item.escalated.join(', ')}` : '';
          return `• ${item.folio} — venció el ${formatDmy(item.dueDate)} (${days}${pending})${escalated}\n  ${text}`;
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

export interface EscalationFacts {
  folio: string;
  text: string;
  dueDate: LocalDate;
  institutionName: string;
  // Who this copy goes to: the institution's head (1) or the body's coordinators (2).
  audience: Exclude<EscalationLevel, 0>;
  // Overdue reminders the institution received without sending evidence.
  ignoredReminders: number;
  evidenceUrl: string;
}

// The copy of an overdue reminder that goes up the ladder: it says to whom it
// escalates and why, so the head or the coordinators can act on it.
export function escalationMessage(facts: EscalationFacts): { subject: string; text: string } {
  const subject = `Escalamiento: acuerdo ${facts.folio} vencido sin evidencia de ${facts.institutionName}`;
  const reminders = `${facts.ignoredReminders} ${facts.ignoredReminders === 1 ? 'recordatorio' : 'recordatorios'}`;
  const text = [
    `Se informa a ${ESCALATION_AUDIENCE[facts.audience]}:`,
    '',
    `El acuerdo ${facts.folio} venció el ${formatDmy(facts.dueDate)} y ${facts.institutionName} no ha registrado evidencia de su cumplimiento, después de ${reminders} de vencimiento enviados a su enlace.`,
    facts.audience === 1
      ? 'Por eso, a partir de ahora los recordatorios de este acuerdo también se envían a la persona titular de la institución.'
      : 'Por eso, a partir de ahora los recordatorios de este acuerdo también se envían a la coordinación del órgano colegiado.',
    '',
    'Texto del acuerdo:',
    facts.text,
    '',
    `La institución puede registrar su evidencia en: ${facts.evidenceUrl}`,
    '',
    'Este mensaje fue enviado automáticamente por el sistema de seguimiento de acuerdos.',
  ].join('\n');
  return { subject, text };
}
