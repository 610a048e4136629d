import type { Agreement } from './agreement/index.js';
import { STATUS_LABEL } from './agreement/status.js';
import { isValidLocalDate, type LocalDate } from './dates.js';
import { feminineOrdinal, SESSION_KIND_LABEL, type SessionKind } from './session-label.js';

// The annex of the annual report (Annex I of the SNIMH's 2020 report): one row
// per agreement, in folio order, with the columns and labels the report uses.

export const ANNEX_COLUMNS = [
  { key: 'session', label: 'SESIÓN' },
  { key: 'folio', label: 'NÚMERO DE ACUERDO' },
  { key: 'text', label: 'ACUERDO' },
  { key: 'statusLabel', label: 'ESTATUS DEL ACUERDO' },
] as const;

export type AnnexSource = Pick<Agreement, 'agreementId' | 'seq' | 'folio' | 'sessionId' | 'text' | 'status'>;

// What names a session in the annex: its kind and number, never its stored
// label, so a session reads the same however it was entered. A permanent
// session without a number is named by its date.
export type AnnexSession = { kind: SessionKind; number: number } | { kind: SessionKind; number: null; date: LocalDate };

// The SESIÓN cell as Annex I writes it: an ordinary session by its ordinal
// alone ("Vigésima Primera"); the other kinds say which they are
// ("Primera Extraordinaria"), or they would read as ordinary ones; an
// unnumbered one by its kind and date ("Permanente del 24 de mayo de 2023").
export function annexSessionCell(session: AnnexSession): string {
  const kind = SESSION_KIND_LABEL[session.kind];
  if (session.number === null) return `${kind} del ${longSpanishDate(session.date)}`;
  const ordinal = feminineOrdinal(session.number);
  return session.kind === 'ordinaria' ? ordinal : `${ordinal} ${kind}`;
}

export interface AnnexRow {
  agreementId: string;
  // The session that adopted it, as its SESIÓN cell ("Vigésima Primera").
  session: string;
  folio: string;
  text: string;
  status: Agreement['status'];
  statusLabel: string;
}

export function annexRows(agreements: readonly AnnexSource[], sessions: ReadonlyMap<string, AnnexSession>): AnnexRow[] {
  return [...agreements]
    .sort((a, b) => a.seq - b.seq)
    .map((a) => {
      const session = sessions.get(a.sessionId);
      // Agreements reference their session by a foreign key: a missing one is a bug, not data.
      if (session === undefined) throw new Error(`sesión ${a.sessionId} del acuerdo ${a.folio} desconocida`);
      return { agreementId: a.agreementId, session: annexSessionCell(session), folio: a.folio, text: a.text, status: a.status, statusLabel: STATUS_LABEL[a.status] };
    });
}

// The cells of a row in column order, as every tabular format writes them.
export function annexCells(row: AnnexRow): string[] {
  return ANNEX_COLUMNS.map((column) => row[column.key]);
}

export const SPANISH_MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

// "31 de diciembre de 2020", as the reports write a date in prose.
export function longSpanishDate(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} de ${SPANISH_MONTHS[(month ?? 1) - 1]} de ${year}`;
}

// The day longSpanishDate wrote ("24 de mayo de 2023"), or undefined.
export function parseLongSpanishDate(text: string): LocalDate | undefined {
  const match = /^(\d{1,2}) de (\p{L}+) de (\d{4})$/u.exec(text.trim().toLowerCase());
  const month = SPANISH_MONTHS.indexOf(match?.[2] ?? '') + 1;
  if (!match || month === 0) return undefined;
  const date = `${match[3]}-${String(month).padStart(2, '0')}-${(match[1] ?? '').padStart(2, '0')}`;
  return isValidLocalDate(date) ? date : undefined;
}

function spanishList(items: readonly string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} y ${items.at(-1)}`;
}

export interface AnnexHeading {
  title: string;
  subtitle: string;
}

// Annex I's heading, "Seguimiento a los acuerdos de las sesiones Décimo
// Novena, Vigésima, Vigésima Primera y Vigésima Segunda sesiones del SNIMH",
// with the sessions of the rows in folio order, without the repeated
// "sesiones", and the acronym in parentheses: "del" or "de la" would depend on
// the body's gender. The subtitle names the body and the day the statuses are
// of, which the annual report leaves to its year.
export function annexHeading(body: { name: string; acronym: string }, asOf: LocalDate, rows: readonly AnnexRow[]): AnnexHeading {
  const sessions = [...new Set(rows.map((row) => row.session))];
  const which = sessions.length === 0 ? '' : sessions.length === 1 ? ` de la sesión ${sessions[0]}` : ` de las sesiones ${spanishList(sessions)}`;
  return {
    title: `Seguimiento a los acuerdos${which} (${body.acronym})`,
    subtitle: `${body.name}: estatus al ${longSpanishDate(asOf)}`,
  };
}
