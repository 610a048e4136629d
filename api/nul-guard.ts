import type { FastifyInstance } from 'fastify';
import { validationFailed, type FieldIssue } from './errors.js';

// PostgreSQL's text and jsonb cannot hold U+0000. A string carrying it would
// fail deep inside a write (for an agreement's text, in an activity retried
// without end), so it is refused at the door as a bad field.
const MESSAGE = 'El texto contiene el carácter nulo (U+0000), que no se admite.';

export function nulIssues(root: unknown, rootPath: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // Iterative: a deeply nested body must not exhaust the stack.
  const pending: [unknown, string][] = [[root, rootPath]];
  while (pending.length > 0 && issues.length < 20) {
    const next = pending.pop();
    if (!next) break;
    const [value, path] = next;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) issues.push({ field: path || '(cuerpo)', message: MESSAGE });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => pending.push([item, path ? `${path}.${i}` : String(i)]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (key.includes('\u0000')) issues.push({ field: at.replaceAll('\u0000', '\\0'), message: MESSAGE });
        pending.push([item, at]);
      }
    }
  }
  return issues;
}

export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const issues = [...nulIssues(request.body, ''), ...nulIssues(request.query, 'query'), ...nulIssues(request.params, 'params')];
    if (issues.length > 0) throw validationFailed(issues);
  });
}
