import { describe, expect, it } from 'vitest';
import { readStream } from '../../db/event-store.js';
import { agreementStreamId } from '../../domain/agreement/index.js';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

// "Publicación del PROIGUALDAD 2020-2024 en el DOF": agreements of the SNIMH
// counted their deadlines from it before anyone knew when it would happen.

const h = useHarness();

async function givenABodyWithAMilestone() {
  const body = await givenABody(h.app);
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
  const milestone = await body.secretariat.post('/api/milestones', { bodyId: body.bodyId, name: 'Publicación del PROIGUALDAD 2020-2024 en el DOF' });
  expect(milestone.status, JSON.stringify(milestone.body)).toBe(201);
  const milestoneId = milestone.body.id as string;
  const institutionIds = body.institutions.map((i) => i.id);
  const anchored = (days: number) => ({ type: 'business_days', days, from: { milestoneId } });
  const register = async (deadline: unknown) => {
    const created = await body.secretariat.post('/api/agreements', {
      sessionId: session.body.id,
      text: 'Las dependencias alinearán sus programas al PROIGUALDAD.',
      responsibleInstitutionIds: institutionIds,
      deadline,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body as { id: string; dueDate: string | null; semaforo: string };
  };
  return { ...body, milestoneId, anchored, register, url: `/api/milestones/${milestoneId}` };
}

describe('a milestone that occurs', () => {
  it('dates all 200 agreements anchored on it in one pass, each once', async () => {
    const given = await givenABodyWithAMilestone();
    const ids: string[] = [];
    for (let batch = 0; batch < 20; batch += 1) {
      const created = await Promise.all(Array.from({ length: 10 }, () => given.register(given.anchored(15))));
      expect(created.every((a) => a.dueDate === null && a.semaforo === 'sin_plazo')).toBe(true);
      ids.push(...created.map((a) => a.id));
    }

    // When the secretariat records that the programme was published on 22/08/2020
    const occurred = await given.secretariat.post(`${given.url}/occurred`, { date: '2020-08-22' });

    // then the answer comes once every one of them has its due date
    expect(occurred.status, JSON.stringify(occurred.body)).toBe(200);
    expect(occurred.body).toMatchObject({ id: given.milestoneId, occurredOn: '2020-08-22', dueDatesSet: 200 });
    const dueDates = await Promise.all(ids.map(async (id) => (await given.coordinator.get(`/api/agreements/${id}`)).body.dueDate));
    expect(new Set(dueDates)).toEqual(new Set(['2020-09-11']));
    const explanation = (await given.coordinator.get(`/api/agreements/${ids[0]}`)).body.dueDateExplanation;
    expect(explanation).toMatch(/^15 días hábiles contados a partir del 22\/08\/2020.*→ 11\/09\/2020$/);

    // and sending it again dates nothing twice
    const again = await given.secretariat.post(`${given.url}/occurred`, { date: '2020-08-22' });
    expect(again.body).toMatchObject({ dueDatesSet: 0 });
    const events = await readStream(h.db, agreementStreamId(ids[7] ?? ''));
    expect(events.filter((e) => e.type === 'DueDateSet')).toHaveLength(1);
  }, 120_000);

  it('dates an agreement registered after it occurred, and a deadline moved onto it', async () => {
    const given = await givenABodyWithAMilestone();
    const before = await given.register({ type: 'date', date: '2099-01-31' });
    await given.secretariat.post(`${given.url}/occurred`, { date: '2020-08-22' });

    expect(await given.register(given.anchored(15))).toMatchObject({ dueDate: '2020-09-11' });
    const moved = await given.secretariat.post(`/api/agreements/${before.id}/deadline`, { deadline: { type: 'months', months: 1, from: { milestoneId: given.milestoneId } }, reason: 'Se ajusta al PROIGUALDAD.' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body).toMatchObject({ dueDate: '2020-09-22' });
  });
});

describe('refusals', () => {
  it('a milestone of another body, or none, cannot anchor a deadline (400 on the field)', async () => {
    const given = await givenABodyWithAMilestone();
    const other = await givenABodyWithAMilestone();
    const session = await given.secretariat.post('/api/sessions', { bodyId: given.bodyId, kind: 'ordinaria', number: 21, date: '2020-09-30' });
    for (const milestoneId of [other.milestoneId, crypto.randomUUID()]) {
      const answer = await given.secretariat.post('/api/agreements', {
        sessionId: session.body.id,
        text: 'Texto',
        responsibleInstitutionIds: [given.institutions[0]?.id],
        deadline: { type: 'business_days', days: 5, from: { milestoneId } },
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error.details).toEqual([expect.objectContaining({ field: 'deadline.from.milestoneId' })]);
    }
  });

  it('a future day is 400; another day once it occurred is 409; other bodies and roles cannot touch it', async () => {
    const given = await givenABodyWithAMilestone();
    const other = await givenABodyWithAMilestone();

    const future = await given.secretariat.post(`${given.url}/occurred`, { date: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([expect.objectContaining({ field: 'date' })]);
    expect((await given.secretariat.post(`${given.url}/occurred`, { date: '2021-02-30' })).status).toBe(400);

    expect((await other.secretariat.post(`${given.url}/occurred`, { date: '2020-08-22' })).status).toBe(403);
    expect((await given.coordinator.post(`${given.url}/occurred`, { date: '2020-08-22' })).status).toBe(403);
    expect((await given.institution.post(`${given.url}/occurred`, { date: '2020-08-22' })).status).toBe(403);
    expect((await given.coordinator.post('/api/milestones', { bodyId: given.bodyId, name: 'Otro' })).status).toBe(403);
    expect((await other.secretariat.post('/api/milestones', { bodyId: given.bodyId, name: 'Otro' })).status).toBe(403);

    expect((await given.secretariat.post(`${given.url}/occurred`, { date: '2020-08-22' })).status).toBe(200);
    const moved = await given.secretariat.post(`${given.url}/occurred`, { date: '2020-08-21' });
    expect(moved.status).toBe(409);
    expect(moved.body.error.message).toMatch(/ya se registró como ocurrido el 22\/08\/2020/);
    expect((await given.coordinator.get(given.url)).body).toMatchObject({ occurredOn: '2020-08-22' });
    // As of a day: not yet the day before, occurred that day
    expect((await given.coordinator.get(`${given.url}?asOf=2020-08-21`)).body).toMatchObject({ occurredOn: null });
    expect((await given.coordinator.get(`${given.url}?asOf=2020-08-22`)).body).toMatchObject({ occurredOn: '2020-08-22' });
  });
});
