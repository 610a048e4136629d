import type { FastifyInstance } from 'fastify';

// The methods the API serves on each path, gathered as routes are declared, so
// that a known path asked with another method answers 405 with `Allow`
// (CONTRACT §2) instead of the router's 404.
interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

// A route's URL (`/api/agreements/:id`, `/api/docs/*`) as a regular expression
// over request paths: a parameter is one segment, a wildcard the rest.
function patternOf(url: string): RegExp {
  const source = url
    .split(/(:[A-Za-z0-9_]+|\*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

export function trackAllowedMethods(app: FastifyInstance): (path: string) => string[] {
  const known = new Map<string, KnownPath>();
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const entry = known.get(route.url) ?? { pattern: patternOf(route.url), methods: new Set<string>() };
    for (const method of [route.method].flat()) entry.methods.add(method);
    known.set(route.url, entry);
  });
  return (path) => {
    const methods = new Set<string>();
    for (const { pattern, methods: served } of known.values()) if (pattern.test(path)) served.forEach((m) => methods.add(m));
    return [...methods].sort();
  };
}
