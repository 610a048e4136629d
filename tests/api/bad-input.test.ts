import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

// Rows of one body only: other test files write to the same database meanwhile.
async function rowsOf(bodyId: string) {
  const sessions = await h.db.selectFrom('sessions').select('id').where('body_id', '=', bodyId).execute();
  const agreements = await h.db.selectFrom('agreements').select('id').where('body_id', '=', bodyId).execute();
  return { sessions: sessions.length, agreements: agreements.length };
}

describe('no input crashes the API or records anything', () => {
  it('given arbitrary JSON sent to every write route, answers 4xx and records nothing', async () => {
    const given = await givenABody(h.app);
    const session = await given.secretariat.post('/api/sessions', { bodyId: given.bodyId, kind: 'ordinaria', number: 22, date: '2020-12-09' });
    expect(session.status).toBe(201);

    const routes = [
      { url: '/api/bodies', token: 'test-admin-token-0123456789abcdef' },
      { url: '/api/institutions', token: 'test-admin-token-0123456789abcdef' },
      { url: '/api/tokens', token: 'test-admin-token-0123456789abcdef' },
      { url: '/api/sessions', token: null },
      { url: '/api/agreements', token: null },
    ];
    // Near-valid shapes find more edge cases than pure noise.
    const nearlyValid = fc.record(
      {
        name: fc.oneof(fc.string(), fc.constant(''), fc.integer()),
        acronym: fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null)),
        role: fc.constantFrom('admin', 'secretariat', 'nobody', 7),
        bodyId: fc.oneof(fc.uuid(), fc.constant(given.bodyId), fc.string()),
        kind: fc.constantFrom('ordinaria', 'extra', ''),
        number: fc.oneof(fc.integer(), fc.double(), fc.string()),
        date: fc.constantFrom('2021-02-30', '2020-13-01', 'ayer', '2020-02-29x'),
        sessionId: fc.oneof(fc.uuid(), fc.constant(session.body.id as string)),
        text: fc.oneof(fc.string(), fc.constant('<script>alert(1)</script>'), fc.constant("'; drop table events; --")),
        responsibleInstitutionIds: fc.array(fc.uuid(), { maxLength: 3 }),
        deadline: fc.oneof(
          fc.record({ type: fc.constantFrom('date', 'business_days', 'months', 'weird'), days: fc.integer({ min: -5, max: 100_000 }), date: fc.string() }),
          fc.jsonValue(),
        ),
        timezone: fc.constantFrom('America/Mexico_City', 'Mars/Olympus', ''),
        emails: fc.array(fc.string(), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(nearlyValid, fc.jsonValue()), async (route, payload) => {
        const before = await rowsOf(given.bodyId);
        const response = await h.app.inject({
          method: 'POST',
          url: route.url,
          headers: { authorization: `Bearer ${route.token ?? given.secretariatToken}`, 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        // Valid by chance is fine; a server error is not.
        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode >= 400) {
          expect(response.json().error.code).toEqual(expect.any(String));
          expect(await rowsOf(given.bodyId)).toEqual(before);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tells each bad field in Spanish', async () => {
    const given = await givenABody(h.app);

    const answer = await given.secretariat.post('/api/sessions', { bodyId: 'órgano', kind: 'otra', number: 0, date: '2021-02-30', color: 'morado' });

    expect(answer.status).toBe(400);
    const messages: string[] = answer.body.error.details.map((d: { message: string }) => d.message);
    expect(messages.length).toBeGreaterThanOrEqual(4);
    for (const message of messages) {
      expect(message).not.toMatch(/\b(expected|invalid|too small|unrecognized|received)\b/i);
      expect(message).toMatch(/[áéíóúñ]|inválid|esperaba|fecha|debe|llave|opción/i);
    }
  });

  it('answers 400, not 500, to bodies that are not JSON objects or not JSON at all', async () => {
    for (const payload of ['', 'null', '[]', '"texto"', '{', '{"a":1}{', '\u0000']) {
      const response = await h.app.inject({
        method: 'POST',
        url: '/api/institutions',
        headers: { authorization: 'Bearer test-admin-token-0123456789abcdef', 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
    }
  });
});
