import { sql, type ExpressionBuilder } from 'kysely';
import type { AgreementStatus } from '../domain/agreement/status.js';
import type { DashboardTotals, InstitutionCompliance, LightCounts } from '../domain/dashboard.js';
import { complianceRate } from '../domain/dashboard.js';
import type { LocalDate } from '../domain/dates.js';
import type { LightThresholds } from '../domain/light-filter.js';
import type { Db } from './connection.js';
import type { Database } from './tables.js';

// What a dashboard counts: a body's agreements now (the read model), or as
// they stood at a cutoff instant (their periods, migration 0010). Either way
// the counting is done by PostgreSQL, with the light thresholds of the
// reference day computed once (domain/light-filter.ts): the same rule as
// summarizeDashboard (domain/dashboard.ts), which the tests hold them to.
export interface DashboardScope {
  bodyId: string;
  cutoff: Date | null;
}

function inPeriod(eb: ExpressionBuilder<Database, 'agreement_periods'>, cutoff: Date) {
  return eb.and([eb('agreement_periods.valid_from', '<', cutoff), eb.or([eb('agreement_periods.valid_until', 'is', null), eb('agreement_periods.valid_until', '>=', cutoff)])]);
}

// id, seq, status, due_date of each agreement of the scope.
function agreementsOf(db: Db, { bodyId, cutoff }: DashboardScope) {
  if (cutoff === null) return db.selectFrom('agreements').where('body_id', '=', bodyId).select(['id', 'seq', 'status', 'due_date']);
  return db
    .selectFrom('agreement_periods')
    .where('body_id', '=', bodyId)
    .where((eb) => inPeriod(eb, cutoff))
    .select(['agreement_id as id', 'seq', 'status', 'due_date']);
}

// institution_id, state of each responsible, with its agreement's status and
// due_date, from the periods' responsibles (the current ones: the read model now).
function responsiblesOf(db: Db, { bodyId, cutoff }: DashboardScope) {
  const query = db.selectFrom('agreement_period_responsibles as r').where('r.body_id', '=', bodyId).select(['r.institution_id', 'r.state', 'r.status', 'r.due_date']);
  if (cutoff === null) return query.where('r.valid_until', 'is', null);
  return query.where('r.valid_from', '<', cutoff).where((eb) => eb.or([eb('r.valid_until', 'is', null), eb('r.valid_until', '>=', cutoff)]));
}

export async function dashboardCounts(db: Db, scope: DashboardScope, t: LightThresholds): Promise<{ totals: DashboardTotals; bySemaforo: LightCounts }> {
  const rows = await db
    .selectFrom(agreementsOf(db, scope).as('a'))
    .select((eb) => [
      'a.status',
      eb.fn.countAll<string>().as('all'),
      eb.fn.countAll<string>().filterWhere('a.due_date', 'is', null).as('sin_plazo'),
      eb.fn.countAll<string>().filterWhere('a.due_date', '<=', t.overdueUntil).as('rojo'),
      eb.fn.countAll<string>().filterWhere((f) => f.and([f('a.due_date', '>=', t.warningFrom), f('a.due_date', '<=', t.warningUntil)])).as('amarillo'),
      eb.fn.countAll<string>().filterWhere('a.due_date', '>', t.warningUntil).as('verde'),
    ])
    .groupBy('a.status')
    .execute();
  const totals: DashboardTotals = { en_proceso: 0, cumplido: 0, cancelado: 0, vencidos: 0 };
  const bySemaforo: LightCounts = { verde: 0, amarillo: 0, rojo: 0, sin_plazo: 0 };
  for (const row of rows) {
    totals[row.status as AgreementStatus] = Number(row.all);
    if (row.status !== 'en_proceso') continue;
    bySemaforo.verde = Number(row.verde);
    bySemaforo.amarillo = Number(row.amarillo);
    bySemaforo.rojo = Number(row.rojo);
    bySemaforo.sin_plazo = Number(row.sin_plazo);
  }
  totals.vencidos = bySemaforo.rojo;
  return { totals, bySemaforo };
}

// Per responsible institution, as summarizeDashboard counts them: cancelled
// agreements bind nobody; a part is done when its state or the whole
// agreement is cumplido; owed parts of an overdue agreement are vencidos.
export async function institutionCompliance(db: Db, scope: DashboardScope, t: LightThresholds): Promise<InstitutionCompliance[]> {
  const rows = await db
    .selectFrom(responsiblesOf(db, scope).as('r'))
    .select((eb) => {
      const owed = eb.and([eb('r.status', '=', 'en_proceso'), eb('r.state', '!=', 'cumplido')]);
      return [
        'r.institution_id',
        eb.fn.countAll<string>().filterWhere(owed).as('en_proceso'),
        eb.fn.countAll<string>().filterWhere((f) => f.or([f('r.status', '=', 'cumplido'), f.and([f('r.status', '!=', 'cancelado'), f('r.state', '=', 'cumplido')])])).as('cumplidos'),
        eb.fn.countAll<string>().filterWhere((f) => f.and([owed, f('r.due_date', '<=', t.overdueUntil)])).as('vencidos'),
      ];
    })
    .groupBy('r.institution_id')
    .execute();
  return rows.map((row) => {
    const counts = { enProceso: Number(row.en_proceso), cumplidos: Number(row.cumplidos), vencidos: Number(row.vencidos) };
    return { institutionId: row.institution_id, ...counts, complianceRate: complianceRate(counts) };
  });
}

