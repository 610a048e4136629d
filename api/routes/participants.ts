import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findBody } from '../../db/bodies.js';
import { isUniqueViolation } from '../../db/errors.js';
import { findParticipant, insertParticipant, participantsOfBody, type Participant } from '../../db/participants.js';
import { ParticipantKind } from '../../domain/participation/index.js';
import type { AppDeps } from '../deps.js';
import { assertBodyScope } from '../../app/access.js';
import { requireCaller } from '../auth.js';
import { AppError, validationFailed } from '../../app/errors.js';
import { creationId } from '../idempotency.js';
import { earlierRun } from '../../app/idempotency.js';
import { staffBody } from '../participation-scope.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { ParticipantView } from '../responses/participation.js';


const NewParticipantRequest = z.strictObject({
  bodyId: z.uuid(),
  name: z.string().trim().min(1).max(300),
  acronym: z.string().trim().min(1).max(40).optional(),
  kind: ParticipantKind,
  emails: z.array(z.email().max(254)).max(50).default([]).describe('A quienes van los recordatorios de los acuerdos de los que sea responsable.'),
});

const ParticipantQuery = z.strictObject({ bodyId: z.uuid().optional().describe('Por omisión, el órgano de quien consulta.') });

// The acronym of the institution that stands for a participant: its own (or
// its name) qualified by the body's, which is unique, so the same organisation
// can take part in several bodies: "REDIM (COMSE)".
function institutionAcronym(p: { acronym: string | null; name: string }, bodyAcronym: string): string {
  return `${p.acronym ?? p.name} (${bodyAcronym})`;
}

function participantJson(p: Participant): ParticipantView {
  return { id: p.id, bodyId: p.bodyId, name: p.name, acronym: p.acronym, kind: p.kind };
}

export function participantRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/participants',
      {
        schema: {
          ...operation('Participación', 'Registrar un participante (sociedad civil, academia o sector privado) de un órgano'),
          description:
            'El participante es también una institución con el mismo id: puede nombrarse responsable de un acuerdo y recibe sus recordatorios en `emails`. ' +
            'Las siglas de esa institución son las del participante (o, sin ellas, su nombre) seguidas de las del órgano: «REDIM (COMSE)». ' +
            'Un nombre o unas siglas que ya tiene otro participante del órgano: 409.',
          body: NewParticipantRequest,
          headers: IdempotencyHeaders,
          response: { 201: ParticipantView, ...errorAnswers(400, 401, 403, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const caller = requireCaller(request, 'secretariat');
        const input = request.body;
        const body = await findBody(db, input.bodyId);
        if (!body) throw validationFailed([{ field: 'bodyId', message: 'El órgano colegiado no existe.' }]);
        assertBodyScope(caller, input.bodyId);
        const participant = { id: creationId(request, 'participants'), bodyId: input.bodyId, name: input.name, acronym: input.acronym ?? null, kind: input.kind, emails: input.emails };
        try {
          await insertParticipant(db, participant, institutionAcronym(participant, body.acronym));
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          const earlier = earlierRun(await findParticipant(db, participant.id), (found) => found, participant);
          if (!earlier) throw new AppError('CONFLICT', `Ya existe en el órgano un participante llamado «${participant.name}» o con las siglas «${participant.acronym ?? ''}».`);
          return reply.status(201).send(participantJson(earlier));
        }
        return reply.status(201).send(participantJson(participant));
      },
    );

    app.get(
      '/participants',
      {
        schema: { ...operation('Participación', 'Participantes de un órgano'), querystring: ParticipantQuery, response: { 200: z.array(ParticipantView), ...errorAnswers(400, 401, 403, 404) } },
      },
      async (request) => {
        const caller = requireCaller(request, 'secretariat', 'coordinator');
        const bodyId = staffBody(caller, request.query.bodyId);
        return (await participantsOfBody(db, bodyId)).map(participantJson);
      },
    );
  };
}
