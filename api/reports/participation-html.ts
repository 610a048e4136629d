import { PARTICIPATION_REPORT_FIELDS, type ParticipationReportHeading, type ParticipationReportRow } from '../../domain/participation/index.js';
import { escapeHtml, reportPage } from './html.js';

const STYLE = `
  body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; margin: 2cm; color: #000; }
  h1 { font-size: 13pt; margin-bottom: 0.4em; }
  p.periodo { margin: 0 0 1.2em; }
  table { border-collapse: collapse; width: 100%; margin-bottom: 1.2em; page-break-inside: avoid; }
  th, td { border: 1px solid #444; padding: 4px 6px; vertical-align: top; text-align: left; }
  th { width: 32%; background: #d9d9d9; font-weight: bold; }
  td { white-space: pre-line; }
  @page { size: letter portrait; margin: 2cm; }
  @media print { body { margin: 0; } }
`;

// A printable page like the mechanism's report: one table of label and value
// per participation, in the seed's order of fields.
export function participationHtml(heading: ParticipationReportHeading, rows: readonly ParticipationReportRow[]): string {
  const entries = rows
    .map((row) => {
      const lines = PARTICIPATION_REPORT_FIELDS.map((f) => `<tr><th scope="row">${escapeHtml(f.label)}:</th><td>${escapeHtml(row[f.key])}</td></tr>`).join('\n');
      return `<table>\n${lines}\n</table>`;
    })
    .join('\n');
  const empty = rows.length === 0 ? '<p>Sin participaciones registradas en el periodo.</p>' : '';
  return reportPage({ title: heading.title, subtitle: heading.subtitle, subtitleClass: 'periodo', style: STYLE, content: `${entries}${empty}` });
}
