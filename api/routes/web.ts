import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorAnswers } from '../responses/error.js';
import { WebPage } from '../responses/operations.js';

const distDir = fileURLToPath(new URL('../../web/dist/', import.meta.url));

// The paths of CONTRACT.md §3 the single-page app answers; each serves the same
// index.html and the browser's router shows the screen. Anything else outside
// /api stays a 404, so a typo is not mistaken for a page.
export const UI_PATHS = [
  '/entrar',
  '/acuerdos',
  '/acuerdos/*',
  '/sesiones',
  '/sesiones/*',
  '/revision',
  '/hitos',
  '/tablero',
  '/anexo',
  '/importar',
  '/notificaciones',
  '/participantes',
  '/participaciones',
  '/participaciones/*',
  '/admin',
  '/admin/*',
  '/publico',
  '/publico/*',
];

// Scripts, styles, fonts and data only from this origin, no inline script, no
// framing: a text that slipped into the page as HTML could still run nothing.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Shown when web/dist was never built (an API-only run such as `npm run api`
// on a fresh clone): says what to do instead of a blank page.
const NOT_BUILT = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Acuerdos</title></head><body><h1>Acuerdos</h1><p>La interfaz web no está compilada. Ejecute <code>npm start</code> (la compila) o <code>npx vite build web</code>.</p><p><a href="/api/docs">Documentación de la API</a></p></body></html>`;

// The web UI: the built single-page app (web/dist) with its hashed assets, and
// index.html for every UI path.
// The UI keeps its filters in the query string and validates them itself.
const UiQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const HomeQuery = z.object({ acuerdo: z.string().max(200).optional().describe('Un acuerdo que abrir (el enlace de los correos).') });

export const webRoutes: FastifyPluginAsyncZod = async (app) => {
  const built = existsSync(`${distDir}index.html`);
  const index = built ? await readFile(`${distDir}index.html`, 'utf8') : NOT_BUILT;

  app.addHook('onSend', async (_request, reply) => {
    void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    void reply.header('x-content-type-options', 'nosniff');
    void reply.header('referrer-policy', 'same-origin');
  });

  if (built && existsSync(`${distDir}assets`)) {
    // Asset names carry a content hash: they never change, so browsers keep them.
    await app.register(fastifyStatic, { root: `${distDir}assets`, prefix: '/assets/', wildcard: false, index: false, immutable: true, maxAge: '365d', schemaHide: true });
  }

  // The page itself is never cached, so a new build is picked up on reload.
  const sendIndex = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  // The page is not an API operation: hidden from the description.
  app.get('/', { schema: { hide: true, security: [], querystring: HomeQuery, response: { 200: WebPage, ...errorAnswers(400) } } }, async (_request, reply) => sendIndex(reply));
  for (const path of UI_PATHS) app.get(path, { schema: { hide: true, querystring: UiQuery } }, async (_request, reply) => sendIndex(reply));
};
