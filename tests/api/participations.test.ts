import { beforeAll, describe, expect, it } from 'vitest';
import { apiAs, asAdmin, givenABody, type GivenBody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

// A secretariat records who took part in its sessions, follows it up, and a
// participant that committed to an agreement is followed up like any
// institution (issue 15).

const h = useHarness();
let a: GivenBody;
let b: GivenBody;

beforeAll(async () => {
  a = await givenABody(h.app);
  b = await givenABody(h.app);
});

describe('permanent sessions', () => {
  it('are identified by their date: two days are two sessions, the same day twice is refused', async () => {
    const first = await a.secretariat.post('/api/sessions', { bodyId: a.bodyId, kind: 'permanente', date: '2023-05-24' });
    const second = await a.secretariat.post('/api/sessions', { bodyId: a.bodyId, kind: 'permanente', date: '2023-06-13' });
    const again = await a.secretariat.post('/api/sessions', { bodyId: a.bodyId, kind: 'permanente', date: '2023-05-24' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ label: 'Sesión Permanente', number: null, kind: 'permanente' });
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    expect(again.status).toBe(409);
  });

  it('ordinary sessions still need their number', async () => {
    const refused = await a.secretariat.post('/api/sessions', { bodyId: a.bodyId, kind: 'ordinaria', date: '2023-05-24' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([expect.objectContaining({ field: 'number' })]);
  });
});

describe('participations', () => {
  it('refuse bad input naming the field and record nothing', async () => {
    const session = await a.secretariat.post('/api/sessions', { bodyId: a.bodyId, kind: 'permanente', date: '2023-07-04' });
    const otherSession = await a.secretariat.post('/api/sessions', { bodyId: a.bodyId, kind: 'permanente', date: '2023-07-05' });
    const ours = await a.secretariat.post('/api/participants', { bodyId: a.bodyId, name: 'Justicia Juvenil Internacional México', kind: 'osc' });
    const theirs = await b.secretariat.post('/api/participants', { bodyId: b.bodyId, name: 'ChildFund México', kind: 'osc' });
    const elsewhere = await a.secretariat.post('/api/agreements', { sessionId: otherSession.body.id, text: 'Acuerdo de otra sesión.', responsibleInstitutionIds: [ours.body.id], deadline: { type: 'none' } });
    expect(elsewhere.status).toBe(201);

    const cases: [Record<string, unknown>, string][] = [
      [{ sessionId: session.body.id, participantIds: [], relevance: 'x' }, 'participantIds'],
      [{ sessionId: session.body.id, participantIds: [ours.body.id], relevance: '' }, 'relevance'],
      [{ sessionId: session.body.id, participantIds: [theirs.body.id], relevance: 'Presentación.' }, 'participantIds'],
      [{ sessionId: session.body.id, participantIds: [ours.body.id], relevance: 'Presentación.', agreementId: elsewhere.body.id }, 'agreementId'],
      [{ sessionId: session.body.id, participantIds: [ours.body.id], relevance: 'Presentación.', verification: { links: [] } }, 'verification.text'],
    ];
    for (const [payload, field] of cases) {
      const refused = await a.secretariat.post('/api/participations', payload);
      expect(refused.status, JSON.stringify(refused.body)).toBe(400);
      expect(refused.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    const listed = await a.coordinator.get(`/api/participations?bodyId=${a.bodyId}&sessionId=${session.body.id}`);
    expect(listed.body).toEqual([]);
  });

  it('include the accepted evidence of the agreement they led to, and read as of a day before it as they were', async () => {
    const session = await a.secretariat.post('/api/sessions', { bodyId: a.bodyId, kind: 'permanente', date: '2023-09-05' });
    const save = await a.secretariat.post('/api/participants', { bodyId: a.bodyId, name: 'Save the Children', acronym: `STC${process.pid}`, kind: 'osc', emails: ['enlace@savethechildren.example'] });
    expect(save.body).toEqual({ id: expect.any(String), bodyId: a.bodyId, name: 'Save the Children', acronym: `STC${process.pid}`, kind: 'osc' });
    const agreement = await a.secretariat.post('/api/agreements', { sessionId: session.body.id, text: 'Presentar el Atlas en las entidades.', responsibleInstitutionIds: [save.body.id], deadline: { type: 'none' } });
    const participation = await a.secretariat.post('/api/participations', {
      sessionId: session.body.id,
      participantIds: [save.body.id],
      relevance: 'Presentación del Atlas de Riesgo de Trabajo Infantil',
      agreementId: agreement.body.id,
      activities: 'Se acordó presentarlo.',
      verification: { text: 'Acta de la Sesión Permanente' },
    });
    expect(participation.status).toBe(201);

    // The participant answers for the agreement with its own token, as an institution.
    const token = (await asAdmin(h.app).post('/api/tokens', { role: 'institution', institutionId: save.body.id, label: 'Save the Children' })).body.token as string;
    const evidence = await apiAs(h.app, token).post(`/api/agreements/${agreement.body.id}/evidence`, { institutionId: save.body.id, description: 'El Atlas se presentó en Sinaloa.', links: ['https://example.org/atlas'] });
    expect(evidence.status).toBe(201);
    const before = await a.coordinator.get(`/api/participations?sessionId=${session.body.id}`);
    expect(before.body[0].activities).toBe('Se acordó presentarlo.');
    await a.secretariat.post(`/api/agreements/${agreement.body.id}/evidence/${evidence.body.id}/review`, { decision: 'accepted' });

    const after = await a.coordinator.get(`/api/participations?sessionId=${session.body.id}`);
    expect(after.body[0].activities).toBe('Se acordó presentarlo.\n\nEl Atlas se presentó en Sinaloa.');
    expect(after.body[0].verification).toEqual({ text: 'Acta de la Sesión Permanente', links: ['https://example.org/atlas'], files: [] });

    const followed = await a.secretariat.patch(`/api/participations/${participation.body.id}`, { verification: { text: 'Acta y minuta' } });
    expect(followed.body).toMatchObject({ version: 2, verification: { text: 'Acta y minuta' } });
    const history = await a.coordinator.get(`/api/participations/${participation.body.id}/events`);
    expect(history.body.map((e: { type: string; version: number }) => [e.type, e.version])).toEqual([
      ['ParticipationRecorded', 1],
      ['ParticipationFollowedUp', 2],
    ]);
    expect(history.body[1]).toMatchObject({ actor: { role: 'secretariat' }, data: { verification: { text: 'Acta y minuta', links: [] } }, prevHash: history.body[0].hash });
    const yesterday = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const past = await a.coordinator.get(`/api/participations?sessionId=${session.body.id}&asOf=${yesterday}`);
    expect(past.body).toEqual([]);
  });

  it('of another body are not there for its secretariat', async () => {
    const session = await a.secretariat.post('/api/sessions', { bodyId: a.bodyId, kind: 'permanente', date: '2023-10-17' });
    const uady = await a.secretariat.post('/api/participants', { bodyId: a.bodyId, name: 'Universidad Autónoma de Yucatán', kind: 'academia' });
    const recorded = await a.secretariat.post('/api/participations', { sessionId: session.body.id, participantIds: [uady.body.id], relevance: 'Presentación del Proyecto integral.' });
    const patched = await b.secretariat.patch(`/api/participations/${recorded.body.id}`, { activities: 'Intento ajeno.' });
    expect(patched.status).toBe(404);
    const theirs = await b.coordinator.get(`/api/participations?participantId=${uady.body.id}`);
    expect(theirs.body).toEqual([]);
  });

  it('recorded twice with one Idempotency-Key are one participation', async () => {
    const session = await a.secretariat.post('/api/sessions', { bodyId: a.bodyId, kind: 'permanente', date: '2023-10-31' });
    const childFund = await a.secretariat.post('/api/participants', { bodyId: a.bodyId, name: 'ChildFund México', kind: 'osc' });
    const payload = { sessionId: session.body.id, participantIds: [childFund.body.id], relevance: 'Presentación de programa Juega Conmigo México' };
    const key = { 'idempotency-key': `juega-${process.pid}` };
    const first = await a.secretariat.post('/api/participations', payload, key);
    const second = await a.secretariat.post('/api/participations', payload, key);
    expect(second.body).toEqual(first.body);
    const listed = await a.coordinator.get(`/api/participations?sessionId=${session.body.id}`);
    expect(listed.body).toHaveLength(1);
  });
});
