import { z } from 'zod';
import { Text } from '../../domain/text.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isUniqueViolation } from '../../db/errors.js';
import { allInstitutions, findInstitution, insertInstitution, updateInstitutionContacts } from '../../db/institutions.js';
import type { AppDeps } from '../deps.js';
import { requireCaller } from '../auth.js';
import { AppError, notFound } from '../../app/errors.js';
import { earlierRun } from '../../app/idempotency.js';
import { creationId } from '../idempotency.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { InstitutionView } from '../responses/reference-data.js';

const Emails = z.array(z.email().max(254)).max(50);
const EMAILS_DESCRIPTION = 'Correos de enlace: reciben avisos y recordatorios.';
const HEAD_EMAILS_DESCRIPTION = 'Correos de la persona titular: reciben los recordatorios escalados.';

const NewInstitutionRequest = z.strictObject({
  name: Text(300),
  acronym: Text(40),
  emails: Emails.default([]).describe(EMAILS_DESCRIPTION),
  headEmails: Emails.default([]).describe(HEAD_EMAILS_DESCRIPTION),
});

// Only where notices go changes: the name and acronym stay as registered,
// since import files and the people who write them name institutions by them.
const InstitutionContactsRequest = z
  .strictObject({
    emails: Emails.optional().describe(EMAILS_DESCRIPTION),
    headEmails: Emails.optional().describe(HEAD_EMAILS_DESCRIPTION),
  })
  .refine((change) => change.emails !== undefined || change.headEmails !== undefined, { message: 'Indique emails o headEmails.', path: ['emails'] });

const IdParams = z.object({ id: z.uuid() });

export function institutionRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Institutions are shared by every body: any body's staff may name any of them responsible.
    app.get(
      '/institutions',
      {
        schema: {
          ...operation('Administración', 'Instituciones que pueden ser responsables de un acuerdo, por siglas'),
          response: { 200: z.array(InstitutionView), ...errorAnswers(400, 401, 403) },
        },
      },
      async (request) => {
        requireCaller(request, 'admin', 'secretariat', 'coordinator');
        return allInstitutions(db);
      },
    );

    app.post('/institutions', { schema: { ...operation('Administración', 'Registra una institución'), body: NewInstitutionRequest, headers: IdempotencyHeaders, response: { 201: InstitutionView, ...errorAnswers(400, 401, 403, 409, 413, 415) } } }, async (request, reply) => {
      requireCaller(request, 'admin');
      const institution = { id: creationId(request, 'institutions'), ...request.body };
      try {
        await insertInstitution(db, institution);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const earlier = earlierRun(await findInstitution(db, institution.id), (found) => found, institution);
        if (!earlier) throw new AppError('CONFLICT', `Ya existe una institución con las siglas ${institution.acronym}.`);
        return reply.status(201).send(earlier);
      }
      return reply.status(201).send(institution);
    });

    app.patch(
      '/institutions/:id',
      {
        schema: {
          ...operation('Administración', 'Cambia los correos de una institución'),
          description: 'Reemplaza completa cada lista indicada; la que no se envía queda igual. El siguiente aviso o recordatorio ya va a las nuevas direcciones.',
          params: IdParams,
          body: InstitutionContactsRequest,
          headers: IdempotencyHeaders,
          response: { 200: InstitutionView, ...errorAnswers(400, 401, 403, 404, 413, 415) },
        },
      },
      async (request) => {
        requireCaller(request, 'admin');
        const updated = await updateInstitutionContacts(db, request.params.id, request.body);
        if (!updated) throw notFound('La institución');
        return updated;
      },
    );
  };
}
