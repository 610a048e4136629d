import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Text } from '../../domain/text.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findUser, findUserByEmail } from '../../db/users.js';
import { closeSession, openSession } from '../../db/web-sessions.js';
import type { AppDeps } from '../deps.js';
import { requireCaller, SESSION_COOKIE } from '../auth.js';
import { DEFAULT_SIGN_IN_LIMITS } from '../../app/config.js';
import { AppError } from '../../app/errors.js';
import { passwordMatches } from '../../app/passwords.js';
import { CallerView, SignedIn } from '../responses/access.js';
import { operation } from '../operation-doc.js';
import { errorAnswers } from '../responses/error.js';
import { NoContent } from '../responses/operations.js';
import { signInAttempts } from '../sign-in-attempts.js';
import { userJson } from './users.js';

const SESSION_HOURS = 8;

// Any string is looked up: a malformed email is as wrong as an unknown one.
const LoginRequest = z.strictObject({
  email: Text(254),
  password: z.string().min(1).max(1_024),
});

// One answer for an unknown email, a wrong password and a disabled user, so the
// answer does not tell which accounts exist.
const badCredentials = () => new AppError('UNAUTHENTICATED', 'Correo o contraseña incorrectos.');

// Behind a proxy that ends TLS the request reaches us over plain HTTP; the
// proxy's X-Forwarded-Proto tells. Trusting it is harmless here: a forged one
// only makes the sender's own cookie stricter.
function overHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https' || request.headers['x-forwarded-proto'] === 'https';
}

export function authSessionRoutes({ db, signInLimits }: AppDeps): FastifyPluginAsyncZod {
  const limits = { ...DEFAULT_SIGN_IN_LIMITS, ...signInLimits };
  return async (app) => {
    const beginSignIn = await signInAttempts(app, limits);

    app.post(
      '/auth/login',
      {
        schema: {
          ...operation('Acceso', 'Inicia una sesión web con correo y contraseña'),
          body: LoginRequest,
          security: [],
          response: { 200: SignedIn, ...errorAnswers(400, 401, 403, 413, 415, 429) },
          description: `Inicia una sesión web: responde el usuario y la cookie \`acuerdos_session\` (8 horas). Las escrituras con esa cookie llevan la cabecera \`X-Requested-With: acuerdos\`. Tras ${limits.maxFailuresPerEmail} intentos fallidos para un correo (o ${limits.maxFailuresPerAddress} desde una dirección) en ${Math.ceil(limits.windowMs / 60_000)} minutos responde 429 TOO_MANY_ATTEMPTS con \`Retry-After\`, aun con la contraseña correcta.`,
        },
      },
      async (request, reply) => {
        const { email, password } = request.body;
        const attempt = await beginSignIn(request, reply);
        try {
          const user = await findUserByEmail(db, email);
          const matches = await passwordMatches(user?.password_hash, password);
          if (!user || !matches || user.disabled_at) {
            await attempt.failed();
            throw badCredentials();
          }
          const session = await openSession(db, user.id, SESSION_HOURS * 3_600_000);
          return reply
            .setCookie(SESSION_COOKIE, session.secret, {
              httpOnly: true,
              sameSite: 'strict',
              path: '/',
              secure: overHttps(request),
              expires: session.expiresAt,
            })
            .send({ user: userJson(user) });
        } finally {
          attempt.end();
        }
      },
    );

    // Ends this browser's session; answering 204 even without one, so a retry
    // or a second tab's logout is not an error.
    app.post('/auth/logout', { schema: { ...operation('Acceso', 'Cierra la sesión web'), security: [], description: 'Cierra la sesión web de esta cookie (204 aunque no haya sesión).', response: { 204: NoContent, ...errorAnswers(400, 403) } }, config: { idempotency: 'none' } }, async (request, reply) => {
      const secret = request.cookies[SESSION_COOKIE];
      if (secret) await closeSession(db, secret);
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send();
    });

    // Who the web UI is acting as; token callers see their role with no user.
    app.get('/auth/me', { schema: { ...operation('Acceso', 'Quién llama: rol, alcance y usuario'), description: 'Quién llama: su rol y alcance, y el usuario si es una sesión web.', response: { 200: CallerView, ...errorAnswers(400, 401) } } }, async (request) => {
      const caller = requireCaller(request, 'admin', 'secretariat', 'coordinator', 'institution');
      const user = caller.session ? await findUser(db, caller.session.userId) : undefined;
      return { principal: caller.principal, user: user ? userJson(user) : null };
    });
  };
}
