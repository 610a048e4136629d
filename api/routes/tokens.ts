import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { issueToken, listTokens, revokeToken } from '../../db/tokens.js';
import type { AppDeps } from '../app.js';
import { requireCaller } from '../auth.js';
import { notFound } from '../errors.js';
import { grantRequest, grantScope } from '../grant.js';

const TokenRequest = grantRequest({ label: z.string().trim().min(1).max(200) });

export function tokenRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/tokens', { schema: { body: TokenRequest } }, async (request, reply) => {
      requireCaller(request, 'admin');
      const scope = await grantScope(db, request.body);
      const issued = await issueToken(db, { ...scope, label: request.body.label });
      return reply.status(201).send(issued);
    });

    app.get('/tokens', { schema: { description: 'Los tokens emitidos, sin su secreto.' } }, async (request) => {
      requireCaller(request, 'admin');
      const rows = await listTokens(db);
      return rows.map((row) => ({
        id: row.id,
        role: row.role,
        bodyId: row.body_id,
        institutionId: row.institution_id,
        label: row.label,
        createdAt: row.created_at.toISOString(),
        revokedAt: row.revoked_at?.toISOString() ?? null,
      }));
    });

    // A revoked token is refused (401) from its next request on.
    app.delete('/tokens/:id', { schema: { params: z.object({ id: z.uuid() }), description: 'Revoca un token: desde su siguiente solicitud responde 401.' } }, async (request, reply) => {
      requireCaller(request, 'admin');
      if (!(await revokeToken(db, request.params.id))) throw notFound('El token');
      return reply.status(204).send();
    });
  };
}
