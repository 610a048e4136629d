import fastifyRateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SignInLimits } from '../app/config.js';
import { AppError } from '../app/errors.js';

// Counters the library's store keeps before it forgets the least recent: one
// per email and per address that failed within the window.
const KEPT_COUNTERS = 100_000;

const Email = z.object({ email: z.string() });
const emailKey = (request: FastifyRequest) => `correo:${Email.parse(request.body).email.trim().toLowerCase()}`;
// As the library keys an address: IPv6 by its /64, which one holder usually has whole.
const addressKey = (request: FastifyRequest) => `ip:${normalizeIP(request.ip)}`;

export interface SignInAttempt {
  // The sign-in failed: it counts against the email and the address.
  failed(): Promise<void>;
  // The attempt is over (either way); call once, after failed() if it failed.
  end(): void;
}

// Failed sign-ins counted per email and per address with @fastify/rate-limit's
// store, in this process's memory. Only failures count, so one person's
// mistakes never lock out another email, and a correct password after too many
// failures is refused like a wrong one until the window ends.
//
// The library counts a failure once the password is found wrong; attempts still
// being checked are counted here meanwhile, so a burst of parallel guesses
// cannot all pass before the first failure is recorded. An attempt is taken in
// before the counters are read and let go only after its failure is recorded,
// so at every check it is counted at least once.
export async function signInAttempts(app: FastifyInstance, limits: SignInLimits) {
  await app.register(fastifyRateLimit, { global: false });
  // Plain objects, not literals: `cache` is an option of the library's store
  // that the types of createRateLimit leave out.
  const perEmailOptions = { max: limits.maxFailuresPerEmail, timeWindow: limits.windowMs, keyGenerator: emailKey, cache: KEPT_COUNTERS };
  const perAddressOptions = { max: limits.maxFailuresPerAddress, timeWindow: limits.windowMs, keyGenerator: addressKey, cache: KEPT_COUNTERS };
  const counters = [
    { key: emailKey, failures: app.createRateLimit(perEmailOptions) },
    { key: addressKey, failures: app.createRateLimit(perAddressOptions) },
  ];
  const underway = new Map<string, number>();
  const take = (key: string, n: number) => {
    const now = (underway.get(key) ?? 0) + n;
    if (now === 0) underway.delete(key);
    else underway.set(key, now);
    return now;
  };

  // Takes the attempt in, or refuses it with 429 and Retry-After.
  return async function begin(request: FastifyRequest, reply: FastifyReply): Promise<SignInAttempt> {
    const keys = counters.map((c) => c.key(request));
    const inFlight = keys.map((k) => take(k, 1));
    const end = () => keys.forEach((k) => take(k, -1));
    const recorded = await Promise.all(counters.map((c) => c.failures(request, { increment: false })));
    const refusedFor = recorded.map((r, i) => (r.isAllowed ? 0 : (inFlight[i] ?? 1) > r.remaining ? Math.max(1, r.ttlInSeconds) : 0));
    const retryAfter = Math.max(...refusedFor);
    if (retryAfter > 0) {
      end();
      reply.header('retry-after', String(retryAfter));
      throw new AppError('TOO_MANY_ATTEMPTS', `Demasiados intentos fallidos de inicio de sesión. Intente de nuevo en ${inWords(retryAfter)}.`);
    }
    return {
      async failed() {
        await Promise.all(counters.map((c) => c.failures(request)));
      },
      end,
    };
  };
}

function inWords(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 segundo' : `${seconds} segundos`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minuto' : `${minutes} minutos`;
}
