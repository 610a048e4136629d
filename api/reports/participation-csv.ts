import { PARTICIPATION_REPORT_FIELDS, participationReportCells, type ParticipationReportRow } from '../../domain/participation/index.js';
import { csvTable } from './csv-table.js';

// One row per participation, the seed's fields as the header.
export function participationCsv(rows: readonly ParticipationReportRow[]): string {
  return csvTable(
    PARTICIPATION_REPORT_FIELDS.map((f) => f.label),
    rows.map(participationReportCells),
  );
}
