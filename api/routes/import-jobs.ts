import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findImport, insertImport } from '../../db/imports.js';
import type { importAgreementsWorkflow } from '../../workflows/import.js';
import { assertBodyScope } from '../../app/access.js';
import { notFound } from '../../app/errors.js';
import { checkImportFile, refused } from '../../app/import-file.js';
import { actorOf } from '../../app/principal.js';
import { requireCaller } from '../auth.js';
import type { AppDeps } from '../deps.js';
import { creationId } from '../idempotency.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { ImportJobAnswers, ImportJobView } from '../responses/import.js';
import { errorAnswers } from '../responses/error.js';
import { csvUpload, importingBody } from './import.js';

const JobQuery = z.strictObject({ bodyId: z.uuid() });
const JobParams = z.strictObject({ id: z.uuid() });

const START_DESCRIPTION =
  'Importa acuerdos de un archivo CSV (el mismo formato que `POST /api/import/agreements`) con un trabajo durable, para archivos grandes: ' +
  'revisa primero el archivo entero (con cualquier error responde 400 con `{created: 0, errors: [{row, message}]}` y no registra nada); ' +
  'sin errores responde 202 con `{id, state: "running", total}` y un trabajo de Temporal registra las filas en el orden del archivo ' +
  '(los folios siguen ese orden), aunque el worker o la API se reinicien. El avance se consulta en `GET /api/imports/{id}`. ' +
  'Con `Idempotency-Key`, repetir la solicitud devuelve el mismo trabajo.';

const VIEW_DESCRIPTION =
  'Avance de un trabajo de importación: `state` (`running`, `done` o `failed`), `total` de filas, `created` (las registradas), ' +
  '`agreements` (`{row, id, folio}` de cada fila registrada, en el orden del archivo) y `errors` (si falló: la fila que se rechazó y por qué; las anteriores quedan registradas).';

export function importJobRoutes({ db, temporal, taskQueue }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/imports',
      {
        ...csvUpload,
        schema: { tags: ['Importación'], summary: 'Inicia un trabajo de importación de acuerdos desde CSV', querystring: JobQuery, headers: IdempotencyHeaders, body: z.string().describe('El archivo CSV.'), consumes: ['text/csv'], description: START_DESCRIPTION, response: ImportJobAnswers },
      },
      async (request, reply) => {
        const { bodyId } = request.query;
        const { caller, body } = await importingBody(request, db, bodyId);
        const checked = await checkImportFile(db, body, request.body);
        if ('errors' in checked) return reply.status(400).send(refused(checked.errors));

        const id = creationId(request, 'imports');
        await insertImport(db, { id, bodyId, actor: actorOf(caller.principal, caller.tokenId), rows: checked.items.map((item) => ({ row: item.row, agreementId: item.agreementId, item })) });
        // Started after the rows are stored (a retry with the same key finds
        // them and starts the same workflow, once).
        await temporal.workflow.start<typeof importAgreementsWorkflow>('importAgreementsWorkflow', {
          workflowId: `import-${id}`,
          taskQueue,
          args: [{ importId: id }],
          workflowIdConflictPolicy: 'USE_EXISTING',
        });
        return reply.status(202).send({ id, state: 'running' as const, total: checked.items.length });
      },
    );

    app.get('/imports/:id', { schema: { tags: ['Importación'], summary: 'Avance de un trabajo de importación', params: JobParams, description: VIEW_DESCRIPTION, response: { 200: ImportJobView, ...errorAnswers(400, 401, 403, 404) } } }, async (request) => {
      const caller = requireCaller(request, 'secretariat');
      const job = await findImport(db, request.params.id);
      if (!job) throw notFound('La importación');
      assertBodyScope(caller, job.bodyId);
      const { bodyId: _, ...view } = job;
      return view;
    });
  };
}
