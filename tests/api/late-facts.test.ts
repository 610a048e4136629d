import { describe, expect, it } from 'vitest';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

// §1.7: what a fact recorded late causes happened when the fact did. A read as
// of a day between the fact and the day it was typed in shows its effects.

const h = useHarness();

interface StoredEvent {
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

describe('a milestone recorded today as occurred on 22/08/2020', () => {
  it('sets the due date from that day: the agreement, its history and the dashboard as of the days between say so', async () => {
    // Given an agreement of the Vigésima Sesión Ordinaria due 15 business days
    // after the publication of the PROIGUALDAD, a milestone not yet occurred
    const body = await givenABody(h.app);
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
    const milestone = await body.secretariat.post('/api/milestones', { bodyId: body.bodyId, name: 'Publicación del PROIGUALDAD 2020-2024 en el DOF' });
    const created = await body.secretariat.post('/api/agreements', {
      sessionId: session.body.id,
      text: 'Las dependencias alinearán sus programas al PROIGUALDAD.',
      responsibleInstitutionIds: [body.institutions[0]?.id],
      deadline: { type: 'business_days', days: 15, from: { milestoneId: milestone.body.id } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const url = `/api/agreements/${created.body.id}`;

    // When the secretariat records today that it was published on 22/08/2020
    const occurred = await body.secretariat.post(`/api/milestones/${milestone.body.id}/occurred`, { date: '2020-08-22' });
    expect(occurred.status, JSON.stringify(occurred.body)).toBe(200);
    // (its deadline, 11/09/2020, has long passed: the workflow records that too)
    const events = async (query = '') => (await body.coordinator.get(`${url}/events${query}`)).body as StoredEvent[];
    await expect.poll(async () => (await events()).map((e) => e.type), { timeout: 20_000 }).toContain('DeadlinePassed');

    // then as of the day before it has no due date yet
    const before = await body.coordinator.get(`${url}?asOf=2020-08-21`);
    expect(before.body).toMatchObject({ dueDate: null, semaforo: 'sin_plazo' });
    // as of two days after, it has its due date and is on time
    const after = await body.coordinator.get(`${url}?asOf=2020-08-24`);
    expect(after.body).toMatchObject({ dueDate: '2020-09-11', semaforo: 'verde', daysOverdue: 0 });
    // and from the Monday after the due date it is overdue
    const overdue = await body.coordinator.get(`${url}?asOf=2020-09-14`);
    expect(overdue.body).toMatchObject({ dueDate: '2020-09-11', semaforo: 'rojo', daysOverdue: 1 });

    // The history dates both from their own days, at their start in Mexico City (UTC−5 then)
    const history = await events();
    const dated = (type: string) => history.find((e) => e.type === type)?.occurredAt;
    expect(Date.parse(dated('DueDateSet') ?? '')).toBe(Date.parse('2020-08-22T05:00:00.000Z'));
    expect(Date.parse(dated('DeadlinePassed') ?? '')).toBe(Date.parse('2020-09-12T05:00:00.000Z'));
    expect((await events('?asOf=2020-08-21')).map((e) => e.type)).toEqual(['AgreementAdopted']);
    expect((await events('?asOf=2020-09-11')).map((e) => e.type)).toEqual(['AgreementAdopted', 'DueDateSet']);

    // and the dashboard as of the days between counts it as the agreement stood
    const dashboard = async (asOf: string) => (await body.coordinator.get(`/api/dashboard?bodyId=${body.bodyId}&asOf=${asOf}`)).body;
    expect(await dashboard('2020-09-11')).toMatchObject({ totals: { en_proceso: 1, vencidos: 0 }, overdue: [] });
    const late = await dashboard('2020-09-14');
    expect(late.totals).toMatchObject({ en_proceso: 1, vencidos: 1 });
    expect(late.overdue).toEqual([expect.objectContaining({ id: created.body.id, dueDate: '2020-09-11', semaforo: 'rojo', daysOverdue: 1 })]);
  }, 60_000);
});

describe('evidence accepted on 20/05 recorded before evidence accepted on 14/05', () => {
  it('fulfils the agreement on 20/05, the last acceptance, and the annex as of 15/05 still says EN PROCESO', async () => {
    // Given an agreement with INMUJERES and SHCP responsible, each with evidence of 11/05/2020
    const body = await givenABody(h.app);
    const [inmujeres, shcp] = body.institutions.map((i) => i.id);
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
    const created = await body.secretariat.post('/api/agreements', {
      sessionId: session.body.id,
      text: 'Las dependencias enviarán sus comentarios al proyecto de Reglas.',
      responsibleInstitutionIds: [inmujeres, shcp],
      deadline: { type: 'date', date: '2020-12-31' },
    });
    const url = `/api/agreements/${created.body.id}`;
    const evidenceOf = async (institutionId: string | undefined) => {
      const posted = await body.secretariat.post(`${url}/evidence`, { institutionId, description: 'Oficio con los comentarios.', occurredAt: '2020-05-11T12:00:00-05:00' });
      expect(posted.status, JSON.stringify(posted.body)).toBe(201);
      return posted.body.id as string;
    };
    const fromInmujeres = await evidenceOf(inmujeres);
    const fromShcp = await evidenceOf(shcp);

    // When the secretariat records INMUJERES's acceptance of 20/05, then SHCP's of 14/05
    const accept = (evidenceId: string, occurredAt: string) => body.secretariat.post(`${url}/evidence/${evidenceId}/review`, { decision: 'accepted', occurredAt });
    expect((await accept(fromInmujeres, '2020-05-20T12:00:00-05:00')).body).toMatchObject({ status: 'en_proceso' });
    const last = await accept(fromShcp, '2020-05-14T12:00:00-05:00');

    // then the agreement was fulfilled when the last acceptance happened
    expect(last.body).toMatchObject({ status: 'cumplido', fulfilledOn: '2020-05-20' });
    expect((await body.coordinator.get(`${url}?asOf=2020-05-15`)).body).toMatchObject({ status: 'en_proceso', fulfilledOn: null });
    const annex = async (asOf: string) => (await body.coordinator.get(`/api/reports/annex?bodyId=${body.bodyId}&asOf=${asOf}&format=json`)).body.rows.map((r: Record<string, string>) => r.statusLabel);
    expect(await annex('2020-05-15')).toEqual(['EN PROCESO']);
    expect(await annex('2020-05-20')).toEqual(['CUMPLIDO']);
  }, 60_000);
});

describe('a prórroga dated 10/06/2020 to a day already gone (01/06)', () => {
  it('passes its new deadline on the prórroga’s day, not before it', async () => {
    // Given agreement 40, due 18/05/2020, registered today (so already overdue)
    const body = await givenABody(h.app);
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
    const created = await body.secretariat.post('/api/agreements', {
      sessionId: session.body.id,
      text: 'El INMUJERES enviará el proyecto de Reglas.',
      responsibleInstitutionIds: [body.institutions[0]?.id],
      deadline: { type: 'date', date: '2020-05-18' },
    });
    const url = `/api/agreements/${created.body.id}`;
    const events = async (query = '') => (await body.coordinator.get(`${url}/events${query}`)).body as StoredEvent[];
    const passed = async () => (await events()).filter((e) => e.type === 'DeadlinePassed');
    await expect.poll(async () => (await passed()).length, { timeout: 20_000 }).toBe(1);

    // When the secretariat records a prórroga granted on 10/06 until 01/06
    const changed = await body.secretariat.post(`${url}/deadline`, { deadline: { type: 'date', date: '2020-06-01' }, reason: 'Prórroga acordada en la sesión.', occurredAt: '2020-06-10T12:00:00-05:00' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);

    // then the new deadline passed at the start of 10/06, when the prórroga was granted
    await expect.poll(async () => (await passed()).length, { timeout: 20_000 }).toBe(2);
    const [first, second] = await passed();
    expect(first).toMatchObject({ data: { dueDate: '2020-05-18' } });
    expect(Date.parse(first?.occurredAt ?? '')).toBe(Date.parse('2020-05-19T05:00:00.000Z'));
    expect(second).toMatchObject({ data: { dueDate: '2020-06-01' } });
    expect(Date.parse(second?.occurredAt ?? '')).toBe(Date.parse('2020-06-10T05:00:00.000Z'));
    // and as of 05/06 the agreement still had its first deadline
    expect((await body.coordinator.get(`${url}?asOf=2020-06-05`)).body).toMatchObject({ dueDate: '2020-05-18', semaforo: 'rojo' });
    expect((await events('?asOf=2020-06-09')).filter((e) => e.type === 'DeadlinePassed')).toHaveLength(1);
  }, 60_000);
});
