import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isUniqueViolation } from '../../db/errors.js';
import { insertInstitution } from '../../db/institutions.js';
import type { AppDeps } from '../app.js';
import { requireCaller } from '../auth.js';
import { ApiError } from '../errors.js';

const NewInstitutionRequest = z.strictObject({
  name: z.string().trim().min(1).max(300),
  acronym: z.string().trim().min(1).max(40),
  emails: z.array(z.email().max(254)).max(50).default([]),
});

export function institutionRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/institutions', { schema: { body: NewInstitutionRequest } }, async (request, reply) => {
      requireCaller(request, 'admin');
      const institution = { id: randomUUID(), ...request.body };
      try {
        await insertInstitution(db, institution);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ApiError('CONFLICT', `Ya existe una institución con las siglas ${institution.acronym}.`);
        throw error;
      }
      return reply.status(201).send(institution);
    });
  };
}
