import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuth } from './auth.js';
import type { AppDeps } from './deps.js';
import { registerErrorHandling } from './errors.js';
import { registerIdempotency } from './idempotency.js';
import { registerInputGuard } from './input-guard.js';
import { registerOpenApi } from './openapi.js';
import { agreementListRoutes } from './routes/agreement-list.js';
import { agreementRoutes } from './routes/agreements.js';
import { authSessionRoutes } from './routes/auth-session.js';
import { bodyRoutes } from './routes/bodies.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { deadlineSuggestionRoutes } from './routes/deadline-suggestions.js';
import { evidenceRoutes } from './routes/evidence.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/import.js';
import { institutionRoutes } from './routes/institutions.js';
import { milestoneRoutes } from './routes/milestones.js';
import { notificationRoutes } from './routes/notifications.js';
import { participantRoutes } from './routes/participants.js';
import { participationReportRoutes } from './routes/participation-report.js';
import { participationRoutes } from './routes/participations.js';
import { publicRoutes } from './routes/public.js';
import { reportRoutes } from './routes/reports.js';
import { sessionRoutes } from './routes/sessions.js';
import { tokenRoutes } from './routes/tokens.js';
import { userRoutes } from './routes/users.js';
import { webRoutes } from './routes/web.js';

// Validation messages reach people in ministries: zod's own, in Spanish.
z.config(z.locales.es());

export type App = FastifyInstance;

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Unknown query keys and bodies fail validation instead of being ignored.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  // Parses cookies before the auth hook looks for the web UI's session.
  await app.register(fastifyCookie);
  registerAuth(app, deps.db, deps.adminToken);
  registerInputGuard(app);
  registerIdempotency(app, deps.db);
  await registerOpenApi(app);

  await app.register(webRoutes);
  await app.register(
    async (api) => {
      await api.register(healthRoutes(deps));
      await api.register(tokenRoutes(deps));
      await api.register(userRoutes(deps));
      await api.register(authSessionRoutes(deps));
      await api.register(bodyRoutes(deps));
      await api.register(institutionRoutes(deps));
      await api.register(sessionRoutes(deps));
      await api.register(agreementRoutes(deps));
      await api.register(deadlineSuggestionRoutes(deps));
      await api.register(evidenceRoutes(deps));
      await api.register(agreementListRoutes(deps));
      await api.register(dashboardRoutes(deps));
      await api.register(milestoneRoutes(deps));
      await api.register(notificationRoutes(deps));
      await api.register(reportRoutes(deps));
      await api.register(participantRoutes(deps));
      await api.register(participationRoutes(deps));
      await api.register(participationReportRoutes(deps));
      await api.register(importRoutes(deps));
      await api.register(publicRoutes(deps));
    },
    { prefix: '/api' },
  );
  return app;
}
