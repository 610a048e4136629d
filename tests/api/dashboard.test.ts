import { beforeAll, describe, expect, it } from 'vitest';
import { agreementsAsOf } from '../../db/agreement-history.js';
import { findBody } from '../../db/bodies.js';
import { businessCalendar } from '../../domain/calendar.js';
import { summarizeDashboard } from '../../domain/dashboard.js';
import { localDateOf } from '../../domain/dates.js';
import { evaluateSemaforo } from '../../domain/semaforo.js';
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
    // the three en proceso: two overdue, one without a deadline
    expect(answer.body.bySemaforo).toEqual({ verde: 0, amarillo: 0, rojo: 2, sin_plazo: 1 });
    expect(answer.body.overdueCount).toBe(2);
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
    // agreement 2, due 30/11/2020, is green; agreement 3 has no deadline
    expect(answer.body.bySemaforo).toEqual({ verde: 1, amarillo: 0, rojo: 1, sin_plazo: 1 });
    expect(answer.body.overdue.map((a: { id: string }) => a.id)).toEqual([given.ids[0]]);
    const day = await given.dashboard('&asOf=2020-06-11');
    expect(day.body.totals).toEqual({ en_proceso: 4, cumplido: 0, cancelado: 1, vencidos: 1 });
  });

  it('as of the session day, before any follow-up, shows what was adopted', async () => {
    const answer = await given.dashboard('&asOf=2020-04-24');
    expect(answer.body.totals).toEqual({ en_proceso: 5, cumplido: 0, cancelado: 0, vencidos: 0 });
    expect(answer.body.byInstitution.map((row: { complianceRate: number }) => row.complianceRate)).toEqual([0, 0]);
    expect((await given.dashboard('&asOf=2020-04-23')).body).toEqual({ totals: { en_proceso: 0, cumplido: 0, cancelado: 0, vencidos: 0 }, bySemaforo: { verde: 0, amarillo: 0, rojo: 0, sin_plazo: 0 }, byInstitution: [], overdue: [], overdueCount: 0 });
  });
});

describe('who may see a dashboard', () => {
  it('the secretariat and the coordinator of the body; nobody else', async () => {
    const given = await givenABody(h.app);
    const other = await givenABody(h.app);
    const url = `/api/dashboard?bodyId=${given.bodyId}`;
    expect((await given.secretariat.get(url)).body).toEqual({ totals: { en_proceso: 0, cumplido: 0, cancelado: 0, vencidos: 0 }, bySemaforo: { verde: 0, amarillo: 0, rojo: 0, sin_plazo: 0 }, byInstitution: [], overdue: [], overdueCount: 0 });
    for (const stranger of [other.coordinator, other.secretariat, given.institution]) {
      const answer = await stranger.get(url);
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('FORBIDDEN');
    }
    expect((await given.coordinator.get('/api/dashboard')).status).toBe(400);
    expect((await given.coordinator.get(`${url}&asOf=2999-01-01`)).status).toBe(400);
  });
});

describe('the dashboard counts as the weekly digest does', () => {
  let given: Awaited<ReturnType<typeof givenTheSnimh>>;
  beforeAll(async () => {
    given = await givenTheSnimh();
  });

  // The digest runs the domain rule over every agreement (summarizeDashboard);
  // the dashboard asks PostgreSQL for the counts. On any day both must agree.
  it.each(['2020-04-23', '2020-04-24', '2020-04-28', '2020-05-15', '2020-05-18', '2020-05-19', '2020-06-11', '2020-06-12', '2020-11-30', '2020-12-01', '2020-12-31', undefined])(
    'as of %s',
    async (asOf) => {
      const answer = await given.dashboard(asOf ? `&asOf=${asOf}` : '');
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      const body = await findBody(h.db, given.bodyId);
      if (!body) throw new Error('the body exists');
      const today = asOf ?? localDateOf(new Date().toISOString(), body.settings.timezone);
      const states = (await agreementsAsOf(h.db, { bodyId: given.bodyId }, today, body.settings.timezone)).map(({ state }) => state);
      const day = { today, calendar: businessCalendar(body.settings.nonWorkingDays), warningBusinessDays: body.settings.warningBusinessDays };
      const expected = summarizeDashboard(states, day);
      expect(answer.body.totals).toEqual(expected.totals);
      expect(answer.body.overdueCount).toBe(expected.overdue.length);
      expect(answer.body.overdue.map((a: { id: string; daysOverdue: number }) => [a.id, a.daysOverdue])).toEqual(expected.overdue.map((o) => [o.agreement.agreementId, o.daysOverdue]));
      const withoutAcronym = answer.body.byInstitution.map(({ acronym: _, ...row }: { acronym: string }) => row);
      expect(withoutAcronym).toEqual(expect.arrayContaining(expected.byInstitution));
      expect(withoutAcronym).toHaveLength(expected.byInstitution.length);
      const lights = { verde: 0, amarillo: 0, rojo: 0, sin_plazo: 0 };
      for (const state of states) {
        const { semaforo } = evaluateSemaforo(state, today, day.calendar, day.warningBusinessDays);
        if (semaforo in lights) lights[semaforo as keyof typeof lights] += 1;
      }
      expect(answer.body.bySemaforo).toEqual(lights);
    },
  );
});

