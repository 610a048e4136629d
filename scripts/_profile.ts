import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { endOfDay, foldAsOf } from '../db/agreement-history.js';
import { agreementStates } from '../db/agreement-queries.js';
import { agreementsDueOn, dashboardCounts, institutionCompliance, overdueDueDates, trendCounts } from '../db/dashboard-queries.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/tables.js';
import { businessCalendar } from '../domain/calendar.js';
import { addDays, localDateOf } from '../domain/dates.js';
import { lightThresholds } from '../domain/light-filter.js';
import { trendDays } from '../domain/trend.js';
import { createBenchData } from './lib/bench-data.js';
import { startPostgres } from './lib/postgres.js';

const fresh = !existsSync('/tmp/x/prof/pg');
const postgres = await startPostgres({ dataDir: '/tmp/x/prof/pg', port: 55999, ephemeral: false, log: () => {} });
if (fresh) await migrateToLatest(postgres.databaseUrl);
const pool = new pg.Pool({ connectionString: postgres.databaseUrl, max: 10 });
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
let bodyId = (await db.selectFrom('bodies').select('id').executeTakeFirst())?.id;
if (!bodyId) {
  ({ bodyId } = await createBenchData(db, { agreements: 10000, eventsPerAgreement: 10, institutions: 20, sessions: 40, concurrency: 6, now: new Date(), log: console.log }));
  await sql`analyze`.execute(db);
}
const today = localDateOf(new Date().toISOString(), 'America/Mexico_City');
const asOf = addDays(today, -1000);
const cal = businessCalendar([]);
const time = async (name: string, f: () => Promise<unknown>) => {
  const t: number[] = [];
  for (let i = 0; i < 15; i++) { const s = performance.now(); await f(); t.push(performance.now() - s); }
  t.sort((a, b) => a - b);
  console.log(name.padEnd(40), t[7]?.toFixed(1), t[13]?.toFixed(1));
};
const b = bodyId;
for (const [label, day, cutoff] of [['now', today, null], ['asOf', asOf, endOfDay(asOf, 'America/Mexico_City')]] as const) {
  const th = lightThresholds(day, cal, 5);
  const scope = { bodyId: b, cutoff };
  await time('count(*)', () => sql`select count(*) from events`.execute(db));
  await time(`${label} counts`, () => dashboardCounts(db, scope, th));
  await time(`${label} institutions`, () => institutionCompliance(db, scope, th));
  await time(`${label} overdueDueDates`, () => overdueDueDates(db, scope, th));
  const dates = (await overdueDueDates(db, scope, th)).slice(0, 5).map((d) => d.dueDate);
  await time(`${label} dueOn`, () => agreementsDueOn(db, scope, dates));
  const ids = (await agreementsDueOn(db, scope, dates)).slice(0, 20).map((r) => r.id);
  await time(`${label} whole`, () => (cutoff === null ? agreementStates(db, ids) : foldAsOf(db, ids, cutoff)));
  const points = trendDays(day, 24).map(({ month, day: d }) => ({ month, cutoff: endOfDay(d, 'America/Mexico_City'), overdueUntil: addDays(d, -1) }));
  await time(`${label} trend`, () => trendCounts(db, b, points));
}
console.log((await sql`select count(*) from agreement_periods`.execute(db)).rows);
await db.destroy();
await postgres.stop();
