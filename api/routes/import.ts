import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findBody } from '../../db/bodies.js';
import type { Db } from '../../db/connection.js';
import type { Session } from '../../db/sessions.js';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS } from '../../domain/import-row.js';
import { assertBodyScope } from '../../app/access.js';
import { AppError, notFound } from '../../app/errors.js';
import { checkImportFile, previewItems, refused, registerItem } from '../../app/import-file.js';
import { actorOf } from '../../app/principal.js';
import { requireCaller } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { operation } from '../operation-doc.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { ImportAnswers } from '../responses/import.js';
import { importJobRoutes } from './import-jobs.js';

const IMPORT_BODY_LIMIT = 2 * 1024 * 1024;

// The body a secretariat imports into, by either route: its own, and one that exists.
export async function importingBody(request: FastifyRequest, db: Db, bodyId: string) {
  const caller = requireCaller(request, 'secretariat');
  assertBodyScope(caller, bodyId);
  const body = await findBody(db, bodyId);
  if (!body) throw notFound('El órgano colegiado');
  return { caller, body };
}

const ImportQuery = z.strictObject({
  bodyId: z.uuid(),
  dryRun: z.enum(['true', 'false']).optional().describe('`true`: solo revisa el archivo y muestra lo que registraría; no registra nada.'),
});

const DESCRIPTION = `Importa acuerdos de un archivo CSV (cuerpo \`text/csv\`, UTF-8 con o sin BOM, separado por comas, RFC 4180, hasta 2 MB y ${IMPORT_MAX_ROWS} filas) al órgano \`bodyId\`.
Encabezado (en cualquier orden): ${IMPORT_COLUMNS.map((c) => `\`${c}\``).join(', ')} (\`themes\` es opcional).
- \`session\`: el id de una sesión del órgano, o \`<tipo> <número> <AAAA-MM-DD>\` (p. ej. \`ordinaria 21 2020-09-30\`), o una sesión permanente sin número por su fecha: \`permanente 2023-05-24\` o \`Sesión Permanente, 24 de mayo de 2023\` (entre comillas, por la coma). Si el órgano no tiene esa sesión, la importación la crea con su etiqueta por omisión; si la tiene con otra fecha, es un error. La fecha no puede ser futura.
- \`text\`: el texto del acuerdo.
- \`responsibles\`: siglas de las instituciones responsables separadas por \`;\` (p. ej. \`INMUJERES; SHCP\`), sin distinguir mayúsculas.
- \`deadline\`: \`none\`; una fecha \`2021-03-31\`; \`15bd\` (días hábiles), \`30d\` (días naturales) o \`3m\` (meses) contados desde la adopción, o desde \`@2021-01-15\` o \`@milestone:<nombre de un hito del órgano>\` (p. ej. \`3m@milestone:Publicación del PROIGUALDAD\`); o el fin de un periodo: \`Q1-2021\`…\`Q4-2021\`, \`H1-2021\`, \`H2-2021\`, \`2021\`.
- \`themes\`: temas separados por \`;\`.

Todo o nada: primero se revisan todas las filas. Con cualquier error responde 400 con \`{created: 0, errors: [{row, message}]}\` (fila como la numera una hoja de cálculo: el encabezado es la 1; la fila 0 es el archivo entero) y el sobre de error habitual en \`error\`, y no registra nada. Sin errores responde 200 con \`{created, errors: [], agreements: [{row, id, folio}]}\`: los acuerdos se registran en el orden del archivo (los folios siguen ese orden).
Reintentos: los acuerdos toman un id derivado del órgano y del contenido del archivo, así que enviar de nuevo el mismo archivo (p. ej. tras un corte a la mitad) completa lo que faltó y no duplica nada.`;

// The options of a route that takes a CSV file as its body.
export const csvUpload = {
  bodyLimit: IMPORT_BODY_LIMIT,
  // Anything but CSV is the wrong kind of file, not a malformed one.
  preValidation: async (request: FastifyRequest) => {
    const type = String(request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'text/csv') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Envíe el archivo como text/csv (UTF-8).');
  },
};

export function importRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, temporal, taskQueue } = deps;
  return async (app) => {
    // Only this plugin reads CSV bodies. Fastify decodes them as UTF-8; bytes
    // that are not UTF-8 become U+FFFD, which the row checks report.
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    // The durable job takes the same files: registered here, it shares the parser.
    await app.register(importJobRoutes(deps));

    app.post(
      '/import/agreements',
      {
        ...csvUpload,
        schema: {
          ...operation('Importación', 'Importa acuerdos desde un archivo CSV, todo o nada'),
          querystring: ImportQuery,
          headers: IdempotencyHeaders,
          body: z.string().describe('El archivo CSV.'),
          consumes: ['text/csv'],
          description: DESCRIPTION,
          response: ImportAnswers,
        },
      },
      async (request, reply) => {
        const { bodyId } = request.query;
        const { caller, body } = await importingBody(request, db, bodyId);

        const checked = await checkImportFile(db, body, request.body);
        if (request.query.dryRun === 'true') {
          return reply.status(200).send('errors' in checked ? { rows: [], errors: checked.errors } : { rows: await previewItems(db, body, checked.items, checked.milestoneDates), errors: [] });
        }
        if ('errors' in checked) return reply.status(400).send(refused(checked.errors));

        const actor = actorOf(caller.principal, caller.tokenId);
        const sessions = new Map<string, Session>();
        const agreements: { row: number; id: string; folio: string }[] = [];
        // One after the other: folios follow the order of the file.
        for (const item of checked.items) agreements.push(await registerItem({ db, temporal, taskQueue }, bodyId, item, actor, sessions));
        return reply.status(200).send({ created: agreements.length, errors: [], agreements });
      },
    );
  };
}
