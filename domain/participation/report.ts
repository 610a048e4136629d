import { longSpanishDate } from '../annex.js';
import type { LocalDate } from '../dates.js';
import type { FollowUp } from './follow-up.js';

// The period report of the participation mechanism (seeds/001): one entry per
// participation, in session-date order, with the fields and labels the
// commission's own report uses.

export const PARTICIPATION_REPORT_FIELDS = [
  { key: 'participants', label: 'Participante' },
  { key: 'session', label: 'Número, tipo de sesión y fecha' },
  { key: 'relevance', label: 'Acciones en las que la participación fue/es relevante' },
  { key: 'agreement', label: 'Acuerdo adoptado' },
  { key: 'activities', label: 'Actividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado' },
  { key: 'verification', label: 'Medios de verificación' },
] as const;

// What the report writes where there is nothing: the seed's "N/A".
export const NOT_APPLICABLE = 'N/A';

export interface ParticipationReportSource {
  participationId: string;
  participantNames: readonly string[];
  session: { label: string; date: LocalDate };
  relevance: string;
  agreementText: string | null;
  followUp: FollowUp;
}

export type ParticipationReportRow = { participationId: string; sessionDate: LocalDate } & Record<(typeof PARTICIPATION_REPORT_FIELDS)[number]['key'], string>;

function orNotApplicable(text: string | null): string {
  return text === null || text.trim() === '' ? NOT_APPLICABLE : text;
}

// "Vigésima Primera Sesión Ordinaria, 12 de diciembre de 2022".
export function sessionCell(session: { label: string; date: LocalDate }): string {
  return `${session.label}, ${longSpanishDate(session.date)}`;
}

function verificationCell({ verification }: FollowUp): string {
  if (verification === null) return NOT_APPLICABLE;
  return orNotApplicable([verification.text, ...verification.links, ...verification.files.map((f) => f.name)].filter((line) => line !== null && line !== '').join('\n'));
}

// Rows in the order of their sessions' dates; within a day, in the order given
// (the order they were recorded in).
export function participationReportRows(sources: readonly ParticipationReportSource[]): ParticipationReportRow[] {
  return sources
    .map((source, index) => ({ source, index }))
    .sort((a, b) => (a.source.session.date < b.source.session.date ? -1 : a.source.session.date > b.source.session.date ? 1 : a.index - b.index))
    .map(({ source }) => ({
      participationId: source.participationId,
      sessionDate: source.session.date,
      participants: source.participantNames.join('; '),
      session: sessionCell(source.session),
      relevance: source.relevance,
      agreement: orNotApplicable(source.agreementText),
      activities: orNotApplicable(source.followUp.activities),
      verification: verificationCell(source.followUp),
    }));
}

export function participationReportCells(row: ParticipationReportRow): string[] {
  return PARTICIPATION_REPORT_FIELDS.map((field) => row[field.key]);
}

export interface ParticipationReportHeading {
  title: string;
  subtitle: string;
}

// The seed's heading, with the body in parentheses by its acronym ("de la" or
// "del" would depend on the body's gender) and the period written out.
export function participationReportHeading(body: { name: string; acronym: string }, from: LocalDate, to: LocalDate): ParticipationReportHeading {
  return {
    title: `Informe del Mecanismo de participación de sociedad civil, academia y sector privado: ${body.name} (${body.acronym})`,
    subtitle: `Lo realizado durante el periodo del ${longSpanishDate(from)} al ${longSpanishDate(to)}`,
  };
}
