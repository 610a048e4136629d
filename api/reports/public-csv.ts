import { STATUS_WORD } from '../../domain/agreement/status.js';
import { formatDmy } from '../../domain/dates.js';
import { SEMAFORO_LABEL } from '../../domain/semaforo.js';
import type { PublicAgreement } from '../responses/public-agreement.js';
import { csvTable } from './csv-table.js';

// The public portal's table as open data: its columns, in words and
// dd/mm/aaaa as the page shows them.
const HEADER = ['Folio', 'Sesión', 'Fecha de la sesión', 'Acuerdo', 'Responsables', 'Fecha límite', 'Semáforo', 'Días hábiles de atraso', 'Estatus'];

export function publicAgreementsCsv(items: readonly PublicAgreement[]): string {
  return csvTable(
    HEADER,
    items.map((a) => [
      a.folio,
      a.session?.label ?? '',
      a.session ? formatDmy(a.session.date) : '',
      a.text,
      a.responsibles.map((r) => r.acronym).join(', '),
      a.dueDate ? formatDmy(a.dueDate) : '',
      SEMAFORO_LABEL[a.semaforo],
      String(a.daysOverdue),
      STATUS_WORD[a.status],
    ]),
  );
}
