import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';

const indexPath = new URL('../../web/index.html', import.meta.url);

// The web UI's entry page; everything else it needs comes from /api.
export const webRoutes: FastifyPluginAsync = async (app) => {
  const index = await readFile(indexPath, 'utf8');
  // A page for browsers, not an operation of the API: left out of its description.
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(index));
};
