import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateOf } from '../../domain/dates.js';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

// Mexico City was UTC-5 in May 2020.
const on = (date: string, time = '12:00:00') => `${date}T${time}-05:00`;

// Given agreement 40 of the Vigésima Sesión Ordinaria (24/04/2020), due
// 18/05/2020, with INMUJERES responsible; its evidence was posted on 11/05 and
// accepted on 18/05/2020, recorded after the fact.
async function givenAgreementFulfilledOn18May() {
  const body = await givenABody(h.app);
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
  const inmujeres = body.institutions[0]?.id ?? '';
  const created = await body.secretariat.post('/api/agreements', {
    sessionId: session.body.id,
    text: 'El INMUJERES enviará el proyecto de Reglas para la Organización y Funcionamiento del SNIMH.',
    responsibleInstitutionIds: [inmujeres],
    deadline: { type: 'date', date: '2020-05-18' },
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const evidence = await body.institution.post(`/api/agreements/${id}/evidence`, { institutionId: inmujeres, description: 'Se envió el proyecto.', occurredAt: on('2020-05-11') });
  expect(evidence.status, JSON.stringify(evidence.body)).toBe(201);
  // Accepted late in the evening: still 18/05 in Mexico City, already 19/05 in UTC.
  const accepted = await body.secretariat.post(`/api/agreements/${id}/evidence/${evidence.body.id}/review`, { decision: 'accepted', occurredAt: on('2020-05-18', '21:30:00') });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  expect(accepted.body).toMatchObject({ status: 'cumplido', fulfilledOn: '2020-05-18' });
  return { ...body, id, inmujeres, url: `/api/agreements/${id}` };
}

describe('a coordinator looks at an agreement as it stood on a past day', () => {
  let given: Awaited<ReturnType<typeof givenAgreementFulfilledOn18May>>;
  beforeAll(async () => {
    given = await givenAgreementFulfilledOn18May();
  });

  it('the status of an agreement fulfilled on a given day is en_proceso the day before and cumplido that day', async () => {
    const before = await given.coordinator.get(`${given.url}?asOf=2020-05-17`);
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body).toMatchObject({ status: 'en_proceso', semaforo: 'amarillo', fulfilledOn: null, daysOverdue: 0 });
    expect(before.body.responsibles[0].state).toBe('en_revision');
    expect(before.body.evidence[0].review).toBeNull();

    const that = await given.coordinator.get(`${given.url}?asOf=2020-05-18`);
    expect(that.status).toBe(200);
    expect(that.body).toMatchObject({ status: 'cumplido', semaforo: 'cumplido', fulfilledOn: '2020-05-18' });
    expect(that.body.responsibles[0].state).toBe('cumplido');
    expect(that.body.version).toBeGreaterThan(before.body.version);
  });

  it('its history as of a day holds what had occurred by the end of that day, whenever it was recorded', async () => {
    const types = async (query: string) => (await given.coordinator.get(`${given.url}/events${query}`)).body.map((e: { type: string }) => e.type);

    expect(await types('?asOf=2020-05-17')).toEqual(['AgreementAdopted', 'EvidenceSubmitted']);
    expect(await types('?asOf=2020-05-18')).toEqual(['AgreementAdopted', 'EvidenceSubmitted', 'EvidenceReviewed', 'AgreementFulfilled']);
    expect(await types('')).toEqual(await types(`?asOf=${localDateOf(new Date().toISOString(), 'America/Mexico_City')}`));
    expect((await given.coordinator.get(`${given.url}/events?asOf=${addDays(localDateOf(new Date().toISOString(), 'America/Mexico_City'), 2)}`)).status).toBe(400);
  });

  it('the state right after adoption: nothing submitted yet, semáforo of that day', async () => {
    const adopted = await given.coordinator.get(`${given.url}?asOf=2020-04-24`);
    expect(adopted.body).toMatchObject({ status: 'en_proceso', semaforo: 'verde', version: 1, evidence: [] });
  });

  it('before its adoption the agreement did not exist; the future cannot be asked', async () => {
    const earlier = await given.coordinator.get(`${given.url}?asOf=2020-04-23`);
    expect(earlier.status).toBe(404);
    expect(earlier.body.error.code).toBe('NOT_FOUND');
    const tomorrow = addDays(localDateOf(new Date().toISOString(), 'America/Mexico_City'), 2);
    const future = await given.coordinator.get(`${given.url}?asOf=${tomorrow}`);
    expect(future.status).toBe(400);
    expect(future.body.error.details).toEqual([{ field: 'asOf', message: expect.stringMatching(/futura/) }]);
    // A day written wrong is refused by the schema, the future by the handler: both name the field alike
    const malformed = await given.coordinator.get(`${given.url}?asOf=18/05/2020`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual([expect.objectContaining({ field: 'asOf' })]);
  });

  it('the institution sees its own agreement as of a day too, and the answer of today is unchanged', async () => {
    const mine = await given.institution.get(`${given.url}?asOf=2020-05-17`);
    expect(mine.body.status).toBe('en_proceso');
    const today = await given.coordinator.get(given.url);
    expect(today.body).toMatchObject({ status: 'cumplido', semaforo: 'cumplido' });
  });
});

describe('lists and filters as of a past day', () => {
  it('filter and search the state of that day', async () => {
    const given = await givenAgreementFulfilledOn18May();
    const session = await given.secretariat.post('/api/sessions', { bodyId: given.bodyId, kind: 'ordinaria', number: 21, date: '2020-08-20' });
    const later = await given.secretariat.post('/api/agreements', {
      sessionId: session.body.id,
      text: 'Dar seguimiento a la publicación del PROIGUALDAD.',
      responsibleInstitutionIds: [given.inmujeres],
      deadline: { type: 'date', date: '2020-09-30' },
    });
    expect(later.status).toBe(201);
    const list = async (query: string) => {
      const answer = await given.coordinator.get(`/api/agreements?bodyId=${given.bodyId}&${query}`);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      return answer.body.items.map((a: { id: string; status: string; semaforo: string }) => [a.id, a.status, a.semaforo]);
    };

    // On 17/05 only the first existed, in process; on 18/05 it was cumplido
    expect(await list('asOf=2020-05-17')).toEqual([[given.id, 'en_proceso', 'amarillo']]);
    expect(await list('asOf=2020-05-17&status=cumplido')).toEqual([]);
    expect(await list('asOf=2020-05-18&status=cumplido')).toEqual([[given.id, 'cumplido', 'cumplido']]);
    // On 01/10/2020 the second one was one business day overdue
    expect(await list('asOf=2020-10-01&overdue=true')).toEqual([[later.body.id, 'en_proceso', 'rojo']]);
    expect(await list('asOf=2020-09-30&semaforo=amarillo')).toEqual([[later.body.id, 'en_proceso', 'amarillo']]);
    expect(await list(`asOf=2020-10-01&q=${encodeURIComponent('publicacion')}`)).toEqual([[later.body.id, 'en_proceso', 'rojo']]);
    expect(await list(`asOf=2020-05-18&q=${encodeURIComponent('publicación')}`)).toEqual([]);

    // Pages of a past day have cursors too
    const first = await given.coordinator.get(`/api/agreements?bodyId=${given.bodyId}&asOf=2020-12-31&limit=1`);
    expect(first.body.items.map((a: { id: string }) => a.id)).toEqual([given.id]);
    const second = await given.coordinator.get(`/api/agreements?bodyId=${given.bodyId}&asOf=2020-12-31&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((a: { id: string; daysOverdue: number }) => [a.id, a.daysOverdue])).toEqual([[later.body.id, 64]]);
    expect(second.body.nextCursor).toBeNull();

    // A future day is refused
    const future = await given.coordinator.get(`/api/agreements?bodyId=${given.bodyId}&asOf=2999-12-31`);
    expect(future.status).toBe(400);
  });
});
