// `npm run fuzz`: the HTTP API checked against its own OpenAPI document by a
// conformance fuzzer nobody here wrote, Schemathesis (`--checks all`, every
// phase, the stateful one included), once with an administrator's token and
// once with a secretariat's. It starts the whole stack on free ports with
// throw-away data (PostgreSQL, Temporal dev server, worker and API, each its
// own process as in production), gives it a body with institutions,
// sessions, milestones and agreements to work on, installs Schemathesis in a
// per-user virtualenv when missing, and stops everything. Exit code 0 only
// when both runs report no failure.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import { migrateToLatest } from '../db/migrate.js';
import { getFreePort, waitForPort } from './lib/free-port.js';
import { startPostgres, type PostgresHandle } from './lib/postgres.js';
import { formatDuration, spawnManaged, stopAllChildren, tailOf, type ManagedProcess } from './lib/process.js';
import { ensureTemporalCli } from './lib/temporal-cli.js';
import { startTemporalServer, type TemporalHandle } from './lib/temporal-server.js';
import { startWorkerProcess } from './lib/worker-process.js';

const SCHEMATHESIS_VERSION = '4.32.5';
// Test cases per operation and phase: enough to reach every declared
// constraint, few enough that both runs take minutes on two cores.
const MAX_EXAMPLES = Number(process.env.FUZZ_MAX_EXAMPLES ?? 15);
const root = fileURLToPath(new URL('..', import.meta.url));
const say = (line: string) => console.log(`[fuzz] ${line}`);

interface Stack {
  apiUrl: string;
  adminToken: string;
  dir: string;
  stop(): Promise<void>;
}

