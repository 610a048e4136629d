import type { RowError } from '../../../../domain/import-row';
import { ruleInWords } from '../../deadline/suggestion';
import type { Milestone } from '../../reference/queries';
import { formatDate } from '../../ui/format';
import type { PreviewRow } from './import-api';

// A row number as the spreadsheet shows it; 0 is the file as a whole.
function rowName(row: number): string {
  if (row === 0) return 'Todo el archivo';
  return row === 1 ? '1 (encabezado)' : String(row);
}

export function ErrorTable({ errors }: { errors: readonly RowError[] }) {
  return (
    <div className="table-wrap">
      <table className="import-table import-errors">
        <caption>Errores por fila</caption>
        <thead>
          <tr>
            <th scope="col">Fila</th>
            <th scope="col">Qué corregir</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((error, index) => (
            // A row can have several errors.
            <tr key={`${error.row}-${index}`}>
              <th scope="row" data-label="Fila">
                {rowName(error.row)}
              </th>
              <td data-label="Qué corregir">{error.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// What the text's own words state, shown where the deadline column says otherwise.
function TextDisagrees({ row, milestones }: { row: PreviewRow; milestones: readonly Milestone[] }) {
  const stated = row.textDeadline;
  const words = stated?.evidence.map((e) => `«${e.words}»`).join(' … ');
  return (
    <p className="import-warning">
      <span aria-hidden="true">⚠ </span>
      <strong>Revise el plazo:</strong> el texto dice {words ?? 'otro plazo'}
      {stated ? ` (${ruleInWords(stated.deadline, milestones).toLowerCase()})` : ''}, pero la columna deadline da otro plazo. Corrija el que esté mal.
    </p>
  );
}

export function PreviewTable({ rows, milestones }: { rows: readonly PreviewRow[]; milestones: readonly Milestone[] }) {
  return (
    <div className="table-wrap">
      <table className="import-table import-rows">
        <caption>Acuerdos que se registrarían ({rows.length})</caption>
        <thead>
          <tr>
            <th scope="col">Fila</th>
            <th scope="col">Sesión</th>
            <th scope="col">Acuerdo</th>
            <th scope="col">Responsables</th>
            <th scope="col">Fecha límite</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.row} className={row.disagreesWithText ? 'import-row-warning' : undefined}>
              <th scope="row" data-label="Fila">
                {row.row}
              </th>
              <td data-label="Sesión">
                {row.session.label} del {formatDate(row.session.date)}
                {row.session.id === null && <span className="tag">nueva</span>}
              </td>
              <td data-label="Acuerdo" className="agreement-text">
                {row.text}
              </td>
              <td data-label="Responsables">{row.responsibles.map((r) => r.acronym).join(', ')}</td>
              <td data-label="Fecha límite">
                <span className="import-due">{row.dueDate ? formatDate(row.dueDate) : 'Sin fecha'}</span>
                <span className="explanation">{row.dueDateExplanation}</span>
                {row.disagreesWithText && <TextDisagrees row={row} milestones={milestones} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
