import { readFile } from 'node:fs/promises';
import type { FastifyPluginAsync } from 'fastify';
import { errorAnswers } from '../responses/error.js';
import { WebPage } from '../responses/operations.js';

const indexPath = new URL('../../web/index.html', import.meta.url);

// The web UI's entry page; everything else it needs comes from /api.
export const webRoutes: FastifyPluginAsync = async (app) => {
  const index = await readFile(indexPath, 'utf8');
  app.get('/', { schema: { hide: true, security: [], response: { 200: WebPage, ...errorAnswers(400) } } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(index));
};
