import { beforeAll, describe, expect, it } from 'vitest';
import { givenABody } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();

// Mexico City is UTC-6 in the winter of 2020 and UTC-5 before October 2022.
const on = (date: string) => `${date}T12:00:00-06:00`;

// Given the SNIMH's Vigésima Sesión Ordinaria (24/04/2020) and its agreements:
//  1. both institutions, due 18/05/2020 — INMUJERES's part accepted, SHCP owes it
//  2. SHCP, due 30/11/2020
//  3. INMUJERES, no deadline
//  4. both, due 30/06/2020, both parts accepted → cumplido
//  5. SHCP, due 31/03/2020… cancelled
async function givenTheSnimh() {
  const body = await givenABody(h.app);
  const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 20, date: '2020-04-24' });
  const [inmujeres, shcp] = body.institutions;
  if (!inmujeres || !shcp) throw new Error('givenABody gives two institutions');
  const register = async (text: string, who: string[], deadline: unknown) => {
    const created = await body.secretariat.post('/api/agreements', { sessionId: session.body.id, text, responsibleInstitutionIds: who, deadline });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id as string;
  };
  const both = [inmujeres.id, shcp.id];
  const ids = [
    await register('Enviar el proyecto de Reglas de Organización.', both, { type: 'date', date: '2020-05-18' }),
    await register('Informar del presupuesto etiquetado.', [shcp.id], { type: 'date', date: '2020-11-30' }),
    await register('Publicar el PROIGUALDAD.', [inmujeres.id], { type: 'none' }),
    await register('Difundir el Protocolo.', both, { type: 'date', date: '2020-06-30' }),
    await register('Acuerdo sin efecto.', [shcp.id], { type: 'date', date: '2020-04-30' }),
  ];
  const [first, , , fourth, fifth] = ids;
  const accept = async (id: string | undefined, institutionId: string, submitted: string, accepted: string) => {
    const evidence = await body.secretariat.post(`/api/agreements/${id}/evidence`, { institutionId, description: 'Oficio con las acciones realizadas.', occurredAt: on(submitted) });
    expect(evidence.status, JSON.stringify(evidence.body)).toBe(201);
    const review = await body.secretariat.post(`/api/agreements/${id}/evidence/${evidence.body.id}/review`, { decision: 'accepted', occurredAt: on(accepted) });
    expect(review.status, JSON.stringify(review.body)).toBe(200);
  };
  await accept(first, inmujeres.id, '2020-05-11', '2020-05-15');
  await accept(fourth, inmujeres.id, '2020-06-01', '2020-06-10');
  await accept(fourth, shcp.id, '2020-06-02', '2020-06-12');
  expect((await body.secretariat.post(`/api/agreements/${fifth}/cancel`, { reason: 'Lo sustituye el acuerdo 2.', occurredAt: on('2020-04-28') })).status).toBe(200);
  return { ...body, ids, inmujeres, shcp, dashboard: (query = '') => body.coordinator.get(`/api/dashboard?bodyId=${body.bodyId}${query}`) };
}

describe('a coordinator opens the dashboard of the body', () => {
  let given: Awaited<ReturnType<typeof givenTheSnimh>>;
  beforeAll(async () => {
    given = await givenTheSnimh();
  });

  it('shows the totals by status and how many are overdue today', async () => {
    const answer = await given.dashboard();
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.totals).toEqual({ en_proceso: 3, cumplido: 1, cancelado: 1, vencidos: 2 });
  });

  it('lists the overdue agreements whole, the most days overdue first', async () => {
    const { overdue } = (await given.dashboard()).body;
    expect(overdue.map((a: { id: string }) => a.id)).toEqual([given.ids[0], given.ids[1]]);
    expect(overdue[0].daysOverdue).toBeGreaterThan(overdue[1].daysOverdue);
    expect(overdue.every((a: { semaforo: string }) => a.semaforo === 'rojo')).toBe(true);
    // each one is the contract's agreement JSON, as GET /agreements/:id gives it
    expect(overdue[1]).toEqual((await given.coordinator.get(`/api/agreements/${given.ids[1]}`)).body);
  });

  it('gives each institution its compliance: cumplidos / (enProceso + cumplidos), cancelled agreements left out', async () => {
    const { byInstitution } = (await given.dashboard()).body;
    const byId = new Map(byInstitution.map((row: { institutionId: string }) => [row.institutionId, row]));
    // INMUJERES: 1 (its part accepted), 3 (owed, no deadline), 4 (cumplido)
    expect(byId.get(given.inmujeres.id)).toEqual({ institutionId: given.inmujeres.id, acronym: given.inmujeres.acronym, enProceso: 1, cumplidos: 2, vencidos: 0, complianceRate: 2 / 3 });
    // SHCP: 1 and 2 owed and overdue, 4 cumplido, 5 cancelled
    expect(byId.get(given.shcp.id)).toEqual({ institutionId: given.shcp.id, acronym: given.shcp.acronym, enProceso: 2, cumplidos: 1, vencidos: 2, complianceRate: 1 / 3 });
  });

  it('as of 31/12/2020, counts the days overdue at that day', async () => {
    const answer = await given.dashboard('&asOf=2020-12-31');
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.totals).toEqual({ en_proceso: 3, cumplido: 1, cancelado: 1, vencidos: 2 });
    expect(answer.body.overdue.map((a: { id: string; daysOverdue: number }) => [a.id, a.daysOverdue])).toEqual([
      [given.ids[0], 160],
      [given.ids[1], 22],
    ]);
  });

  it('as of 12/06/2020, before agreement 2 was due and the day agreement 4 was fulfilled', async () => {
    const answer = await given.dashboard('&asOf=2020-06-12');
    expect(answer.body.totals).toEqual({ en_proceso: 3, cumplido: 1, cancelado: 1, vencidos: 1 });
    expect(answer.body.overdue.map((a: { id: string }) => a.id)).toEqual([given.ids[0]]);
    const day = await given.dashboard('&asOf=2020-06-11');
    expect(day.body.totals).toEqual({ en_proceso: 4, cumplido: 0, cancelado: 1, vencidos: 1 });
  });

  it('as of the session day, before any follow-up, shows what was adopted', async () => {
    const answer = await given.dashboard('&asOf=2020-04-24');
    expect(answer.body.totals).toEqual({ en_proceso: 5, cumplido: 0, cancelado: 0, vencidos: 0 });
    expect(answer.body.byInstitution.map((row: { complianceRate: number }) => row.complianceRate)).toEqual([0, 0]);
    expect((await given.dashboard('&asOf=2020-04-23')).body).toEqual({ totals: { en_proceso: 0, cumplido: 0, cancelado: 0, vencidos: 0 }, byInstitution: [], overdue: [] });
  });
});

describe('who may see a dashboard', () => {
  it('the secretariat and the coordinator of the body; nobody else', async () => {
    const given = await givenABody(h.app);
    const other = await givenABody(h.app);
    const url = `/api/dashboard?bodyId=${given.bodyId}`;
    expect((await given.secretariat.get(url)).body).toEqual({ totals: { en_proceso: 0, cumplido: 0, cancelado: 0, vencidos: 0 }, byInstitution: [], overdue: [] });
    for (const stranger of [other.coordinator, other.secretariat, given.institution]) {
      const answer = await stranger.get(url);
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('FORBIDDEN');
    }
    expect((await given.coordinator.get('/api/dashboard')).status).toBe(400);
    expect((await given.coordinator.get(`${url}&asOf=2999-01-01`)).status).toBe(400);
  });
});
