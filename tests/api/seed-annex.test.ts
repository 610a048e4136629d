import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo, type SeedReport } from '../../app/seed/seed-demo.js';
import { asAdmin, apiAs } from '../support/api-client.js';
import { useHarness } from '../support/use-harness.js';

// Annex I of the SNIMH's 2020 report (../shared/seeds/003): the status of
// each agreement, by folio number, as of 31/12/2020.
const ANNEX_I: Record<number, string> = {
  34: 'CUMPLIDO',
  35: 'CUMPLIDO',
  36: 'CUMPLIDO',
  37: 'EN PROCESO',
  38: 'CUMPLIDO',
  39: 'CUMPLIDO',
  40: 'CUMPLIDO',
  41: 'CUMPLIDO',
  42: 'CUMPLIDO',
  43: 'CUMPLIDO',
  44: 'CUMPLIDO',
  45: 'EN PROCESO',
  46: 'CUMPLIDO',
  47: 'CUMPLIDO',
  48: 'CUMPLIDO',
  49: 'EN PROCESO',
  50: 'EN PROCESO',
  51: 'EN PROCESO',
  52: 'CUMPLIDO',
  53: 'EN PROCESO',
  54: 'CUMPLIDO',
  55: 'EN PROCESO',
};

const h = useHarness();
let seeded: SeedReport;
let coordinator: ReturnType<typeof apiAs>;
let coordinatorToken: string;

beforeAll(async () => {
  seeded = await seedDemo({ db: h.db, temporal: h.temporal, taskQueue: h.taskQueue });
  const issued = await asAdmin(h.app).post('/api/tokens', { role: 'coordinator', bodyId: seeded.bodyId, label: 'coordinación del SNIMH' });
  coordinatorToken = issued.body.token;
  coordinator = apiAs(h.app, coordinatorToken);
}, 300_000);

const tokenHeader = () => ({ authorization: `Bearer ${coordinatorToken}` });

async function eventCount(): Promise<number> {
  const { rows } = await sql<{ n: string }>`select count(*) as n from events where stream_id in (select 'agreement-' || id from agreements where body_id = ${seeded.bodyId})`.execute(h.db);
  return Number(rows[0]?.n);
}

describe('the SNIMH demo seed', () => {
  it('as of 31/12/2020 the annex lists agreements 34–55 of sessions 19–22 with the statuses of Annex I', async () => {
    const response = await coordinator.get(`/api/reports/annex?bodyId=${seeded.bodyId}&asOf=2020-12-31&format=json`);
    expect(response.status).toBe(200);
    const csv = await h.app.inject({ method: 'GET', url: `/api/reports/annex?bodyId=${seeded.bodyId}&asOf=2020-12-31&format=csv`, headers: tokenHeader() });
    expect(csv.statusCode).toBe(200);
    const [header, ...rows] = parse(csv.body, { bom: true }) as string[][];
    expect(header).toEqual(['SESIÓN', 'NÚMERO DE ACUERDO', 'ACUERDO', 'ESTATUS DEL ACUERDO']);
    expect(rows.map((r) => r[1])).toEqual([
      '34:22/11/2019', '35:22/11/2019', '36:22/11/2019', '37:22/11/2019', '38:22/11/2019',
      '39:24/04/2020', '40:24/04/2020', '41:24/04/2020', '42:24/04/2020', '43:24/04/2020',
      '44:30/09/2020', '45:30/09/2020', '46:30/09/2020', '47:30/09/2020', '48:30/09/2020', '49:30/09/2020', '50:30/09/2020', '51:30/09/2020',
      '52:9/12/2020', '53:9/12/2020', '54:9/12/2020', '55:9/12/2020',
    ]);
    expect(Object.fromEntries(rows.map((r) => [Number(r[1]?.split(':')[0]), r[3]]))).toEqual(ANNEX_I);
    // The SESIÓN cells of Annex I: the ordinal alone, "Décimo Novena" as the report spells it.
    expect([...new Set(rows.map((r) => r[0]))]).toEqual(['Décimo Novena', 'Vigésima', 'Vigésima Primera', 'Vigésima Segunda']);
    expect(rows.filter((r) => r[0] === 'Décimo Novena').map((r) => r[1]?.split(':')[0])).toEqual(['34', '35', '36', '37', '38']);
    expect(response.body.title).toBe('Seguimiento a los acuerdos de las sesiones Décimo Novena, Vigésima, Vigésima Primera y Vigésima Segunda (SNIMH)');
    expect(rows[2]?.[2]).toContain('firmado por el Presidente de la República, Lic. Andrés Manuel López Obrador.');
  });

  it('today the annex shows what was completed in 2021: 45 and 53 are fulfilled, 49 still waits', async () => {
    const response = await h.app.inject({ method: 'GET', url: `/api/reports/annex?bodyId=${seeded.bodyId}&format=csv`, headers: tokenHeader() });
    const rows = (parse(response.body, { bom: true }) as string[][]).slice(1);
    const status = Object.fromEntries(rows.map((r) => [Number(r[1]?.split(':')[0]), r[3]]));
    expect(status).toMatchObject({ 45: 'CUMPLIDO', 53: 'CUMPLIDO', 49: 'EN PROCESO', 37: 'EN PROCESO' });
  });

  it('dates the deadlines as the texts state them, milestones included', async () => {
    const list = await coordinator.get(`/api/agreements?bodyId=${seeded.bodyId}&limit=50`);
    const bySeq = new Map(list.body.items.map((a: { folio: string }) => [Number(a.folio.split(':')[0]), a]));
    expect(bySeq.get(45)).toMatchObject({ dueDate: '2020-12-30', fulfilledOn: '2021-02-03' });
    expect(bySeq.get(49)).toMatchObject({ dueDate: '2021-03-22', status: 'en_proceso', deadline: { type: 'months', months: 3 } });
    expect(bySeq.get(53)).toMatchObject({ dueDate: '2021-03-31', fulfilledOn: '2021-03-10' });
    expect(bySeq.get(34)).toMatchObject({ dueDate: '2019-12-10', fulfilledOn: '2019-12-11' });
  });

  it('loading it again records nothing new', async () => {
    const before = await eventCount();
    const again = await seedDemo({ db: h.db, temporal: h.temporal, taskQueue: h.taskQueue });
    expect(again.bodyId).toBe(seeded.bodyId);
    expect(await eventCount()).toBe(before);
    const agreements = await h.db.selectFrom('agreements').select('id').where('body_id', '=', seeded.bodyId).execute();
    expect(agreements).toHaveLength(22);
  });
});
