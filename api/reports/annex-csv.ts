import { ANNEX_COLUMNS, annexCells, type AnnexRow } from '../../domain/annex.js';
import { csvTable } from './csv-table.js';

export function annexCsv(rows: readonly AnnexRow[]): string {
  return csvTable(
    ANNEX_COLUMNS.map((c) => c.label),
    rows.map(annexCells),
  );
}
