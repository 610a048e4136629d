import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../app/errors.js';
import { importAgreements } from '../../app/import.js';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, type RowError } from '../../domain/import-row.js';
import { requireCaller } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { ImportAnswers } from '../responses/import.js';

const IMPORT_BODY_LIMIT = 2 * 1024 * 1024;

const ImportQuery = z.strictObject({ bodyId: z.uuid() });

const DESCRIPTION = `Importa acuerdos de un archivo CSV (cuerpo \`text/csv\`, UTF-8 con o sin BOM, separado por comas, RFC 4180, hasta 2 MB y ${IMPORT_MAX_ROWS} filas) al órgano \`bodyId\`.
Encabezado (en cualquier orden): ${IMPORT_COLUMNS.map((c) => `\`${c}\``).join(', ')} (\`themes\` es opcional).
- \`session\`: el id de una sesión del órgano, o \`<tipo> <número> <AAAA-MM-DD>\` (p. ej. \`ordinaria 21 2020-09-30\`). Si el órgano no tiene esa sesión, la importación la crea con su etiqueta por omisión; si la tiene con otra fecha, es un error. La fecha no puede ser futura.
- \`text\`: el texto del acuerdo.
- \`responsibles\`: siglas de las instituciones responsables separadas por \`;\` (p. ej. \`INMUJERES; SHCP\`), sin distinguir mayúsculas.
- \`deadline\`: \`none\`; una fecha \`2021-03-31\`; \`15bd\` (días hábiles), \`30d\` (días naturales) o \`3m\` (meses) contados desde la adopción, o desde \`@2021-01-15\` o \`@milestone:<nombre de un hito del órgano>\` (p. ej. \`3m@milestone:Publicación del PROIGUALDAD\`); o el fin de un periodo: \`Q1-2021\`…\`Q4-2021\`, \`H1-2021\`, \`H2-2021\`, \`2021\`.
- \`themes\`: temas separados por \`;\`.

Todo o nada: primero se revisan todas las filas. Con cualquier error responde 400 con \`{created: 0, errors: [{row, message}]}\` (fila como la numera una hoja de cálculo: el encabezado es la 1; la fila 0 es el archivo entero) y el sobre de error habitual en \`error\`, y no registra nada. Sin errores responde 200 con \`{created, errors: [], agreements: [{row, id, folio}]}\`: los acuerdos se registran en el orden del archivo (los folios siguen ese orden).
Reintentos: los acuerdos toman un id derivado del órgano y del contenido del archivo, así que enviar de nuevo el mismo archivo (p. ej. tras un corte a la mitad) completa lo que faltó y no duplica nada.`;

function refused(errors: RowError[]) {
  const sorted = [...errors].sort((a, b) => a.row - b.row);
  const message = `La importación tiene ${sorted.length === 1 ? 'un error' : `${sorted.length} errores`}; no se registró nada.`;
  return { created: 0, errors: sorted, error: { code: 'VALIDATION_FAILED', message, details: sorted } };
}

export function importRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Only this plugin reads CSV bodies. Fastify decodes them as UTF-8; bytes
    // that are not UTF-8 become U+FFFD, which the row checks report.
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));

    app.post(
      '/import/agreements',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          querystring: ImportQuery,
          headers: IdempotencyHeaders,
          body: z.string().describe('El archivo CSV.'),
          consumes: ['text/csv'],
          description: DESCRIPTION,
          response: ImportAnswers,
        },
        // Anything but CSV is the wrong kind of file, not a malformed one.
        preValidation: async (request) => {
          const type = String(request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
          if (type !== 'text/csv') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Envíe el archivo como text/csv (UTF-8).');
        },
      },
      async (request, reply) => {
        const caller = requireCaller(request, 'secretariat');
        const result = await importAgreements(deps, caller, request.query.bodyId, request.body);
        if ('errors' in result) return reply.status(400).send(refused(result.errors));
        return reply.status(200).send({ created: result.agreements.length, errors: [], agreements: result.agreements });
      },
    );
  };
}
