import { z } from 'zod';
import { Text } from '../../domain/text.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { issueToken, listTokens, revokeToken } from '../../db/tokens.js';
import type { AppDeps } from '../deps.js';
import { isUniqueViolation } from '../../db/errors.js';
import { requireCaller } from '../auth.js';
import { AppError, notFound } from '../../app/errors.js';
import { grantRequest, grantScope } from '../grant.js';
import { creationId } from '../idempotency.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { IssuedToken, Role, TokenListing } from '../responses/access.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { NoContent } from '../responses/operations.js';

const TokenRequest = grantRequest({ label: Text(200) });

export function tokenRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/tokens', { schema: { ...operation('Administración', 'Emite un token de acceso'), body: TokenRequest, headers: IdempotencyHeaders, response: { 201: IssuedToken, ...errorAnswers(400, 401, 403, 409, 413, 415) } } }, async (request, reply) => {
      requireCaller(request, 'admin');
      const scope = await grantScope(db, request.body);
      const id = creationId(request, 'tokens');
      try {
        return reply.status(201).send(await issueToken(db, { ...scope, label: request.body.label }, id));
      } catch (error) {
        // Only a retry after a crash that lost the first answer meets its own
        // token, and the secret of that one is not kept anywhere to answer with.
        if (!isUniqueViolation(error)) throw error;
        throw new AppError(
          'CONFLICT',
          `Ya se emitió el token ${id} con esta Idempotency-Key, pero su respuesta se perdió y su secreto no se conserva. Revóquelo (DELETE /api/tokens/${id}) y emita otro con una clave nueva.`,
          { tokenId: id },
        );
      }
    });

    app.get('/tokens', { schema: { ...operation('Administración', 'Lista los tokens emitidos'), description: 'Los tokens emitidos, sin su secreto.', response: { 200: TokenListing, ...errorAnswers(400, 401, 403) } } }, async (request) => {
      requireCaller(request, 'admin');
      const rows = await listTokens(db);
      return rows.map((row) => ({
        id: row.id,
        // The column is text; what it holds was validated on the way in.
        role: Role.parse(row.role),
        bodyId: row.body_id,
        institutionId: row.institution_id,
        label: row.label,
        createdAt: row.created_at.toISOString(),
        revokedAt: row.revoked_at?.toISOString() ?? null,
      }));
    });

    // A revoked token is refused (401) from its next request on.
    app.delete('/tokens/:id', { schema: { ...operation('Administración', 'Revoca un token'), params: z.object({ id: z.uuid() }), headers: IdempotencyHeaders, description: 'Revoca un token: desde su siguiente solicitud responde 401.', response: { 204: NoContent, ...errorAnswers(400, 401, 403, 404, 409) } } }, async (request, reply) => {
      requireCaller(request, 'admin');
      if (!(await revokeToken(db, request.params.id))) throw notFound('El token');
      return reply.status(204).send();
    });
  };
}
