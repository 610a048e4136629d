import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { isUniqueViolation } from '../../db/errors.js';
import { disableUser, findUser, insertUser, listUsers, type User } from '../../db/users.js';
import type { AppDeps } from '../deps.js';
import { requireCaller } from '../auth.js';
import { AppError, notFound } from '../../app/errors.js';
import { grantRequest, grantScope } from '../grant.js';
import { earlierRun } from '../../app/idempotency.js';
import { creationId } from '../idempotency.js';
import { hashPassword } from '../../app/passwords.js';
import { IdempotencyHeaders } from '../request-schemas.js';
import { Role, UserView } from '../responses/access.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { NoContent } from '../responses/operations.js';

const Email = z
  .email({ message: 'Correo electrónico inválido.' })
  .max(254, { message: 'El correo electrónico admite a lo más 254 caracteres.' })
  .transform((email) => email.toLowerCase());

const UserRequest = grantRequest({
  email: Email,
  // Long passphrases are welcome; the bound only keeps hashing cheap to refuse.
  password: z
    .string()
    .min(12, { message: 'La contraseña debe tener al menos 12 caracteres.' })
    .max(1_024, { message: 'La contraseña admite a lo más 1024 caracteres.' }),
});

// A user as the API shows it: never the password hash.
export function userJson(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    // The column is text; what it holds was validated on the way in.
    role: Role.parse(user.role),
    bodyId: user.body_id,
    institutionId: user.institution_id,
    createdAt: user.created_at.toISOString(),
    disabledAt: user.disabled_at?.toISOString() ?? null,
  };
}

export function userRoutes({ db }: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post('/users', { schema: { ...operation('Administración', 'Da de alta un usuario de la interfaz web'), body: UserRequest, headers: IdempotencyHeaders, response: { 201: UserView, ...errorAnswers(400, 401, 403, 409, 413, 415) } } }, async (request, reply) => {
      requireCaller(request, 'admin');
      const { email, password } = request.body;
      const scope = await grantScope(db, request.body);
      const id = creationId(request, 'users');
      let user: User;
      try {
        user = await insertUser(db, { ...scope, email, passwordHash: await hashPassword(password) }, id);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        // The password is not compared: the stored hash is salted, and the key's
        // claim already told this request from another.
        const asRequested = (found: User) => ({ email: found.email, role: found.role, bodyId: found.body_id, institutionId: found.institution_id });
        const earlier = earlierRun(await findUser(db, id), asRequested, { email, ...scope });
        if (!earlier) throw new AppError('CONFLICT', `Ya existe un usuario con el correo ${email}.`);
        user = earlier;
      }
      return reply.status(201).send(userJson(user));
    });

    app.get('/users', { schema: { ...operation('Administración', 'Lista los usuarios de la interfaz web'), description: 'Los usuarios de la interfaz web, sin su contraseña.', response: { 200: z.array(UserView), ...errorAnswers(400, 401, 403) } } }, async (request) => {
      requireCaller(request, 'admin');
      return (await listUsers(db)).map(userJson);
    });

    // Disables the user and ends their sessions; what they did keeps their name.
    app.delete('/users/:id', { schema: { ...operation('Administración', 'Desactiva un usuario'), params: z.object({ id: z.uuid() }), headers: IdempotencyHeaders, description: 'Desactiva un usuario y cierra sus sesiones.', response: { 204: NoContent, ...errorAnswers(400, 401, 403, 404, 409) } } }, async (request, reply) => {
      requireCaller(request, 'admin');
      if (!(await disableUser(db, request.params.id))) throw notFound('El usuario');
      return reply.status(204).send();
    });
  };
}
