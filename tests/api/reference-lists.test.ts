import { describe, expect, it } from 'vitest';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

// What the registration screen offers to choose from: the body's sessions, its
// milestones and the institutions. Each list holds what the caller may pick,
// and nothing of another body.

const h = useHarness();

describe('the lists a secretariat picks from', () => {
  it('sessions: its own body, newest first, without naming the body', async () => {
    const body = await givenABody(h.app);
    const other = await givenABody(h.app);
    const sessionIds: string[] = [];
    for (const [number, date] of [
      [19, '2019-11-22'],
      [21, '2020-09-30'],
      [20, '2020-04-24'],
    ] as const) {
      const created = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number, date });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      sessionIds.push(created.body.id);
    }
    // The session of 24/04/2020 adopted two agreements.
    for (const text of ['Primer acuerdo.', 'Segundo acuerdo.']) {
      const adopted = await body.secretariat.post('/api/agreements', { sessionId: sessionIds[2], text, responsibleInstitutionIds: [body.institutions[0]?.id], deadline: { type: 'none' } });
      expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    }
    await other.secretariat.post('/api/sessions', { bodyId: other.bodyId, kind: 'extraordinaria', number: 1, date: '2021-01-15' });

    // When the secretariat asks for its sessions without saying which body
    const listed = await body.secretariat.get('/api/sessions');

    // then it gets its three, the latest first, each with its label
    expect(listed.status).toBe(200);
    expect(listed.body.map((s: { date: string; agreementCount: number }) => [s.date, s.agreementCount])).toEqual([
      ['2020-09-30', 0],
      ['2020-04-24', 2],
      ['2019-11-22', 0],
    ]);
    expect(listed.body[0]).toMatchObject({ bodyId: body.bodyId, kind: 'ordinaria', number: 21, label: 'Vigésima Primera Sesión Ordinaria' });
    // and the coordinator of the same body reads the same list
    expect((await body.coordinator.get(`/api/sessions?bodyId=${body.bodyId}`)).body).toEqual(listed.body);
    // while another body's secretariat naming it is refused
    expect((await other.secretariat.get(`/api/sessions?bodyId=${body.bodyId}`)).status).toBe(403);
  });

  it('sessions: a malformed body is a bad field, not a 500', async () => {
    const body = await givenABody(h.app);
    const answer = await body.secretariat.get('/api/sessions?bodyId=SNIMH');
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([expect.objectContaining({ field: 'bodyId' })]);
  });

  it('milestones: those still awaited first, then the latest to occur, each with the agreements waiting for it', async () => {
    const body = await givenABody(h.app);
    const ids: Record<string, string> = {};
    for (const name of ['Publicación del PROIGUALDAD', 'Instalación del comité', 'Informe anual', 'Reforma del reglamento']) {
      const created = await body.secretariat.post('/api/milestones', { bodyId: body.bodyId, name });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      ids[name] = created.body.id;
    }
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
    for (const name of ['Publicación del PROIGUALDAD', 'Publicación del PROIGUALDAD', 'Instalación del comité']) {
      const adopted = await body.secretariat.post('/api/agreements', {
        sessionId: session.body.id,
        text: `Cuenta a partir de: ${name}.`,
        responsibleInstitutionIds: [body.institutions[0]?.id],
        deadline: { type: 'business_days', days: 15, from: { milestoneId: ids[name] } },
      });
      expect(adopted.status, JSON.stringify(adopted.body)).toBe(201);
    }
    await body.secretariat.post(`/api/milestones/${ids['Instalación del comité']}/occurred`, { date: '2020-08-03' });
    await body.secretariat.post(`/api/milestones/${ids['Informe anual']}/occurred`, { date: '2021-02-01' });

    const listed = await body.secretariat.get('/api/milestones');

    expect(listed.status).toBe(200);
    // The committee's agreement got its due date when it was installed: it waits no more.
    expect(listed.body.map((m: { name: string; occurredOn: string | null; awaiting: number }) => [m.name, m.occurredOn, m.awaiting])).toEqual([
      ['Publicación del PROIGUALDAD', null, 2],
      ['Reforma del reglamento', null, 0],
      ['Informe anual', '2021-02-01', 0],
      ['Instalación del comité', '2020-08-03', 0],
    ]);
    expect((await body.institution.get('/api/milestones')).status).toBe(403);
  });

  it('institutions: every one, by acronym, for any body staff but not for institutions', async () => {
    const body = await givenABody(h.app);
    const other = await givenABody(h.app);

    const listed = await other.secretariat.get('/api/institutions');

    expect(listed.status).toBe(200);
    const acronyms = listed.body.map((i: { acronym: string }) => i.acronym);
    // Another body's institutions are there to pick too: institutions are shared.
    for (const institution of [...body.institutions, ...other.institutions]) expect(acronyms).toContain(institution.acronym);
    const [inmujeres, shcp] = body.institutions;
    expect(acronyms.indexOf(inmujeres?.acronym)).toBeLessThan(acronyms.indexOf(shcp?.acronym));
    expect((await body.institution.get('/api/institutions')).status).toBe(403);
  });
});
