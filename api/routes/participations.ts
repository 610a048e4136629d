import fastifyMultipart from '@fastify/multipart';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { endOfDay } from '../../db/agreement-history.js';
import { findBody } from '../../db/bodies.js';
import { readStream } from '../../db/event-store.js';
import { findParticipation, listParticipations } from '../../db/participations.js';
import { newFiles, participationStreamId } from '../../domain/participation/index.js';
import { findSession } from '../../db/sessions.js';
import { compareDates, LocalDate, localDateOf } from '../../domain/dates.js';
import { notYetHeld } from '../../domain/session-held.js';
import type { AppDeps } from '../deps.js';
import { assertBodyScope } from '../../app/access.js';
import { requireCaller, type Caller } from '../auth.js';
import { notFound, validationFailed } from '../../app/errors.js';
import { creationId } from '../idempotency.js';
import { followUpParticipation, recordParticipation } from '../participation-commands.js';
import { staffBody } from '../participation-scope.js';
import { participationView, participationViews } from '../participation-view.js';
import { actorOf } from '../../app/principal.js';
import { recordedEvents } from '../recorded-events.js';
import { AsOfQuery, referenceDay } from '../reference-day.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { EvidenceFileAnswer, RecordedEvent } from '../responses/agreement.js';
import { sendStoredFile } from '../evidence-files/file-download.js';
import { fileUploads } from '../evidence-files/file-uploads.js';
import { describeParticipationForm } from '../evidence-files/form-description.js';
import { DEFAULT_MAX_UPLOAD_FILES, DEFAULT_MAX_UPLOAD_MB, megabytes, multipartLimits } from '../evidence-files/upload-form.js';
import { participationFormFields } from '../participation-form.js';
import { SHA256_PATTERN } from '../storage/file-store.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { ParticipationView } from '../responses/participation.js';


const Text = z.string().trim().min(1).max(20_000);
const VerificationInput = z.strictObject({
  text: Text.describe('P. ej. «Acta de la Sesión Permanente».'),
  links: z.array(z.url({ protocol: /^https?$/ }).max(2_000)).max(50).default([]),
});

const NewParticipationRequest = z.strictObject({
  sessionId: z.uuid(),
  participantIds: z.array(z.uuid()).min(1).max(50).describe('En el orden en que el informe los nombra.'),
  relevance: Text.describe('Acciones en las que la participación fue/es relevante.'),
  agreementId: z.uuid().nullable().optional().describe('Un acuerdo de esa misma sesión, si derivó de la participación.'),
  activities: Text.nullable().optional().describe('Actividades realizadas para el cumplimiento del acuerdo o en seguimiento a lo presentado.'),
  verification: VerificationInput.nullable().optional().describe('Medios de verificación.'),
});

// At least one of them, or a file (checked by the handler: files are not fields).
const FollowUpRequest = z.strictObject({
  activities: Text.nullable().optional(),
  verification: VerificationInput.nullable().optional(),
  agreementId: z.uuid().nullable().optional(),
});

const ParticipationQuery = z.strictObject({
  bodyId: z.uuid().optional().describe('Por omisión, el órgano de quien consulta.'),
  sessionId: z.uuid().optional(),
  participantId: z.uuid().optional(),
  from: LocalDate.optional().describe('Sesiones celebradas desde este día (incluido).'),
  to: LocalDate.optional().describe('Sesiones celebradas hasta este día (incluido).'),
  asOf: LocalDate.optional().describe('Como estaban al final de ese día: sin las registradas después, con el seguimiento y las evidencias aceptadas hasta entonces.'),
});

const ParticipationEventView = RecordedEvent.extend({ type: z.string().describe('ParticipationRecorded, ParticipationFollowedUp o ParticipationFilesAttached.') });

