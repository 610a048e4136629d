// `npm run bench`: latency of the coordinator's read paths (dashboard and its
// trend, lists, search, as of a past day) on a body with
// 10,000 agreements and 100,000 events, against a plain
// `SELECT count(*) FROM events` measured in the same run, so the figures can
// be compared across machines as ratios.
//
// It builds a throw-away database: a fresh embedded PostgreSQL in a temporary
// directory, or, with DATABASE_URL, a new database on that server (dropped at
// the end). The read paths are called through the real HTTP routes (inject,
// with a coordinator's token); no Temporal is needed to read.
//
// BENCH_AGREEMENTS (10000), BENCH_EVENTS_PER_AGREEMENT (10), BENCH_RUNS (30).
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@temporalio/client';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../api/app.js';
import { localFileStore } from '../api/storage/local-file-store.js';
import type { Db } from '../db/connection.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Database } from '../db/tables.js';
import { issueToken } from '../db/tokens.js';
import { addDays, localDateOf } from '../domain/dates.js';
import { createBenchData } from './lib/bench-data.js';
import { getFreePort } from './lib/free-port.js';
import { startPostgres } from './lib/postgres.js';
import { quantile } from './bench-lifecycle/stats.js';

const say = (line: string) => console.log(`[bench] ${line}`);

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}=${raw} no es un entero positivo`);
  return value;
}

interface Throwaway {
  databaseUrl: string;
  dispose(): Promise<void>;
}

async function throwawayDatabase(): Promise<Throwaway> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `acuerdos_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: external });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(external);
    url.pathname = `/${name}`;
    say(`base desechable ${name} en el servidor de DATABASE_URL`);
    return {
      databaseUrl: url.toString(),
      async dispose() {
        const client = new pg.Client({ connectionString: external });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'acuerdos-bench-'));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter it.
  await chmod(dir, 0o755);
  const postgres = await startPostgres({ dataDir: join(dir, 'postgres'), port: await getFreePort(), ephemeral: true, log: say });
  return {
    databaseUrl: postgres.databaseUrl,
    async dispose() {
      await postgres.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

interface Probe {
  name: string;
  run(): Promise<void>;
}

// Runs every probe `runs` times, interleaved so that whatever else the machine
// does weighs on all of them alike, after two warm-up rounds.
async function measure(probes: readonly Probe[], runs: number): Promise<Map<string, number[]>> {
  const times = new Map(probes.map((probe) => [probe.name, [] as number[]]));
  for (let round = -2; round < runs; round += 1) {
    for (const probe of probes) {
      const started = performance.now();
      await probe.run();
      const elapsed = performance.now() - started;
      if (round >= 0) times.get(probe.name)?.push(elapsed);
    }
  }
  return times;
}

function report(times: Map<string, number[]>, baselineName: string, runs: number): void {
  const stats = new Map([...times].map(([name, list]) => {
    return [name, { p50: quantile(list, 0.5), p95: quantile(list, 0.95) }];
  }));
  const baseline = stats.get(baselineName);
  if (!baseline) throw new Error('sin línea base');
  const width = Math.max(...[...stats.keys()].map((name) => name.length));
  const ms = (value: number) => value.toFixed(1).padStart(8);
  const ratio = (value: number, base: number) => `${(value / base).toFixed(1)}×`.padStart(8);
  console.log(`\n${runs} corridas por consulta; razones respecto de la línea base (${baselineName}).\n`);
  console.log(`${'consulta'.padEnd(width)}  ${'p50 ms'.padStart(8)}  ${'p95 ms'.padStart(8)}  ${'p50 ×'.padStart(8)}  ${'p95 ×'.padStart(8)}`);
  for (const [name, s] of stats) {
    console.log(`${name.padEnd(width)}  ${ms(s.p50)}  ${ms(s.p95)}  ${ratio(s.p50, baseline.p50)}  ${ratio(s.p95, baseline.p95)}`);
  }
}

async function main(): Promise<void> {
  const agreements = positiveInt('BENCH_AGREEMENTS', 10_000);
  const eventsPerAgreement = positiveInt('BENCH_EVENTS_PER_AGREEMENT', 10);
  const runs = positiveInt('BENCH_RUNS', 30);
  const database = await throwawayDatabase();
  let db: Db | undefined;
  try {
    await migrateToLatest(database.databaseUrl);
    const pool = new pg.Pool({ connectionString: database.databaseUrl, max: 10 });
    // Closed connections may still be saying goodbye when the server stops at the end.
    pool.on('error', () => {});
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const started = Date.now();
    say(`creando ${agreements} acuerdos con ${eventsPerAgreement} eventos cada uno…`);
    const { bodyId } = await createBenchData(db, { agreements, eventsPerAgreement, institutions: 20, sessions: 40, concurrency: 6, now: new Date(), log: say });
    await sql`analyze`.execute(db);
    const counts = await sql<{ events: string; agreements: string; overdue: string }>`
      select (select count(*) from events) as events, (select count(*) from agreements) as agreements,
             (select count(*) from agreements where status = 'en_proceso' and due_date < current_date) as overdue`.execute(db);
    const row = counts.rows[0];
    say(`datos listos en ${Math.round((Date.now() - started) / 1000)} s: ${row?.events} eventos, ${row?.agreements} acuerdos, ~${row?.overdue} vencidos`);

    // Reads need no Temporal: the client is never connected; nor a file store:
    // nothing is uploaded, so it never writes.
    const app = await buildApp({ db, temporal: new Client(), taskQueue: 'bench', adminToken: undefined, files: localFileStore(join(tmpdir(), 'acuerdos-bench-files')) });
    const { token } = await issueToken(db, { role: 'coordinator', bodyId, institutionId: null, label: 'bench' });
    const get = (url: string) => async () => {
      const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      if (response.statusCode !== 200) throw new Error(`${url} → ${response.statusCode}: ${response.body}`);
    };
    const connection = db;
    // A day in the middle of the history (sessions run from 2019 to last month).
    const asOf = addDays(localDateOf(new Date().toISOString(), 'America/Mexico_City'), -1000);
    // Keyset pagination costs the same deep in the list: the cursor of page 50
    // (or of the last page, when there are fewer).
    let deepCursor = '';
    let deepPage = 1;
    while (deepPage < 50) {
      const response = await app.inject({ method: 'GET', url: `/api/agreements?bodyId=${bodyId}&overdue=true${deepCursor ? `&cursor=${deepCursor}` : ''}`, headers: { authorization: `Bearer ${token}` } });
      const next = (response.json() as { nextCursor: string | null }).nextCursor;
      if (!next) break;
      deepCursor = next;
      deepPage += 1;
    }
    const probes: Probe[] = [
      { name: 'SELECT count(*) FROM events', run: async () => void (await sql`select count(*) from events`.execute(connection)) },
      { name: 'GET /dashboard', run: get(`/api/dashboard?bodyId=${bodyId}`) },
      { name: 'GET /agreements?overdue=true', run: get(`/api/agreements?bodyId=${bodyId}&overdue=true`) },
      ...(deepCursor ? [{ name: `GET /agreements?overdue=true, página ${deepPage}`, run: get(`/api/agreements?bodyId=${bodyId}&overdue=true&cursor=${deepCursor}`) }] : []),
      { name: 'GET /agreements?q=publicación', run: get(`/api/agreements?bodyId=${bodyId}&q=${encodeURIComponent('publicación')}`) },
      { name: `GET /dashboard?asOf=${asOf}`, run: get(`/api/dashboard?bodyId=${bodyId}&asOf=${asOf}`) },
      { name: 'GET /dashboard/trend (24 meses)', run: get(`/api/dashboard/trend?bodyId=${bodyId}&months=24`) },
      { name: `GET /dashboard/trend?asOf=${asOf} (24 meses)`, run: get(`/api/dashboard/trend?bodyId=${bodyId}&months=24&asOf=${asOf}`) },
      { name: `GET /agreements?overdue=true&asOf=${asOf}`, run: get(`/api/agreements?bodyId=${bodyId}&overdue=true&asOf=${asOf}`) },
    ];
    report(await measure(probes, runs), 'SELECT count(*) FROM events', runs);
    await app.close();
  } finally {
    await db?.destroy();
    await database.dispose();
  }
}

await main();
