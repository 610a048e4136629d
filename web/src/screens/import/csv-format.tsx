import { useQuery } from '@tanstack/react-query';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS } from '../../../../domain/import-row';
import { csvCell, download } from '../../agreements/csv';
import { institutionsQuery } from '../../reference/queries';

type Column = (typeof IMPORT_COLUMNS)[number];

// What each column of the import takes (domain/import-row.ts reads them), in a secretariat's words.
const COLUMN_HELP: Record<Column, { meaning: string; examples: string[] }> = {
  session: {
    meaning:
      'La sesión en que se adoptó: tipo (ordinaria, extraordinaria o permanente), número y fecha AAAA-MM-DD; una sesión permanente sin número, por su fecha (como la escribe el informe, entre comillas por la coma). Si el órgano aún no la tiene registrada, se crea.',
    examples: ['ordinaria 21 2020-09-30', 'permanente 2023-05-24', '"Sesión Permanente, 24 de mayo de 2023"'],
  },
  text: { meaning: 'El texto del acuerdo.', examples: [] },
  responsibles: { meaning: 'Las siglas de las instituciones responsables, separadas por punto y coma.', examples: ['INMUJERES; SHCP'] },
  deadline: {
    meaning:
      'El plazo: none (sin plazo); una fecha AAAA-MM-DD; días hábiles (bd), días naturales (d) o meses (m) desde la adopción o desde @AAAA-MM-DD o @milestone:<nombre de un hito>; o el fin de un trimestre (Q1…Q4), semestre (H1, H2) o año.',
    examples: ['none', '2021-03-31', '15bd', '30d', '3m@milestone:Publicación del PROIGUALDAD', 'Q1-2021', '2021'],
  },
  themes: { meaning: 'Opcional: temas separados por punto y coma.', examples: ['cuidados; presupuesto'] },
};

// A small file in the import's format, with institutions the API knows, to start from.
function exampleCsv(acronyms: readonly string[]): string {
  const [first = 'INMUJERES', second = 'SHCP'] = acronyms;
  const rows = [
    [...IMPORT_COLUMNS],
    ['ordinaria 21 2020-09-30', 'Las dependencias informarán sobre sus acciones de igualdad en un plazo de 30 días hábiles.', first, '30bd', 'igualdad'],
    ['ordinaria 21 2020-09-30', 'La SHCP presentará el anexo transversal a más tardar el 31 de marzo de 2021.', `${first}; ${second}`, '2021-03-31', 'presupuesto'],
    ['ordinaria 22 2020-12-10', 'Las instituciones enviarán su programa de trabajo durante el primer trimestre de 2021.', second, 'Q1-2021', ''],
  ];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

// The columns the file must have, each with examples, and an example file.
export function CsvFormat() {
  const institutions = useQuery(institutionsQuery);
  const acronyms = (institutions.data ?? []).map((i) => i.acronym);
  return (
    <details className="card import-format">
      <summary>Qué columnas debe tener el archivo</summary>
      <p>
        Un archivo CSV (en Excel: «Guardar como» → «CSV UTF-8 (delimitado por comas)») con un encabezado en la primera fila y un acuerdo por fila, hasta {IMPORT_MAX_ROWS.toLocaleString('es-MX')}{' '}
        filas y 2 MB. Las columnas pueden ir en cualquier orden:
      </p>
      <dl className="import-columns">
        {IMPORT_COLUMNS.map((column) => (
          <div key={column}>
            <dt>
              <code>{column}</code>
            </dt>
            <dd>
              {COLUMN_HELP[column].meaning}
              {COLUMN_HELP[column].examples.length > 0 && (
                <>
                  {' '}
                  Ejemplos:{' '}
                  {COLUMN_HELP[column].examples.map((example, index) => (
                    <span key={example}>
                      {index > 0 && ', '}
                      <code>{example}</code>
                    </span>
                  ))}
                  .
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" className="button" onClick={() => download('ejemplo-importacion.csv', exampleCsv(acronyms), 'text/csv;charset=utf-8')}>
        Descargar un archivo de ejemplo
      </button>
    </details>
  );
}
