// `npm run bench:lifecycle`: how fast agreements are registered end to end (HTTP
// → Temporal update-with-start → activities → event store and read model) and
// how much memory the worker holds with 1,000 open agreements. Machines are
// shared and noisy, so each figure comes with a baseline measured in the same
// run: a plain append of the same event to the store without Temporal, and the
// idle worker's memory.
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { buildApp } from '../api/app.js';
import { localFileStore } from '../api/storage/local-file-store.js';
import { projectAgreement } from '../db/agreement-projection.js';
import { createDb } from '../db/connection.js';
import { appendToStream } from '../db/event-store.js';
import { migrateToLatest } from '../db/migrate.js';
import { agreementStreamId } from '../domain/agreement/index.js';
import { inParallel } from '../app/fan-out.js';
import { getFreePort } from './lib/free-port.js';
import { startPostgres } from './lib/postgres.js';
import { ensureTemporalCli } from './lib/temporal-cli.js';
import { startTemporalOnPostgres } from './lib/temporal-postgres.js';
import { startTemporalServer } from './lib/temporal-server.js';
import { ensureTemporalServerTools } from './lib/temporal-server-tools.js';
import { bareWorkflow, registerUpdate } from './bench-workflows/bare.js';
import { startWorkerProcess } from './lib/worker-process.js';

const AGREEMENTS = Number(process.env.BENCH_AGREEMENTS ?? 1000);
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 200);
const CONCURRENCY = 8;
const ADMIN = `bench-${randomUUID()}`;
const say = (line: string) => console.log(line);

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

// RSS alone cannot tell live objects from memory V8 keeps or never gave back,
// so the worker also reports its heap after a full GC, through a probe loaded
// into it (a data: URL, so nothing of the bench ships with the worker). It
// listens to SIGWINCH: Temporal's runtime takes SIGUSR2 as a shutdown signal.
const probe = `import { writeFileSync } from 'node:fs';
process.on('SIGWINCH', () => {
  gc();
  const { heapUsed, external } = process.memoryUsage();
  writeFileSync(process.env.BENCH_HEAP_FILE, JSON.stringify({ heapUsed, external }));
});`;
const probeOptions = `--expose-gc --import data:text/javascript,${encodeURIComponent(probe)}`;

async function heapMb(pid: number, file: string): Promise<{ heapUsed: number; external: number }> {
  await rm(file, { force: true });
  process.kill(pid, 'SIGWINCH');
  for (let tries = 0; tries < 100; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const written = await readFile(file, 'utf8').catch(() => null);
    if (written) {
      const { heapUsed, external } = JSON.parse(written) as { heapUsed: number; external: number };
      return { heapUsed: heapUsed / 2 ** 20, external: external / 2 ** 20 };
    }
  }
  throw new Error('el worker no informó su heap');
}