// How many overdue agreements fall due on each date.
export async function overdueDueDates(db: Db, scope: DashboardScope, t: LightThresholds): Promise<{ dueDate: LocalDate; count: number }[]> {
  const rows = await db
    .selectFrom(agreementsOf(db, scope).as('a'))
    .where('a.status', '=', 'en_proceso')
    .where('a.due_date', '<=', t.overdueUntil)
    .select((eb) => ['a.due_date', eb.fn.countAll<string>().as('count')])
    .groupBy('a.due_date')
    .execute();
  return rows.flatMap((row) => (row.due_date === null ? [] : [{ dueDate: row.due_date, count: Number(row.count) }]));
}

// The en_proceso agreements of the scope due on some dates.
export async function agreementsDueOn(db: Db, scope: DashboardScope, dates: readonly LocalDate[]): Promise<{ id: string; seq: number; dueDate: LocalDate }[]> {
  if (dates.length === 0) return [];
  const rows = await db
    .selectFrom(agreementsOf(db, scope).as('a'))
    .where('a.status', '=', 'en_proceso')
    .where((eb) => eb('a.due_date', '=', eb.fn.any(sql<LocalDate[]>`${dates}::date[]`)))
    .select(['a.id', 'a.seq', 'a.due_date'])
    .execute();
  return rows.flatMap((row) => (row.due_date === null ? [] : [{ id: row.id, seq: row.seq, dueDate: row.due_date }]));
}

// Per month of a trend: the body's agreements as of `cutoff`, counted on the
// reference day whose overdue threshold is `overdueUntil`; both ascending.
export interface TrendPoint {
  month: string;
  cutoff: Date;
  overdueUntil: LocalDate;
}

export interface TrendCounts {
  adopted: number;
  enProceso: number;
  cumplidos: number;
  vencidos: number;
}

// A period covers the months m with valid_from < cutoff[m] ≤ valid_until, the
// months [from, until) counted by width_bucket over the ascending cutoffs; and
// an en_proceso one is overdue from the first month whose overdueUntil reaches
// its due date. PostgreSQL groups the periods by those three month indexes
// (a few hundred groups for thousands of agreements), one scan; each group
// then adds its count to the months it spans, through difference arrays.
export async function trendCounts(db: Db, bodyId: string, points: readonly TrendPoint[]): Promise<TrendCounts[]> {
  const cutoffs = points.map((p) => p.cutoff.toISOString());
  const overdueUntil = points.map((p) => p.overdueUntil);
  const first = cutoffs[0];
  const last = cutoffs.at(-1);
  if (first === undefined || last === undefined) return [];
  const { rows } = await sql<{ status: string; from_month: number; until_month: number; overdue_month: number | null; count: string }>`
    select status,
           width_bucket(valid_from, ${cutoffs}::timestamptz[]) as from_month,
           coalesce(width_bucket(valid_until, ${cutoffs}::timestamptz[]), ${points.length}) as until_month,
           width_bucket(due_date - 1, ${overdueUntil}::date[]) as overdue_month,
           count(*) as count
      from agreement_periods
     where body_id = ${bodyId} and valid_from < ${last}::timestamptz and (valid_until is null or valid_until >= ${first}::timestamptz)
     group by 1, 2, 3, 4`.execute(db);
  const deltas = { adopted: new Array<number>(points.length + 1).fill(0), enProceso: new Array<number>(points.length + 1).fill(0), cumplidos: new Array<number>(points.length + 1).fill(0), vencidos: new Array<number>(points.length + 1).fill(0) };
  const add = (series: number[], from: number, until: number, count: number) => {
    if (from >= until) return;
    series[from] = (series[from] ?? 0) + count;
    series[until] = (series[until] ?? 0) - count;
  };
  for (const row of rows) {
    const count = Number(row.count);
    add(deltas.adopted, row.from_month, row.until_month, count);
    if (row.status === 'cumplido') add(deltas.cumplidos, row.from_month, row.until_month, count);
    if (row.status !== 'en_proceso') continue;
    add(deltas.enProceso, row.from_month, row.until_month, count);
    if (row.overdue_month !== null) add(deltas.vencidos, Math.max(row.from_month, row.overdue_month), row.until_month, count);
  }
  const running = { adopted: 0, enProceso: 0, cumplidos: 0, vencidos: 0 };
  return points.map((_, month) => {
    running.adopted += deltas.adopted[month] ?? 0;
    running.enProceso += deltas.enProceso[month] ?? 0;
    running.cumplidos += deltas.cumplidos[month] ?? 0;
    running.vencidos += deltas.vencidos[month] ?? 0;
    return { ...running };
  });
}
