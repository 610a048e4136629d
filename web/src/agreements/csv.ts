import type { AgreementRow } from '../ui/agreement-table';
import { SEMAFORO_LABEL, STATUS_WORD } from '../ui/semaforo';
import { formatDate } from '../ui/format';

const HEADERS = ['Folio', 'Acuerdo', 'Responsables', 'Fecha límite', 'Semáforo', 'Días hábiles de atraso', 'Estatus'];

export function csvCell(value: string): string {
  // A cell a spreadsheet would run as a formula is kept as text.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

// The rows as CSV for a spreadsheet: UTF-8 with BOM (Excel reads the accents),
// CRLF lines, the columns of the table.
export function agreementsCsv(items: readonly AgreementRow[]): string {
  const rows = items.map((a) => [a.folio, a.text, a.responsibles.map((r) => r.acronym).join(', '), formatDate(a.dueDate), SEMAFORO_LABEL[a.semaforo], String(a.daysOverdue), STATUS_WORD[a.status]]);
  return `\uFEFF${[HEADERS, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function download(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
