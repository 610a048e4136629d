import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findBody } from '../../db/bodies.js';
import { isUniqueViolation } from '../../db/errors.js';
import { insertSession } from '../../db/sessions.js';
import { LocalDate } from '../../domain/dates.js';
import { SessionKind, sessionLabel } from '../../domain/session-label.js';
import type { AppDeps } from '../app.js';
import { assertBodyScope, requireCaller } from '../auth.js';
import { ApiError, validationFailed } from '../errors.js';

const NewSessionRequest = z.strictObject({
  bodyId: z.uuid(),
  kind: SessionKind,
  number: z.number().int().min(1).max(99),
  date: LocalDate,
  label: z.string().trim().min(1).max(300).optional(),
});

export function sessionRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/sessions', { schema: { body: NewSessionRequest } }, async (request, reply) => {
      const caller = requireCaller(request, 'secretariat');
      const input = request.body;
      if (!(await findBody(db, input.bodyId))) throw validationFailed([{ field: 'bodyId', message: 'El órgano colegiado no existe.' }]);
      assertBodyScope(caller, input.bodyId);
      const session = { id: randomUUID(), ...input, label: input.label ?? sessionLabel(input.kind, input.number) };
      try {
        await insertSession(db, session);
      } catch (error) {
        if (isUniqueViolation(error)) throw new ApiError('CONFLICT', `La ${session.label} ya está registrada.`);
        throw error;
      }
      return reply.status(201).send({ id: session.id, label: session.label, bodyId: session.bodyId, kind: session.kind, number: session.number, date: session.date });
    });
  };
}
