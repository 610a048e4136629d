import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findBody, insertBody, type Body } from '../../db/bodies.js';
import { isUniqueViolation } from '../../db/errors.js';
import { BodySettings } from '../../domain/body-settings.js';
import type { AppDeps } from '../app.js';
import { requireCaller } from '../auth.js';
import { ApiError } from '../errors.js';

const NewBodyRequest = z.strictObject({
  name: z.string().trim().min(1).max(300),
  acronym: z.string().trim().min(1).max(40),
  folioStart: z.number().int().min(1).max(1_000_000).default(1),
  public: z.boolean().default(false),
  ...BodySettings.shape,
});

export function bodyJson(body: Body) {
  return {
    id: body.id,
    name: body.name,
    acronym: body.acronym,
    folioStart: body.folioStart,
    public: body.public,
    ...body.settings,
  };
}

export function bodyRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/bodies', { schema: { body: NewBodyRequest } }, async (request, reply) => {
      requireCaller(request, 'admin');
      const { name, acronym, folioStart, public: isPublic, ...settings } = request.body;
      const body: Body = { id: randomUUID(), name, acronym, folioStart, public: isPublic, settings: BodySettings.parse(settings) };
      try {
        await insertBody(db, body);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ApiError('CONFLICT', `Ya existe un órgano colegiado con las siglas ${acronym}.`);
        throw error;
      }
      return reply.status(201).send(bodyJson(body));
    });

    app.get('/bodies/:id', { schema: { params: z.object({ id: z.uuid() }) } }, async (request) => {
      requireCaller(request, 'admin', 'secretariat', 'coordinator', 'institution');
      const body = await findBody(db, request.params.id);
      if (!body) throw new ApiError('NOT_FOUND', 'El órgano colegiado no existe.');
      return bodyJson(body);
    });
  };
}
