import { ANNEX_COLUMNS, annexCells, type AnnexHeading, type AnnexRow } from '../../domain/annex.js';

import { escapeHtml, reportPage } from './html.js';

const STYLE = `
  body { font-family: Arial, Helvetica, sans-serif; font-size: 10pt; margin: 1.5cm; color: #000; }
  h1 { font-size: 13pt; margin-bottom: 0.2em; }
  p.subtitulo { margin-top: 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { border: 1px solid #444; padding: 4px 6px; vertical-align: top; text-align: left; }
  th { background: #d9d9d9; }
  td.texto { white-space: pre-line; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; }
  @page { size: landscape; margin: 1.5cm; }
  @media print { body { margin: 0; } }
`;

// A printable page of the annex: the header row repeats on every printed page.
export function annexHtml(heading: AnnexHeading, rows: readonly AnnexRow[]): string {
  const head = ANNEX_COLUMNS.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('');
  const body = rows
    .map((row) => {
      const [session = '', folio = '', text = '', status = ''] = annexCells(row).map(escapeHtml);
      return `<tr><td>${session}</td><td>${folio}</td><td class="texto">${text}</td><td>${status}</td></tr>`;
    })
    .join('\n');
  const empty = rows.length === 0 ? `<tr><td colspan="${ANNEX_COLUMNS.length}">Sin acuerdos registrados a esa fecha.</td></tr>` : '';
  return reportPage({
    title: heading.title,
    subtitle: heading.subtitle,
    subtitleClass: 'subtitulo',
    style: STYLE,
    content: `<table>
<thead><tr>${head}</tr></thead>
<tbody>
${body}${empty}
</tbody>
</table>`,
  });
}
