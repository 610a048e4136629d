import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validationFailed, type FieldIssue } from '../app/errors.js';

// What no request needs and would fail far from the door (query parameters a
// route does not declare: below):
// - U+0000, which PostgreSQL's text and jsonb cannot hold: a string carrying it
//   failed deep inside a write (for an agreement's text, in an activity retried
//   without end);
// - nesting deeper than any request of the API: code that walks a body
//   recursively (the canonical JSON of an Idempotency-Key's fingerprint, of an
//   event's hash) would exhaust the stack on a route with no body schema.
// Both are refused as bad fields.
const MESSAGE = 'El texto contiene el carácter nulo (U+0000), que no se admite.';
const MAX_DEPTH = 32;
const TOO_DEEP = `La solicitud anida listas u objetos a más de ${MAX_DEPTH} niveles, lo que no se admite.`;

export function inputIssues(root: unknown, rootPath: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // Iterative: a deeply nested body must not exhaust the stack here either.
  const pending: [unknown, string, number][] = [[root, rootPath, 0]];
  while (pending.length > 0 && issues.length < 20) {
    const next = pending.pop();
    if (!next) break;
    const [value, path, depth] = next;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) issues.push({ field: path || '(cuerpo)', message: MESSAGE });
    } else if (value !== null && typeof value === 'object' && depth >= MAX_DEPTH) {
      // Said once, of the whole body: where it goes too deep helps nobody.
      issues.push({ field: rootPath || '(cuerpo)', message: TOO_DEEP });
      break;
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => pending.push([item, path ? `${path}.${i}` : String(i), depth + 1]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) issues.push({ field: at.replaceAll('\u0000', '\\0'), message: MESSAGE });
        pending.push([item, at, depth + 1]);
      }
    }
  }
  return issues;
}

// A route that declares no query parameters takes none: a misspelt `asOf` on
// one of them would otherwise be ignored and answer today's state as if it
// were that day's. (Routes with a query schema refuse unknown keys themselves.)
function unknownQueryIssues(request: FastifyRequest): FieldIssue[] {
  if (request.routeOptions.schema?.querystring !== undefined) return [];
  const keys = typeof request.query === 'object' && request.query !== null ? Object.keys(request.query) : [];
  return keys.slice(0, 20).map((key) => ({ field: key, message: 'Parámetro desconocido: esta ruta no recibe parámetros de consulta.' }));
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const issues = [...inputIssues(request.body, ''), ...inputIssues(request.query, ''), ...inputIssues(request.params, ''), ...unknownQueryIssues(request)];
    if (issues.length > 0) throw validationFailed(issues);
  });
}