async function startStack(): Promise<Stack> {
  const dir = await mkdtemp(join(tmpdir(), 'acuerdos-fuzz-'));
  // As root, PostgreSQL runs as `postgres`, which must be able to enter it.
  await chmod(dir, 0o755);
  let postgres: PostgresHandle | undefined;
  let temporal: TemporalHandle | undefined;
  let worker: Awaited<ReturnType<typeof startWorkerProcess>> | undefined;
  let api: ManagedProcess | undefined;
  const stop = async () => {
    await api?.stop();
    if (worker && worker.exitCode === null) {
      const exited = new Promise((resolve) => worker?.once('exit', resolve));
      worker.kill('SIGTERM');
      await exited;
    }
    await temporal?.stop();
    await postgres?.stop();
    await stopAllChildren();
    if (process.env.FUZZ_KEEP_DATA) say(`datos y registros conservados en ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  };
  try {
    const cli = await ensureTemporalCli({ log: say });
    postgres = await startPostgres({ dataDir: join(dir, 'postgres'), port: await getFreePort(), ephemeral: true, log: say });
    temporal = await startTemporalServer({ cliPath: cli.path, dataDir: join(dir, 'temporal'), port: await getFreePort(), uiPort: null, log: say });
    await migrateToLatest(postgres.databaseUrl);
    const adminToken = randomBytes(24).toString('base64url');
    const port = await getFreePort();
    const env = {
      ...process.env,
      DATABASE_URL: postgres.databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: 'acuerdos-fuzz',
      ACUERDOS_ADMIN_TOKEN: adminToken,
      PORT: String(port),
      HOST: '127.0.0.1',
      FILES_DIR: join(dir, 'files'),
      SMTP_URL: '',
    };
    worker = await startWorkerProcess(env);
    const apiLog = join(dir, 'api.log');
    api = spawnManaged('api', process.execPath, ['--import', 'tsx', 'api/main.ts'], { cwd: root, env, output: { kind: 'file', path: apiLog }, graceMs: 10_000 });
    const running = api;
    await waitForPort(port, '127.0.0.1', 60_000, () => (running.isRunning() ? undefined : 'la API terminó al arrancar'));
    say(`pila lista: PostgreSQL ${postgres.port}, Temporal ${temporal.address}, API en el puerto ${port} (registro: ${apiLog})`);
    return { apiUrl: `http://127.0.0.1:${port}/api`, adminToken, dir, stop };
  } catch (error) {
    if (api) console.error(await tailOf(join(dir, 'api.log')));
    await stop();
    throw error;
  }
}

// Something for every route to find: a public body with two institutions, a
// held session, a milestone, agreements under several deadline rules, one with
// evidence under review; the secretariat's token is returned for its run.
async function seedData(apiUrl: string, adminToken: string) {
  const call = async <T>(token: string, method: string, path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${apiUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const body = await call<{ id: string }>(adminToken, 'POST', '/bodies', { name: 'Órgano de prueba de conformidad', acronym: 'FUZZ', public: true });
  const institutions = [];
  for (const acronym of ['INSTA', 'INSTB']) {
    institutions.push(await call<{ id: string }>(adminToken, 'POST', '/institutions', { name: `Institución ${acronym}`, acronym, emails: [`enlace@${acronym.toLowerCase()}.example`] }));
  }
  const token = async (grant: object) => (await call<{ token: string }>(adminToken, 'POST', '/tokens', { label: 'fuzz', ...grant })).token;
  const secretariat = await token({ role: 'secretariat', bodyId: body.id });
  const institution = await token({ role: 'institution', institutionId: institutions[0]?.id });
  const session = await call<{ id: string }>(secretariat, 'POST', '/sessions', { bodyId: body.id, kind: 'ordinaria', number: 1, date: '2024-03-15' });
  const milestone = await call<{ id: string }>(secretariat, 'POST', '/milestones', { bodyId: body.id, name: 'Publicación del programa' });
  const deadlines = [
    { type: 'business_days', days: 15, from: 'adoption' },
    { type: 'date', date: '2030-12-31' },
    { type: 'months', months: 3, from: { milestoneId: milestone.id } },
    { type: 'none' },
  ];
  const agreements = [];
  for (const [i, deadline] of deadlines.entries()) {
    agreements.push(
      await call<{ id: string }>(secretariat, 'POST', '/agreements', {
        sessionId: session.id,
        text: `Acuerdo de prueba ${i + 1}.`,
        responsibleInstitutionIds: institutions.map((x) => x.id),
        deadline,
      }),
    );
  }
  await call(institution, 'POST', `/agreements/${agreements[0]?.id}/evidence`, { institutionId: institutions[0]?.id, description: 'Se envió el informe.', links: ['https://example.org/informe'] });
  return { bodyId: body.id, secretariat };
}

const venvDir = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'acuerdos', 'schemathesis', SCHEMATHESIS_VERSION);
const st = join(venvDir, 'bin', 'st');

async function ensureSchemathesis(): Promise<string> {
  if (existsSync(st)) return st;
  say(`instalando Schemathesis ${SCHEMATHESIS_VERSION} en ${venvDir} (una vez por máquina)…`);
  await mkdir(venvDir, { recursive: true });
  const run = promisify(execFile);
  await run('python3', ['-m', 'venv', venvDir]);
  await new Promise<void>((resolve, reject) => {
    const pip = spawn(join(venvDir, 'bin', 'pip'), ['install', '--progress-bar', 'off', `schemathesis==${SCHEMATHESIS_VERSION}`], { stdio: ['ignore', 'inherit', 'inherit'] });
    pip.once('error', reject);
    pip.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pip install terminó con código ${code}`))));
  });
  if (!existsSync(st)) throw new Error(`pip no dejó ${st}`);
  return st;
}

// Checks that contradict CONTRACT.md, each with why; every other check runs.
// - positive_data_acceptance takes any 400 to a request the document allows as
//   a fault. CONTRACT §2 answers 400, naming the field, for rules no JSON
//   Schema can state: a cursor must be one the API issued (it is opaque), an
//   `asOf` or `occurredAt` may not lie in the future nor an `occurredAt` before
//   the agreement's adoption, a non-working range must not end before it
//   starts, a referenced body, session or institution must exist. Every rule
//   a schema can state is declared (formats, patterns, enums, bounds, a
//   rejection's required comment), and the rest are tested by the project's
//   own tests.
const EXCLUDED_CHECKS = ['positive_data_acceptance'];

// What is generated: no U+0000 in strings. PostgreSQL text cannot hold it, so
// the API refuses it in every field (400), as the document's introduction
// says; drawn into every string, it would only hide the other faults.
const GENERATION_LIMITS = ['--generation-allow-x00', 'false'];

interface RunResult {
  who: string;
  exitCode: number;
  generated: number;
  failures: number;
}

async function runSchemathesis(stPath: string, stack: Stack, who: string, token: string): Promise<RunResult> {
  const reportDir = join(stack.dir, `schemathesis-${who}`);
  const args = [
    'run',
    `${stack.apiUrl}/openapi.json`,
    '--url',
    stack.apiUrl.replace(/\/api$/, ''),
    '--checks',
    'all',
    ...EXCLUDED_CHECKS.flatMap((check) => ['--exclude-checks', check]),
    ...GENERATION_LIMITS,
    '--header',
    `Authorization: Bearer ${token}`,
    '--max-examples',
    String(MAX_EXAMPLES),
    '--workers',
    '2',
    '--seed',
    process.env.FUZZ_SEED ?? '20261201',
    '--generation-database',
    'none',
    '--report',
    'json',
    '--report-json-path',
    join(reportDir, 'report.json'),
    '--no-color',
  ];
  say(`Schemathesis con el token de ${who}…`);
  const started = Date.now();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(stPath, args, { cwd: stack.dir, stdio: ['ignore', 'inherit', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
  const report: unknown = JSON.parse(await readFile(join(reportDir, 'report.json'), 'utf8').catch(() => '{}'));
  const { generated, failures } = summaryOf(report);
  say(`${who}: ${generated} casos de prueba generados, ${failures} fallas, en ${formatDuration(Date.now() - started)}`);
  return { who, exitCode, generated, failures };
}

// Schemathesis' JSON report: how many test cases it generated (each one
// request, or a sequence of them in the stateful phase) and its distinct failures.
const Report = z.object({
  test_cases: z.object({ generated: z.number(), unique_failures: z.number() }),
  failures: z.array(z.object({ code: z.string(), title: z.string(), count: z.number() })).default([]),
});

function summaryOf(report: unknown): { generated: number; failures: number } {
  const parsed = Report.safeParse(report);
  if (!parsed.success) return { generated: 0, failures: Number.NaN };
  for (const f of parsed.data.failures) say(`  ${f.code} ${f.title}: ${f.count}`);
  return { generated: parsed.data.test_cases.generated, failures: parsed.data.test_cases.unique_failures };
}

async function main(): Promise<number> {
  const started = Date.now();
  // The install (once per machine) while the stack starts; neither is left behind if the other fails.
  const [installed, stackStart] = await Promise.allSettled([ensureSchemathesis(), startStack()]);
  if (stackStart.status === 'rejected') throw stackStart.reason;
  const stack = stackStart.value;
  try {
    if (installed.status === 'rejected') throw installed.reason;
    const stPath = installed.value;
    const { secretariat } = await seedData(stack.apiUrl, stack.adminToken);
    // The secretariat first: the administrator's run may revoke tokens it finds.
    const results = [await runSchemathesis(stPath, stack, 'secretaría', secretariat), await runSchemathesis(stPath, stack, 'administración', stack.adminToken)];
    for (const r of results) say(`${r.who}: ${r.generated} casos de prueba, ${r.failures} fallas (código ${r.exitCode})`);
    say(`total: ${formatDuration(Date.now() - started)}`);
    return results.every((r) => r.exitCode === 0 && r.failures === 0) ? 0 : 1;
  } finally {
    await stack.stop();
  }
}

process.exitCode = await main();
