import { describe, expect, it } from 'vitest';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

const on = (date: string) => `${date}T12:00:00-05:00`;

describe('the "seguimiento de acuerdos" item of a session’s agenda', () => {
  it('lists the agreements still en proceso at the start of the session’s day, in folio order, with the semáforo of that day', async () => {
    // Given the Vigésima (24/04/2020) with five agreements and the Vigésima Primera (30/09/2020) with one
    const body = await givenABody(h.app, { folioStart: 39 });
    const [inmujeres = ''] = body.institutions.map((i) => i.id);
    const session = async (number: number, date: string) => (await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number, date })).body.id as string;
    const s20 = await session(20, '2020-04-24');
    const s21 = await session(21, '2020-09-30');
    const s22 = await session(22, '2020-12-09');
    const register = async (sessionId: string, text: string, deadline: unknown = { type: 'none' }) => {
      const created = await body.secretariat.post('/api/agreements', { sessionId, text, responsibleInstitutionIds: [inmujeres], deadline });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    const fulfilledEarly = await register(s20, 'Se cumplió en mayo.');
    const overdue = await register(s20, 'Vence el 30/06/2020 y sigue en proceso.', { type: 'date', date: '2020-06-30' });
    const cancelled = await register(s20, 'Se canceló en junio.');
    const fulfilledAtSession = await register(s20, 'Se cumplió el día de la Vigésima Primera.');
    const fulfilledOnEve = await register(s20, 'Se cumplió la víspera de la Vigésima Primera.');
    const adoptedAt21 = await register(s21, 'Adoptado en la Vigésima Primera.');
    const fulfil = async (id: string, occurredAt: string) => expect((await body.secretariat.post(`/api/agreements/${id}/fulfil`, { justification: 'Hecho.', occurredAt })).status).toBe(200);
    await fulfil(fulfilledEarly, on('2020-05-18'));
    expect((await body.secretariat.post(`/api/agreements/${cancelled}/cancel`, { reason: 'Sin efecto.', occurredAt: on('2020-06-01') })).status).toBe(200);
    // the two edges of the session's day (Mexico City, UTC-5 in September 2020): its first minute and the last of the day before
    await fulfil(fulfilledAtSession, '2020-09-30T00:00:00-05:00');
    await fulfil(fulfilledOnEve, '2020-09-29T23:59:00-05:00');

    // When the coordination prepares the Vigésima Primera
    const agenda = await body.coordinator.get(`/api/sessions/${s21}/agenda`);
    // then it follows up what was still en proceso at the start of its day: the one fulfilled that day is there
    // (it is reported in the session), the one fulfilled the day before and the one it adopts are not
    expect(agenda.status).toBe(200);
    expect(agenda.body.session).toMatchObject({ id: s21, label: 'Vigésima Primera Sesión Ordinaria', date: '2020-09-30' });
    expect(agenda.body.items.map((a: { id: string }) => a.id)).toEqual([overdue, fulfilledAtSession]);
    expect(agenda.body.items[0]).toMatchObject({ folio: '40:24/04/2020', status: 'en_proceso', semaforo: 'rojo', dueDate: '2020-06-30' });
    expect(agenda.body.items[0].daysOverdue).toBeGreaterThan(50);
    expect(agenda.body.items[1]).toMatchObject({ status: 'en_proceso', semaforo: 'sin_plazo' });

    // and the Vigésima Segunda follows up the one still pending and the one the Vigésima Primera adopted
    const next = await body.secretariat.get(`/api/sessions/${s22}/agenda`);
    expect(next.body.items.map((a: { id: string }) => a.id)).toEqual([overdue, adoptedAt21]);
    // while the Vigésima had nothing to follow up
    expect((await body.secretariat.get(`/api/sessions/${s20}/agenda`)).body.items).toEqual([]);
  });

  it('is for the body’s secretariat and coordinators', async () => {
    const body = await givenABody(h.app);
    const other = await givenABody(h.app);
    const created = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'extraordinaria', number: 1, date: '2021-01-15' });
    const url = `/api/sessions/${created.body.id}/agenda`;
    expect((await body.institution.get(url)).status).toBe(403);
    expect((await other.coordinator.get(url)).status).toBe(403);
    expect((await body.coordinator.get('/api/sessions/00000000-0000-4000-8000-000000000000/agenda')).status).toBe(404);
    expect((await body.coordinator.get('/api/sessions/no-es-un-id/agenda')).status).toBe(400);
  });
});
