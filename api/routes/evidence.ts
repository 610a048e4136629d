import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Text } from '../../domain/text.js';
import { findAgreementOfEvidence } from '../../db/evidence.js';
import { commandOnAgreement, loadAgreement } from '../../app/agreement-access.js';
import { evidenceView } from '../agreement-view.js';
import type { AppDeps } from '../deps.js';
import { assertAgreementAccess } from '../../app/access.js';
import { requireCaller } from '../auth.js';
import { forbidden, notFound } from '../../app/errors.js';
import { sendStoredFile } from '../evidence-files/file-download.js';
import { DEFAULT_MAX_UPLOAD_FILES, DEFAULT_MAX_UPLOAD_MB, evidenceFormFields, megabytes, multipartLimits } from '../evidence-files/upload-form.js';
import { describeEvidenceForm } from '../evidence-files/form-description.js';
import { fileUploads } from '../evidence-files/file-uploads.js';
import { IdempotencyHeaders, OccurredAt } from '../request-schemas.js';
import { EvidenceFileAnswer, EvidenceView } from '../responses/agreement.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';

const IdParams = z.object({ id: z.uuid() });
const FileParams = z.object({ eid: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Debe ser un SHA-256 en hexadecimal, en minúsculas.') });

const EvidenceRequest = z.strictObject({
  institutionId: z.uuid(),
  description: Text(20_000),
  links: z.array(z.url({ protocol: /^https?$/ }).max(2_000)).max(50).default([]),
  public: z.boolean().default(false),
  occurredAt: OccurredAt,
});

export function evidenceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, files } = deps;
  const limits = { maxFileBytes: deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_MB * 1024 * 1024, maxFiles: deps.maxUploadFiles ?? DEFAULT_MAX_UPLOAD_FILES };
  const uploads = fileUploads(db, files, limits, evidenceFormFields);

  return async (app) => {
    // Registered here, multipart is parsed by these routes only; every other
    // route keeps refusing it with 415.
    await app.register(fastifyMultipart, multipartLimits(limits));

    // An institution posts only for agreements where it is responsible (others
    // are 404 to it, as on reads) and only in its own name; the secretariat may
    // post on behalf of any responsible institution. A multipart form is read
    // before validation, so its fields go through the same schema as JSON; the
    // caller's access is checked before any byte is stored.
    app.post(
      '/agreements/:id/evidence',
      {
        schema: {
          ...operation('Evidencias', 'Envía una evidencia (medio de verificación) con sus archivos'),
          description: `JSON, o multipart/form-data con los mismos campos y uno o más archivos en el campo \`files\` (hasta ${limits.maxFiles}, de hasta ${megabytes(limits.maxFileBytes)} cada uno; más archivos o uno mayor: 413). Una solicitud rechazada no conserva ninguno de sus archivos.`,
          params: IdParams,
          body: EvidenceRequest,
          headers: IdempotencyHeaders,
          response: { 201: EvidenceView, ...errorAnswers(400, 401, 403, 404, 409, 413, 415) },
        },
        config: { swaggerTransform: describeEvidenceForm, idempotency: 'workflow' },
        preValidation: async (request) => {
          if (!request.isMultipart()) return;
          const caller = requireCaller(request, 'secretariat', 'institution');
          const params = IdParams.safeParse(request.params);
          // A malformed id is reported by validation, right after this hook.
          if (!params.success) return;
          await loadAgreement(db, caller, params.data.id);
          await uploads.read(request);
        },
        ...uploads.hooks,
      },
      async (request, reply) => {
        const caller = requireCaller(request, 'secretariat', 'institution');
        const { occurredAt, ...input } = request.body;
        const p = caller.principal;
        if (p.role === 'institution' && p.institutionId !== input.institutionId) throw forbidden('Una institución solo registra evidencia a su propio nombre.');
        const evidenceFiles = uploads.files(request);
        // A retry with the same key must carry the same files too.
        const payload = evidenceFiles.length === 0 ? request.body : { ...request.body, files: evidenceFiles.map(({ name, sha256 }) => ({ name, sha256 })) };
        const { address, outcome } = await commandOnAgreement(
          deps,
          caller,
          request.params.id,
          { type: 'SubmitEvidence', payload, idempotencyKey: request.headers['idempotency-key'], occurredAt },
          // Named after the request: a retry names the same evidence.
          (a) => ({ evidenceId: a.updateId, ...input, files: evidenceFiles }),
        );
        const evidence = outcome.state.evidence.find((e) => e.id === address.updateId);
        if (!evidence) throw new Error(`la evidencia ${address.updateId} no quedó en el acuerdo`);
        await uploads.keep(request);
        return reply.status(201).send(evidenceView(evidence));
      },
    );

    // The body's secretariat and coordinators, and the institution that
    // submitted the evidence. An institution that is not responsible for the
    // agreement does not learn the evidence exists.
    app.get(
      '/evidence/:eid/files/:sha256',
      { schema: { ...operation('Evidencias', 'Descarga un archivo de una evidencia'), description: 'Descarga un archivo de una evidencia, por su SHA-256.', params: FileParams, response: { 200: EvidenceFileAnswer, ...errorAnswers(400, 401, 403, 404) } } },
      async (request, reply) => {
        const caller = requireCaller(request, 'secretariat', 'coordinator', 'institution');
        const { eid, sha256 } = request.params;
        const row = await findAgreementOfEvidence(db, eid);
        if (!row) throw notFound('La evidencia');
        assertAgreementAccess(caller, { bodyId: row.body_id, state: row.state }, () => notFound('La evidencia'));
        const evidence = row.state.evidence.find((e) => e.id === eid);
        if (!evidence) throw notFound('La evidencia');
        const p = caller.principal;
        if (p.role === 'institution' && evidence.institutionId !== p.institutionId) throw forbidden('Solo la institución que presentó la evidencia descarga sus archivos.');
        const file = evidence.files.find((f) => f.sha256 === sha256);
        if (!file) throw notFound('El archivo en esta evidencia');
        return sendStoredFile(request, reply, files, file);
      },
    );
  };
}
