import { describe, expect, it } from 'vitest';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness({ worker: false });

const SOME_ID = '00000000-0000-4000-8000-000000000000';

// What reaches the door of the API first: who calls, then which method on
// which path, and only then what the request says (CONTRACT §2, v2).
describe('the door of the API', () => {
  it('given no credentials, answers 401 to a protected route whatever else is wrong, without naming a field', async () => {
    const wrong = [
      { method: 'POST' as const, url: '/api/agreements', payload: { sessionId: 'no', text: '', deadline: 3 } },
      { method: 'GET' as const, url: '/api/agreements?asOf=ayer&limit=0&cursor=%%' },
      { method: 'GET' as const, url: '/api/agreements/no-es-un-uuid?asOf=2021-02-30' },
      { method: 'POST' as const, url: `/api/agreements/${SOME_ID}/fulfil`, payload: '{no es json', headers: { 'content-type': 'application/json' } },
      { method: 'PATCH' as const, url: `/api/bodies/${SOME_ID}`, payload: 'x', headers: { 'content-type': 'text/plain' } },
      { method: 'GET' as const, url: '/api/dashboard?campo=desconocido' },
    ];
    for (const request of wrong) {
      for (const authorization of [undefined, 'Bearer token-que-no-existe-0123456789']) {
        const response = await h.app.inject({ ...request, headers: { ...request.headers, ...(authorization ? { authorization } : {}) } });
        expect(response.statusCode, `${request.method} ${request.url} (${authorization ?? 'sin token'})`).toBe(401);
        expect(response.json().error.code).toBe('UNAUTHENTICATED');
        expect(response.json().error.details).toBeUndefined();
      }
    }
  });

  it('keeps the public routes open: a bad query there is a 400 naming the field', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/public/agreements?bodyId=no-es-un-uuid' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([expect.objectContaining({ field: 'bodyId' })]);
    expect((await h.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
  });

  it('answers 405 with Allow to a known path asked with a method it does not serve, with or without credentials', async () => {
    const cases = [
      { method: 'DELETE' as const, url: '/api/agreements', allow: 'GET, HEAD, POST' },
      { method: 'PUT' as const, url: `/api/agreements/${SOME_ID}`, allow: 'GET, HEAD' },
      { method: 'GET' as const, url: `/api/agreements/${SOME_ID}/fulfil`, allow: 'POST' },
      { method: 'POST' as const, url: '/api/health', allow: 'GET, HEAD' },
      // A method that takes a body, sent without its content type.
      { method: 'QUERY' as const, url: '/api/tokens', allow: 'GET, HEAD, POST' },
    ];
    for (const { method, url, allow } of cases) {
      for (const headers of [{}, { authorization: 'Bearer test-admin-token-0123456789abcdef' }]) {
        const response = await h.app.inject({ method, url, headers });
        expect(response.statusCode, `${method} ${url}`).toBe(405);
        expect(response.headers.allow).toBe(allow);
        expect(response.json().error.code).toBe('METHOD_NOT_ALLOWED');
      }
    }
  });

  it('given a secretariat naming a body that does not exist, answers 403 as for any body not its own', async () => {
    const given = await givenABody(h.app);
    for (const url of ['/api/sessions', '/api/milestones']) {
      const payload = url === '/api/sessions' ? { bodyId: SOME_ID, kind: 'ordinaria', number: 1, date: '2020-01-15' } : { bodyId: SOME_ID, name: 'Publicación' };
      const response = await given.secretariat.post(url, payload);
      expect(response.status, url).toBe(403);
    }
  });

  it('answers 404 to a path the API does not have', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/acuerdos-que-no-existen' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('NOT_FOUND');
  });
});
