import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findBody } from '../../db/bodies.js';
import { findInstitution } from '../../db/institutions.js';
import { issueToken } from '../../db/tokens.js';
import type { AppDeps } from '../app.js';
import { requireCaller } from '../auth.js';
import { validationFailed } from '../errors.js';

const label = z.string().trim().min(1).max(200);

const TokenRequest = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('admin'), label }),
  z.strictObject({ role: z.literal('secretariat'), bodyId: z.uuid(), label }),
  z.strictObject({ role: z.literal('coordinator'), bodyId: z.uuid(), label }),
  z.strictObject({ role: z.literal('institution'), institutionId: z.uuid(), label }),
]);

export function tokenRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/tokens', { schema: { body: TokenRequest } }, async (request, reply) => {
      requireCaller(request, 'admin');
      const grant = request.body;
      const bodyId = 'bodyId' in grant ? grant.bodyId : null;
      const institutionId = 'institutionId' in grant ? grant.institutionId : null;
      if (bodyId && !(await findBody(db, bodyId))) {
        throw validationFailed([{ field: 'bodyId', message: 'El órgano colegiado no existe.' }]);
      }
      if (institutionId && !(await findInstitution(db, institutionId))) {
        throw validationFailed([{ field: 'institutionId', message: 'La institución no existe.' }]);
      }
      const issued = await issueToken(db, { role: grant.role, bodyId, institutionId, label: grant.label });
      return reply.status(201).send(issued);
    });
  };
}
