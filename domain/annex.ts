import type { Agreement } from './agreement/index.js';
import { STATUS_LABEL } from './agreement/status.js';
import type { LocalDate } from './dates.js';

// The annex of the annual report (Annex I of the SNIMH's 2020 report): one row
// per agreement, in folio order, with the columns and labels the report uses.

export const ANNEX_COLUMNS = [
  { key: 'session', label: 'SESIÓN' },
  { key: 'folio', label: 'NÚMERO DE ACUERDO' },
  { key: 'text', label: 'ACUERDO' },
  { key: 'statusLabel', label: 'ESTATUS DEL ACUERDO' },
] as const;

export type AnnexSource = Pick<Agreement, 'agreementId' | 'seq' | 'folio' | 'sessionId' | 'text' | 'status'>;

export interface AnnexRow {
  agreementId: string;
  // The label of the session that adopted it ("Vigésima Primera Sesión Ordinaria").
  session: string;
  folio: string;
  text: string;
  status: Agreement['status'];
  statusLabel: string;
}

export function annexRows(agreements: readonly AnnexSource[], sessionLabels: ReadonlyMap<string, string>): AnnexRow[] {
  return [...agreements]
    .sort((a, b) => a.seq - b.seq)
    .map((a) => {
      const session = sessionLabels.get(a.sessionId);
      // Agreements reference their session by a foreign key: a missing label is a bug, not data.
      if (session === undefined) throw new Error(`sesión ${a.sessionId} del acuerdo ${a.folio} sin etiqueta`);
      return { agreementId: a.agreementId, session, folio: a.folio, text: a.text, status: a.status, statusLabel: STATUS_LABEL[a.status] };
    });
}

// The cells of a row in column order, as every tabular format writes them.
export function annexCells(row: AnnexRow): string[] {
  return ANNEX_COLUMNS.map((column) => row[column.key]);
}

const MONTHS = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

// "31 de diciembre de 2020", as the reports write a date in prose.
export function longSpanishDate(date: LocalDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} de ${MONTHS[(month ?? 1) - 1]} de ${year}`;
}

export function annexTitle(bodyName: string, asOf: LocalDate): string {
  // The body's name first: "del" or "de la" would depend on its gender.
  return `${bodyName}: seguimiento de los acuerdos al ${longSpanishDate(asOf)}`;
}