describe('a body with more overdue agreements than the dashboard shows', () => {
  it('shows the 20 most overdue, most business days first and then by folio, and how many there are', async () => {
    const body = await givenABody(h.app);
    const session = await body.secretariat.post('/api/sessions', { bodyId: body.bodyId, kind: 'ordinaria', number: 7, date: '2021-01-15' });
    const [inmujeres] = body.institutions;
    if (!inmujeres) throw new Error('givenABody gives two institutions');
    // 24 agreements due on 12 days of February 2021, two on each, weekends
    // among them: a Saturday and a Sunday are as overdue as the Friday before.
    const dueDays = ['2021-02-01', '2021-02-03', '2021-02-05', '2021-02-06', '2021-02-07', '2021-02-08', '2021-02-10', '2021-02-12', '2021-02-13', '2021-02-15', '2021-02-17', '2021-02-19'];
    for (const [index, date] of [...dueDays, ...dueDays.slice().reverse()].entries()) {
      const created = await body.secretariat.post('/api/agreements', { sessionId: session.body.id, text: `Acuerdo vencido número ${index + 1}.`, responsibleInstitutionIds: [inmujeres.id], deadline: { type: 'date', date } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const answer = await body.coordinator.get(`/api/dashboard?bodyId=${body.bodyId}&asOf=2021-03-31`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.overdueCount).toBe(24);
    const all = await body.coordinator.get(`/api/agreements?bodyId=${body.bodyId}&overdue=true&asOf=2021-03-31&limit=100`);
    const seq = (folio: string) => Number(folio.split(':')[0]);
    const expected = (all.body.items as { id: string; folio: string; daysOverdue: number }[])
      .sort((a, b) => b.daysOverdue - a.daysOverdue || seq(a.folio) - seq(b.folio))
      .slice(0, 20)
      .map((a) => [a.id, a.daysOverdue]);
    expect(answer.body.overdue.map((a: { id: string; daysOverdue: number }) => [a.id, a.daysOverdue])).toEqual(expected);
    // the Saturday and Sunday of 6–7 February count as many days as Friday the 5th
    const days = new Map((all.body.items as { dueDate: string; daysOverdue: number }[]).map((a) => [a.dueDate, a.daysOverdue]));
    expect(days.get('2021-02-06')).toBe(days.get('2021-02-05'));
    expect(days.get('2021-02-07')).toBe(days.get('2021-02-05'));
  });
});

describe('the trend of a body month by month', () => {
  let given: Awaited<ReturnType<typeof givenTheSnimh>>;
  beforeAll(async () => {
    given = await givenTheSnimh();
  });

  it('gives each month the figures of the dashboard as of its last day', async () => {
    const answer = await given.coordinator.get(`/api/dashboard/trend?bodyId=${given.bodyId}&months=11&asOf=2021-01-20`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.map((m: { month: string }) => m.month)).toEqual(['2020-03', '2020-04', '2020-05', '2020-06', '2020-07', '2020-08', '2020-09', '2020-10', '2020-11', '2020-12', '2021-01']);
    // before the session nothing was adopted
    expect(answer.body[0]).toEqual({ month: '2020-03', adopted: 0, enProceso: 0, cumplidos: 0, vencidos: 0 });
    const lastDays = ['2020-03-31', '2020-04-30', '2020-05-31', '2020-06-30', '2020-07-31', '2020-08-31', '2020-09-30', '2020-10-31', '2020-11-30', '2020-12-31', '2021-01-20'];
    for (const [index, day] of lastDays.entries()) {
      const { totals } = (await given.dashboard(`&asOf=${day}`)).body;
      expect(answer.body[index], day).toEqual({ month: day.slice(0, 7), adopted: totals.en_proceso + totals.cumplido + totals.cancelado, enProceso: totals.en_proceso, cumplidos: totals.cumplido, vencidos: totals.vencidos });
    }
    // 30/11/2020, the day agreement 2 is due, it is not overdue yet
    expect(answer.body[8]).toEqual({ month: '2020-11', adopted: 5, enProceso: 3, cumplidos: 1, vencidos: 1 });
  });

  it('covers the last 24 months by default, up to this month', async () => {
    const answer = await given.secretariat.get(`/api/dashboard/trend?bodyId=${given.bodyId}`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toHaveLength(24);
    const now = (await given.dashboard()).body.totals;
    expect(answer.body.at(-1)).toEqual({ month: localDateOf(new Date().toISOString(), 'America/Mexico_City').slice(0, 7), adopted: 5, enProceso: now.en_proceso, cumplidos: now.cumplido, vencidos: now.vencidos });
  });

  it('refuses a number of months out of 1–120, a future day, and anyone outside the body', async () => {
    for (const months of ['0', '121', 'doce']) {
      const answer = await given.coordinator.get(`/api/dashboard/trend?bodyId=${given.bodyId}&months=${months}`);
      expect(answer.status, months).toBe(400);
    }
    expect((await given.coordinator.get(`/api/dashboard/trend?bodyId=${given.bodyId}&asOf=2999-01-01`)).status).toBe(400);
    expect((await given.institution.get(`/api/dashboard/trend?bodyId=${given.bodyId}`)).status).toBe(403);
  });
});
