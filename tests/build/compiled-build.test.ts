import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { API_READY, startNodeProcess, WORKER_READY } from '../../scripts/lib/worker-process.js';
import { ADMIN_TOKEN } from '../support/harness.js';

// The production build as an operator runs it: `npm run build`, then
// `node dist/api/main.js` and `node dist/worker/main.js`, no TypeScript loader,
// against the suite's PostgreSQL and Temporal. The build goes to a folder of
// its own inside the project, so a developer's dist/ is left alone.

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, '.data', `build-test-${randomUUID()}`);
const out = relative(root, outDir);
const running: ChildProcess[] = [];
let filesDir = '';
let api = '';
let workerStartOutput = '';

function build(): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--out-dir', out], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build falló (${code}):\n${output}`))));
  });
}

async function call(method: 'GET' | 'POST', path: string, token: string | null, payload?: unknown) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  await build();
  filesDir = await mkdtemp(join(tmpdir(), 'acuerdos-files-'));
  const port = await getFreePort();
  const env = {
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `test-${randomUUID()}`,
    ACUERDOS_ADMIN_TOKEN: ADMIN_TOKEN,
    FILES_DIR: filesDir,
    PORT: String(port),
  };
  const worker = await startNodeProcess(`${out}/worker/main.js`, env, WORKER_READY);
  running.push(worker.child);
  workerStartOutput = worker.startOutput;
  running.push((await startNodeProcess(`${out}/api/main.js`, env, API_READY)).child);
  api = `http://127.0.0.1:${port}`;
}, 300_000);

afterAll(async () => {
  for (const child of running) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  await rm(outDir, { recursive: true, force: true });
  if (filesDir) await rm(filesDir, { recursive: true, force: true });
});

describe('the compiled build', () => {
  it('holds the processes at the source layout and the workflow bundle made at build time', () => {
    for (const file of ['api/main.js', 'worker/main.js', 'scripts/migrate.js', 'worker/workflows.bundle.js', 'web/index.html']) {
      expect(existsSync(join(outDir, file)), file).toBe(true);
    }
    // The worker loaded that bundle instead of running webpack when it started.
    expect(workerStartOutput).toContain(`workflows de ${join(outDir, 'worker', 'workflows.bundle.js')}`);
  });

  it('registers an agreement through `node dist/api/main.js` and `node dist/worker/main.js`', async () => {
    const health = await call('GET', '/api/health', null);
    expect(health.status).toBe(200);

    const body = await call('POST', '/api/bodies', ADMIN_TOKEN, { name: 'Sistema Nacional para la Igualdad entre Mujeres y Hombres', acronym: `SNIMH${process.pid}` });
    expect(body.status).toBe(201);
    const institution = await call('POST', '/api/institutions', ADMIN_TOKEN, { name: 'Instituto Nacional de las Mujeres', acronym: `INMUJERES${process.pid}`, emails: ['enlace@inmujeres.gob.mx'] });
    expect(institution.status).toBe(201);
    const issued = await call('POST', '/api/tokens', ADMIN_TOKEN, { label: 'secretaría', role: 'secretariat', bodyId: body.body.id });
    expect(issued.status).toBe(201);
    const secretariat: string = issued.body.token;
    const session = await call('POST', '/api/sessions', secretariat, { bodyId: body.body.id, kind: 'ordinaria', number: 21, date: '2020-09-30' });
    expect(session.status).toBe(201);

    const created = await call('POST', '/api/agreements', secretariat, {
      sessionId: session.body.id,
      text: 'El INMUJERES enviará el proyecto de Reglas para la Organización y Funcionamiento del SNIMH.',
      responsibleInstitutionIds: [institution.body.id],
      deadline: { type: 'date', date: '2030-05-18' },
    });

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ folio: '1:30/09/2020', status: 'en_proceso', version: 1 });
    const events = await call('GET', `/api/agreements/${created.body.id}/events`, secretariat);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual(['AgreementAdopted']);
  });
});
