import { describe, expect, it } from 'vitest';
import { givenABody, givenAnAgreementOf } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';
import { multipartForm } from '../support/multipart.js';

const h = useHarness();

// PostgreSQL cannot store U+0000; before this was checked, an agreement whose
// text carried it left its workflow retrying the append without end.
describe('text with the null character', () => {
  it('is a bad field wherever it comes, and nothing is recorded', async () => {
    const given = await givenABody(h.app);
    const [inmujeres] = given.institutions.map((i) => i.id);
    if (!inmujeres) throw new Error('givenABody gives institutions');
    const label = await given.secretariat.post('/api/sessions', { bodyId: given.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24', label: 'Vigésima\u0000' });
    expect(label.status).toBe(400);
    expect(label.body.error.details).toEqual([{ field: 'label', message: expect.stringMatching(/carácter nulo/) }]);

    const session = await given.secretariat.post('/api/sessions', { bodyId: given.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
    const text = await given.secretariat.post('/api/agreements', { sessionId: session.body.id, text: 'Acuerdo\u0000', responsibleInstitutionIds: [inmujeres], deadline: { type: 'none' } });
    expect(text.status).toBe(400);
    expect(text.body.error.details).toEqual([{ field: 'text', message: expect.any(String) }]);
    expect(await h.db.selectFrom('agreements').select('id').where('body_id', '=', given.bodyId).execute()).toEqual([]);

    const search = await given.secretariat.get(`/api/agreements?bodyId=${given.bodyId}&q=${encodeURIComponent('a\u0000')}`);
    expect(search.status).toBe(400);
    expect(search.body.error.details[0].field).toBe('q');

    const created = await given.secretariat.post('/api/agreements', { sessionId: session.body.id, text: 'Acuerdo', responsibleInstitutionIds: [inmujeres], deadline: { type: 'none' } });
    expect(created.status).toBe(201);
    const form = multipartForm({ institutionId: inmujeres, description: 'Informe\u0000' }, []);
    const evidence = await h.app.inject({ method: 'POST', url: `/api/agreements/${created.body.id}/evidence`, headers: { authorization: `Bearer ${given.secretariatToken}`, ...form.headers }, payload: form.payload });
    expect(evidence.statusCode).toBe(400);
    expect(evidence.json().error.details).toEqual([{ field: 'description', message: expect.any(String) }]);
    const agreement = await given.secretariat.get(`/api/agreements/${created.body.id}`);
    expect(agreement.body.evidence).toEqual([]);
  });
});

// A body nested thousands of levels deep, sent to a route that takes no body,
// reached code that walks bodies recursively and exhausted its stack (found by
// the OpenAPI fuzz test with an Idempotency-Key on DELETE /users/:id).
describe('a body nested deeper than any request of the API', () => {
  it('is refused as a bad request wherever it is sent, and nothing is recorded', async () => {
    const given = await givenABody(h.app);
    const deep = `${'['.repeat(5_000)}1${']'.repeat(5_000)}`;
    const headers = { authorization: `Bearer ${given.secretariatToken}`, 'content-type': 'application/json', 'idempotency-key': 'profunda' };

    for (const [method, url] of [
      ['DELETE', `/api/tokens/00000000-0000-4000-8000-000000000000`],
      ['POST', '/api/sessions'],
    ] as const) {
      const answer = await h.app.inject({ method, url, headers, payload: deep });
      expect(answer.statusCode, `${method} ${url}: ${answer.body}`).toBe(400);
      expect(answer.json().error.details).toEqual([{ field: '(cuerpo)', message: expect.stringMatching(/32 niveles/) }]);
    }
    expect(await h.db.selectFrom('sessions').select('id').where('body_id', '=', given.bodyId).execute()).toEqual([]);
  });
});

describe('query parameters a route does not take', () => {
  it('are refused as bad fields instead of being ignored', async () => {
    const given = await givenABody(h.app);
    const agreement = await givenAnAgreementOf(given, { text: 'Acuerdo', deadline: { type: 'none' } });

    // A misspelt asOf would otherwise answer today's history as that day's
    const events = await given.secretariat.get(`/api/agreements/${agreement.id}/events?asof=2020-10-01`);
    expect(events.status).toBe(400);
    expect(events.body.error.details).toEqual([{ field: 'asof', message: expect.stringMatching(/desconocido/) }]);

    expect((await given.secretariat.get(`/api/sessions/${agreement.sessionId}/agenda?x=1`)).status).toBe(400);
    expect((await given.secretariat.get(`/api/agreements/${agreement.id}/events`)).status).toBe(200);
  });
});