const dir = await mkdtemp(join(tmpdir(), 'acuerdos-bench-lifecycle-'));
// As root, PostgreSQL runs as `postgres`, which must be able to enter it.
await chmod(dir, 0o755);
const postgres = await startPostgres({ dataDir: join(dir, 'pg'), port: await getFreePort(), ephemeral: true, log: () => {} });
// BENCH_TEMPORAL=server: the Temporal server on that PostgreSQL (the production shape) instead of the dev server.
const onServer = process.env.BENCH_TEMPORAL === 'server';
async function startTemporal() {
  if (!onServer) {
    const cli = await ensureTemporalCli({ log: say });
    return startTemporalServer({ cliPath: cli.path, dataDir: join(dir, 'temporal'), port: await getFreePort(), uiPort: null, log: () => {} });
  }
  const tools = await ensureTemporalServerTools({ log: say });
  return startTemporalOnPostgres({ serverPath: tools.server.path, sqlToolPath: tools.sqlTool.path, databaseUrl: postgres.databaseUrl, dataDir: join(dir, 'temporal'), port: await getFreePort(), log: () => {} });
}
const temporalServer = await startTemporal();
await migrateToLatest(postgres.databaseUrl);
const db = createDb(postgres.databaseUrl);
const taskQueue = `bench-${randomUUID()}`;
const heapFile = join(dir, 'worker-heap.json');
const workerEnv = {
  DATABASE_URL: postgres.databaseUrl,
  TEMPORAL_ADDRESS: temporalServer.address,
  TEMPORAL_TASK_QUEUE: taskQueue,
  SMTP_URL: '',
};
const worker = await startWorkerProcess({ ...workerEnv, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${probeOptions}`, BENCH_HEAP_FILE: heapFile });
let secondWorker: Awaited<ReturnType<typeof startWorkerProcess>> | undefined;
const workerPid = worker.pid ?? 0;
const connection = await Connection.connect({ address: temporalServer.address });
const client = new Client({ connection });
const app = await buildApp({ db, temporal: client, taskQueue, adminToken: ADMIN, files: localFileStore(join(dir, 'files')) });
// The bare pattern's worker, on a queue of its own, in this process.
const bareQueue = `bench-bare-${randomUUID()}`;
const bareConnection = await NativeConnection.connect({ address: temporalServer.address });
const bareWorker = await Worker.create({
  connection: bareConnection,
  taskQueue: bareQueue,
  workflowsPath: fileURLToPath(new URL('./bench-workflows/bare.ts', import.meta.url)),
});
const bareRunning = bareWorker.run();

try {
  const call = async (token: string, url: string, payload: object) => {
    const answer = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
    if (answer.statusCode >= 300) throw new Error(`${url}: ${answer.statusCode} ${answer.body}`);
    return answer.json<{ id: string; token: string }>();
  };
  const body = await call(ADMIN, '/api/bodies', { name: 'Órgano de medición', acronym: 'BENCH' });
  const institutions = await Promise.all(['A', 'B'].map((a) => call(ADMIN, '/api/institutions', { name: `Institución ${a}`, acronym: `INST${a}`, emails: [`enlace${a}@bench.gob.mx`] })));
  const secretariat = (await call(ADMIN, '/api/tokens', { role: 'secretariat', bodyId: body.id, label: 'bench' })).token;
  const session = await call(secretariat, '/api/sessions', { bodyId: body.id, kind: 'ordinaria', number: 1, date: '2026-01-15' });
  const agreement = (i: number) => ({
    sessionId: session.id,
    text: `Acuerdo de medición número ${i}.`,
    responsibleInstitutionIds: institutions.map((x) => x.id),
    deadline: { type: 'date', date: '2099-12-31' },
  });

  // Warm-up: the workflow bundle, connections and JIT.
  for (let i = 0; i < 20; i += 1) await call(secretariat, '/api/agreements', agreement(i));
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const idleMb = await rssMb(workerPid);
  const idleHeap = await heapMb(workerPid, heapFile);

  // Baseline: the same event appended straight to the store with its projection.
  let started = performance.now();
  await inParallel(Array.from({ length: AGREEMENTS }, (_, i) => i), CONCURRENCY, async (i) => {
    const agreementId = randomUUID();
    const data = { agreementId, bodyId: body.id, sessionId: session.id, seq: 100_000 + i, folio: `${100_000 + i}:15/01/2026`, text: `Directo ${i}`, themes: [], responsibleInstitutionIds: institutions.map((x) => x.id), deadline: { type: 'date', date: '2099-12-31' }, adoptedOn: '2026-01-15', dueDate: '2099-12-31', dueDateExplanation: 'Fecha fija: 31/12/2099' };
    await appendToStream(db, { streamId: agreementStreamId(agreementId), expectedVersion: 0, events: [{ eventId: randomUUID(), type: 'AgreementAdopted', data, occurredAt: '2026-01-15T06:00:00Z', actor: { role: 'secretariat', id: 'bench' } }] }, projectAgreement);
  });
  const directPerSecond = AGREEMENTS / ((performance.now() - started) / 1000);

  // Baseline: Temporal's own cost of the pattern, update-with-start of an empty workflow that stays open.
  const bare = async (prefix: string, count: number) => {
    await inParallel(Array.from({ length: count }, (_, i) => i), CONCURRENCY, async (i) => {
      const startWorkflowOperation = new WithStartWorkflowOperation(bareWorkflow, { workflowId: `${prefix}-${i}`, taskQueue: bareQueue, workflowIdConflictPolicy: 'USE_EXISTING' });
      await client.workflow.executeUpdateWithStart(registerUpdate, { args: [String(i)], startWorkflowOperation });
    });
  };
  await bare(`warm-${randomUUID()}`, 20);
  started = performance.now();
  await bare(`bare-${randomUUID()}`, AGREEMENTS);
  const barePerSecond = AGREEMENTS / ((performance.now() - started) / 1000);

  started = performance.now();
  await inParallel(Array.from({ length: AGREEMENTS }, (_, i) => i), CONCURRENCY, async (i) => {
    await call(secretariat, '/api/agreements', agreement(i));
  });
  const endToEndPerSecond = AGREEMENTS / ((performance.now() - started) / 1000);

  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const openMb = await rssMb(workerPid);
  const openHeap = await heapMb(workerPid, heapFile);

  // A second worker on the same queue, then as many registrations again.
  secondWorker = await startWorkerProcess(workerEnv);
  for (let i = 0; i < 20; i += 1) await call(secretariat, '/api/agreements', agreement(i));
  started = performance.now();
  await inParallel(Array.from({ length: AGREEMENTS }, (_, i) => i), CONCURRENCY, async (i) => {
    await call(secretariat, '/api/agreements', agreement(i));
  });
  const twoWorkersPerSecond = AGREEMENTS / ((performance.now() - started) / 1000);
  const perAgreementKb = (before: number, after: number) => (((after - before) * 1024) / AGREEMENTS).toFixed(1);

  say('');
  say(`Temporal: ${onServer ? 'servidor sobre PostgreSQL' : 'servidor de desarrollo (SQLite)'}`);
  say(`Registro de acuerdos de punta a punta (${AGREEMENTS}, ${CONCURRENCY} a la vez):`);
  say(`  HTTP → Temporal → almacén:        ${endToEndPerSecond.toFixed(1)} acuerdos/s`);
  say(`  referencia, append directo:        ${directPerSecond.toFixed(1)} acuerdos/s`);
  say(`  razón punta a punta / referencia:  ${(endToEndPerSecond / directPerSecond).toFixed(3)}`);
  say(`  patrón desnudo de Temporal:        ${barePerSecond.toFixed(1)} /s (update-with-start de un workflow vacío que queda abierto)`);
  say(`  razón punta a punta / desnudo:     ${(endToEndPerSecond / barePerSecond).toFixed(3)}`);
  say(`  con dos workers en la cola:        ${twoWorkersPerSecond.toFixed(1)} acuerdos/s (razón dos / uno: ${(twoWorkersPerSecond / endToEndPerSecond).toFixed(2)})`);
  say(`Memoria del worker (RSS):`);
  say(`  en reposo tras el calentamiento:   ${idleMb.toFixed(0)} MB`);
  say(`  con ${AGREEMENTS + 20} acuerdos abiertos:       ${openMb.toFixed(0)} MB (razón ${(openMb / idleMb).toFixed(2)}; ${perAgreementKb(idleMb, openMb)} KB por acuerdo)`);
  say(`Heap vivo del worker (tras un GC completo):`);
  say(`  en reposo tras el calentamiento:   ${idleHeap.heapUsed.toFixed(0)} MB (+ ${idleHeap.external.toFixed(0)} MB external)`);
  say(`  con ${AGREEMENTS + 20} acuerdos abiertos:       ${openHeap.heapUsed.toFixed(0)} MB (+ ${openHeap.external.toFixed(0)} MB external; ${perAgreementKb(idleHeap.heapUsed, openHeap.heapUsed)} KB por acuerdo)`);

  // CSV import of the same number of rows, synchronously and as a durable job
  // (POST /imports, progress polled as the web UI does), one after the other.
  const importFile = (number: number) =>
    ['session,text,responsibles,deadline', ...Array.from({ length: IMPORT_ROWS }, (_, i) => `ordinaria ${number} 2026-02-${10 + number},Acuerdo importado ${i} de la sesión ${number}.,INSTA;INSTB,30d`)].join('\r\n');
  const postCsv = async (url: string, csv: string) => {
    const answer = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${secretariat}`, 'content-type': 'text/csv' }, payload: csv });
    if (answer.statusCode >= 300) throw new Error(`${url}: ${answer.statusCode} ${answer.body}`);
    return answer.json<{ id: string }>();
  };
  started = performance.now();
  await postCsv(`/api/import/agreements?bodyId=${body.id}`, importFile(2));
  const syncRowsPerSecond = IMPORT_ROWS / ((performance.now() - started) / 1000);
  started = performance.now();
  const job = await postCsv(`/api/imports?bodyId=${body.id}`, importFile(3));
  for (;;) {
    const progress = (await app.inject({ method: 'GET', url: `/api/imports/${job.id}`, headers: { authorization: `Bearer ${secretariat}` } })).json<{ state: string; errors: unknown[] }>();
    if (progress.state === 'failed') throw new Error(`la importación falló: ${JSON.stringify(progress.errors)}`);
    if (progress.state === 'done') break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const jobRowsPerSecond = IMPORT_ROWS / ((performance.now() - started) / 1000);
  say(`Importación CSV (${IMPORT_ROWS} filas cada una):`);
  say(`  trabajo durable (POST /imports):   ${jobRowsPerSecond.toFixed(1)} filas/s`);
  say(`  síncrona (POST /import/agreements): ${syncRowsPerSecond.toFixed(1)} filas/s`);
  say(`  razón trabajo / síncrona:          ${(jobRowsPerSecond / syncRowsPerSecond).toFixed(2)}`);
} finally {
  await app.close();
  bareWorker.shutdown();
  await bareRunning;
  await bareConnection.close();
  worker.kill('SIGTERM');
  secondWorker?.kill('SIGTERM');
  await connection.close();
  await db.destroy();
  await temporalServer.stop();
  await postgres.stop();
  await rm(dir, { recursive: true, force: true });
}
