import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Text } from '../../domain/text.js';
import { findAgreementOfEvidence } from '../../db/evidence.js';
import { isFileOfAnEvidence } from '../../db/evidence-file-references.js';
import type { EvidenceFile } from '../../domain/agreement/index.js';
import { commandOnAgreement, loadAgreement } from '../../app/agreement-access.js';
import { evidenceView } from '../agreement-view.js';
import type { AppDeps } from '../deps.js';
import { assertAgreementAccess } from '../../app/access.js';
import { requireCaller } from '../auth.js';
import { AppError, forbidden, notFound } from '../../app/errors.js';
import { attachment } from '../evidence-files/content-disposition.js';
import { DEFAULT_MAX_UPLOAD_FILES, DEFAULT_MAX_UPLOAD_MB, megabytes, multipartLimits, readEvidenceForm } from '../evidence-files/evidence-form.js';
import { describeEvidenceForm } from '../evidence-files/form-description.js';
import { HeldFiles } from '../evidence-files/held-files.js';
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
  // The files of a multipart request, stored before its fields are validated.
  const uploaded = new WeakMap<FastifyRequest, EvidenceFile[]>();
  // Held from the first byte stored until the answer: a refusal, wherever it
  // comes from (validation, scope, the workflow), discards them.
  const held = new WeakMap<FastifyRequest, HeldFiles>();

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
          const heldFiles = new HeldFiles((sha256) => isFileOfAnEvidence(db, sha256));
          held.set(request, heldFiles);
          const form = await readEvidenceForm(request, files, limits, heldFiles);
          // Raw, as a JSON body would be: validation parses it next.
          (request as FastifyRequest).body = form.fields;
          uploaded.set(request, form.files);
        },
        onError: async (request) => {
          await held
            .get(request)
            ?.discard()
            .catch((error: unknown) => request.log.error({ err: error }, 'no se pudieron descartar los archivos de una evidencia rechazada'));
        },
      },
      async (request, reply) => {
        const caller = requireCaller(request, 'secretariat', 'institution');
        const { occurredAt, ...input } = request.body;
        const p = caller.principal;
        if (p.role === 'institution' && p.institutionId !== input.institutionId) throw forbidden('Una institución solo registra evidencia a su propio nombre.');
        const evidenceFiles = uploaded.get(request) ?? [];
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
        // The evidence is recorded: failing to keep a file is logged, not
        // answered with a 500 that would say nothing was.
        await held
          .get(request)
          ?.keep()
          .catch((error: unknown) => request.log.error({ err: error }, 'no se pudieron conservar los archivos de una evidencia registrada'));
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
        const content = await files.open(sha256);
        if (!content) {
          request.log.error({ sha256, evidenceId: eid }, 'archivo de evidencia ausente del almacén');
          throw new AppError('NOT_FOUND', 'El archivo no está disponible en el almacén.');
        }
        return reply
          .header('content-type', file.mediaType.startsWith('text/') ? `${file.mediaType}; charset=utf-8` : file.mediaType)
          .header('content-length', file.size)
          .header('content-disposition', attachment(file.name))
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, no-cache')
          .send(content);
      },
    );
  };
}