// A participation of another body is, to the caller, one that does not exist.
async function participationOf(db: AppDeps['db'], caller: Caller, id: string) {
  const found = await findParticipation(db, id);
  const p = caller.principal;
  const visible = p.role === 'admin' || ('bodyId' in p && p.bodyId === found?.state.bodyId);
  if (!found || !visible) throw notFound('La participación');
  return found;
}

const IdParams = z.object({ id: z.uuid() });
const FileParams = IdParams.extend({ sha256: z.string().regex(SHA256_PATTERN, 'Debe ser un SHA-256 en hexadecimal, en minúsculas.') });

export function participationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  const { db, files } = deps;
  const limits = { maxFileBytes: deps.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_MB * 1024 * 1024, maxFiles: deps.maxUploadFiles ?? DEFAULT_MAX_UPLOAD_FILES };
  const uploads = fileUploads(db, files, limits, participationFormFields);
  const formDescription = `JSON, o multipart/form-data con los mismos campos (\`participantIds\` y \`verification.links\` repetidos o como un arreglo JSON, \`verification.text\`; un campo vacío es null) y archivos en el campo \`files\` (hasta ${limits.maxFiles}, de hasta ${megabytes(limits.maxFileBytes)} cada uno; más archivos o uno mayor: 413; de tipo no admitido: 415), que se suman a los medios de verificación. Una solicitud rechazada no conserva ninguno de sus archivos.`;

  return async (app) => {
    // Registered here, multipart is parsed by these routes only.
    await app.register(fastifyMultipart, multipartLimits(limits));

    app.post(
      '/participations',
      {
        schema: {
          ...operation('Participación', 'Registrar la participación de organizaciones en una sesión'),
          description: formDescription,
          body: NewParticipationRequest,
          headers: IdempotencyHeaders,
          response: { 201: ParticipationView, ...errorAnswers(400, 401, 403, 409, 413, 415) },
        },
        config: { swaggerTransform: describeParticipationForm },
        // Only the secretariat stores files here; which body it may write for
        // is known once the fields are read, and a refusal then discards them.
        preValidation: async (request) => {
          if (!request.isMultipart()) return;
          requireCaller(request, 'secretariat');
          await uploads.read(request);
        },
        ...uploads.hooks,
      },
      async (request, reply) => {
        const caller = requireCaller(request, 'secretariat');
        const input = request.body;
        const session = await findSession(db, input.sessionId);
        if (!session) throw validationFailed([{ field: 'sessionId', message: 'La sesión no existe.' }]);
        assertBodyScope(caller, session.bodyId);
        const body = await findBody(db, session.bodyId);
        if (!body) throw notFound('El órgano colegiado');
        const early = notYetHeld(session.date, localDateOf(new Date().toISOString(), body.settings.timezone));
        if (early) throw validationFailed([{ field: 'sessionId', message: early }]);
        const stored = await recordParticipation(
          db,
          {
            participationId: creationId(request, 'participations'),
            session,
            participantIds: [...new Set(input.participantIds)],
            relevance: input.relevance,
            agreementId: input.agreementId ?? null,
            activities: input.activities ?? null,
            verification: input.verification ?? null,
            files: newFiles({ files: [] }, uploads.files(request)),
          },
          actorOf(caller.principal, caller.tokenId),
        );
        await uploads.keep(request);
        return reply.status(201).send(await participationView(db, stored));
      },
    );

    app.patch(
      '/participations/:id',
      {
        schema: {
          ...operation('Participación', 'Dar seguimiento a una participación: actividades, medios de verificación o acuerdo adoptado'),
          description: `Cambia solo los campos enviados (null los borra); los archivos enviados se suman a los suyos; si nada cambia no registra nada. Responde la participación. ${formDescription}`,
          params: IdParams,
          body: FollowUpRequest,
          headers: IdempotencyHeaders,
          response: { 200: ParticipationView, ...errorAnswers(400, 401, 403, 404, 409, 413, 415) },
        },
        config: { swaggerTransform: describeParticipationForm },
        preValidation: async (request) => {
          if (!request.isMultipart()) return;
          const caller = requireCaller(request, 'secretariat');
          const params = IdParams.safeParse(request.params);
          // A malformed id is reported by validation, right after this hook.
          if (!params.success) return;
          await participationOf(db, caller, params.data.id);
          await uploads.read(request);
        },
        ...uploads.hooks,
      },
      async (request) => {
        const caller = requireCaller(request, 'secretariat');
        const current = await participationOf(db, caller, request.params.id);
        const added = uploads.files(request);
        if (Object.keys(request.body).length === 0 && added.length === 0) throw validationFailed([{ field: '(cuerpo)', message: 'Indique al menos uno de: activities, verification, agreementId, o envíe archivos.' }]);
        const stored = await followUpParticipation(db, current, request.body, added, actorOf(caller.principal, caller.tokenId));
        await uploads.keep(request);
        return participationView(db, stored);
      },
    );

    app.get(
      '/participations/:id',
      {
        schema: {
          ...operation('Participación', 'Una participación, con su seguimiento'),
          params: IdParams,
          response: { 200: ParticipationView, ...errorAnswers(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const caller = requireCaller(request, 'secretariat', 'coordinator');
        return participationView(db, await participationOf(db, caller, request.params.id));
      },
    );

    // The body's secretariat and coordinators, as the participation itself.
    app.get(
      '/participations/:id/files/:sha256',
      {
        schema: {
          ...operation('Participación', 'Descarga un archivo de los medios de verificación de una participación'),
          description: 'Un archivo de la propia participación, por su SHA-256 (los de las evidencias de su acuerdo se descargan de la evidencia).',
          params: FileParams,
          response: { 200: EvidenceFileAnswer, ...errorAnswers(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        const caller = requireCaller(request, 'secretariat', 'coordinator');
        const { state } = await participationOf(db, caller, request.params.id);
        const file = state.files.find((f) => f.sha256 === request.params.sha256);
        if (!file) throw notFound('El archivo en esta participación');
        return sendStoredFile(request, reply, files, file);
      },
    );

    app.get(
      '/participations/:id/events',
      {
        schema: {
          ...operation('Participación', 'Historia de una participación: sus eventos, con quién y cuándo'),
          description: 'Con `asOf`, los eventos ocurridos hasta el final de ese día.',
          params: IdParams,
          querystring: AsOfQuery,
          response: { 200: z.array(ParticipationEventView), ...errorAnswers(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const caller = requireCaller(request, 'secretariat', 'coordinator');
        const { state } = await participationOf(db, caller, request.params.id);
        const body = await findBody(db, state.bodyId);
        if (!body) throw notFound('El órgano colegiado');
        const { asOf } = request.query;
        const occurredBefore = asOf === undefined ? undefined : endOfDay(referenceDay(body, asOf), body.settings.timezone);
        return recordedEvents(await readStream(db, participationStreamId(state.participationId), { occurredBefore }));
      },
    );

    app.get(
      '/participations',
      {
        schema: {
          ...operation('Participación', 'Participaciones de un órgano, por sesión, participante o periodo'),
          description: 'En orden de fecha de la sesión y, dentro de una sesión, en el orden en que se registraron.',
          querystring: ParticipationQuery,
          response: { 200: z.array(ParticipationView), ...errorAnswers(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const caller = requireCaller(request, 'secretariat', 'coordinator');
        const { asOf, ...filter } = request.query;
        if (filter.from && filter.to && compareDates(filter.from, filter.to) > 0) throw validationFailed([{ field: 'to', message: 'El periodo termina antes de empezar.' }]);
        const bodyId = staffBody(caller, filter.bodyId);
        const body = await findBody(db, bodyId);
        if (!body) throw notFound('El órgano colegiado');
        const cutoff = asOf === undefined ? undefined : endOfDay(referenceDay(body, asOf), body.settings.timezone);
        return participationViews(db, await listParticipations(db, { ...filter, bodyId }, cutoff), cutoff);
      },
    );
  };
}
