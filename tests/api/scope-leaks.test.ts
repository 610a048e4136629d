import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, asAdmin, givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

// The role matrix checks who may call what; this checks what comes back. Two
// bodies, each with agreements whose texts say whose they are; one
// institution is responsible in both. Nothing of one body may show up in an
// answer to the other's people, and an institution sees only the agreements it
// answers for.
describe('nothing leaks across bodies or institutions', () => {
  let a: Awaited<ReturnType<typeof givenABody>>;
  let b: Awaited<ReturnType<typeof givenABody>>;
  let shared: ReturnType<typeof apiAs>;
  const ids: Record<string, string> = {};
  const sessions: Record<string, string> = {};

  beforeAll(async () => {
    a = await givenABody(h.app);
    b = await givenABody(h.app);
    const [inmujeresA = '', shcpA = ''] = a.institutions.map((i) => i.id);
    const [inmujeresB = ''] = b.institutions.map((i) => i.id);
    for (const [name, body] of [['A', a], ['B', b]] as const) {
      const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
      sessions[name] = session.body.id;
      // Due in the past: every agreement is overdue, so the dashboard lists it.
      const register = async (key: string, text: string, responsibleInstitutionIds: string[]) => {
        const created = await body.secretariat.post('/api/agreements', { sessionId: session.body.id, text, responsibleInstitutionIds, deadline: { type: 'date', date: '2020-12-31' } });
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        ids[key] = created.body.id;
      };
      if (name === 'A') {
        await register('A-uno', 'Marca A-uno: publicación del programa.', [inmujeresA]);
        await register('A-dos', 'Marca A-dos: publicación de lineamientos.', [shcpA]);
      } else {
        await register('B-uno', 'Marca B-uno: publicación del informe.', [inmujeresB]);
        await register('B-compartido', 'Marca B-compartido: publicación conjunta.', [inmujeresA]);
      }
    }
    const issued = await asAdmin(h.app).post('/api/tokens', { role: 'institution', institutionId: inmujeresA, label: 'enlace compartido' });
    shared = apiAs(h.app, issued.body.token);
  });

  const marks = (answer: { body: unknown }) => [...JSON.stringify(answer.body).matchAll(/Marca ([AB]-[a-z]+)/g)].map((m) => m[1]).sort();

  it('body A’s coordinator and secretariat see only A, in every read and every as-of', async () => {
    for (const staff of [a.coordinator, a.secretariat]) {
      for (const url of [
        '/api/agreements',
        '/api/agreements?q=publicación',
        '/api/agreements?overdue=true&asOf=2021-01-15',
        `/api/dashboard?bodyId=${a.bodyId}`,
        `/api/dashboard?bodyId=${a.bodyId}&asOf=2021-01-15`,
        `/api/reports/annex?bodyId=${a.bodyId}&format=json`,
        `/api/reports/annex?bodyId=${a.bodyId}&format=json&asOf=2021-01-15`,
      ]) {
        const answer = await staff.get(url);
        expect(answer.status, `${url}: ${JSON.stringify(answer.body)}`).toBe(200);
        expect(marks(answer), url).toEqual(['A-dos', 'A-uno']);
      }
      const notifications = await staff.get('/api/notifications');
      expect(JSON.stringify(notifications.body)).not.toContain(b.bodyId);
    }
  });

  it('body A’s people cannot reach B’s agreements, events, agenda, dashboard, annex or notifications', async () => {
    for (const staff of [a.coordinator, a.secretariat]) {
      for (const url of [
        `/api/agreements/${ids['B-uno']}`,
        `/api/agreements/${ids['B-uno']}/events`,
        `/api/agreements?bodyId=${b.bodyId}`,
        `/api/dashboard?bodyId=${b.bodyId}`,
        `/api/reports/annex?bodyId=${b.bodyId}&format=json`,
        `/api/sessions/${sessions.B}/agenda`,
        `/api/notifications?bodyId=${b.bodyId}`,
        `/api/notifications?agreementId=${ids['B-uno']}`,
      ]) {
        const answer = await staff.get(url);
        expect([403, 404], `${url}: ${answer.status}`).toContain(answer.status);
        expect(marks(answer), url).toEqual([]);
      }
    }
  });

  it('an institution responsible in both bodies sees exactly the agreements it answers for, and nothing of the others', async () => {
    expect(marks(await shared.get('/api/agreements'))).toEqual(['A-uno', 'B-compartido']);
    expect(marks(await shared.get('/api/agreements?q=publicación&asOf=2021-01-15'))).toEqual(['A-uno', 'B-compartido']);
    expect(marks(await shared.get(`/api/agreements?bodyId=${a.bodyId}`))).toEqual(['A-uno']);
    for (const key of ['A-dos', 'B-uno']) {
      const answer = await shared.get(`/api/agreements/${ids[key]}`);
      expect(answer.status).toBe(404);
      expect(marks(answer)).toEqual([]);
    }
    // The co-responsible institution of A sees only its own agreement
    expect(marks(await a.institutionClients[1]?.get('/api/agreements') ?? { body: null })).toEqual(['A-dos']);
  });
});
