import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUI from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { TAGS } from './operation-doc.js';

// The OpenAPI description is generated from the same zod schemas that validate
// the requests, so the documentation cannot drift from the behaviour.
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Acuerdos API',
        description:
          'Seguimiento de acuerdos de órganos colegiados: sesiones, acuerdos, evidencias, plazos y reportes. ' +
          'Autenticación: `Authorization: Bearer <token>` o la cookie de sesión web; sin credenciales válidas toda ruta que no sea pública responde 401, antes de revisar nada más. ' +
          'Errores: `{"error": {"code", "message", "details"}}`; un 400 lista en `details` cada campo inválido. ' +
          'Ningún texto admite el carácter nulo (U+0000). Un método que una ruta no atiende responde 405 con la cabecera `Allow`.',
        version: '1',
      },
      tags: [...TAGS],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUI, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
