// Global setup of the "integration" project: one real PostgreSQL and one real
// Temporal dev server for the whole run, on free ports, with their data in a fresh
// temporary directory that teardown removes. Tests read them with
// `inject('databaseUrl')` / `inject('temporalAddress')` (also in process.env).
// DATABASE_URL / TEMPORAL_ADDRESS in the environment point at existing services
// instead (migrations are still applied).
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../../db/migrate.js';
import { getFreePort } from '../../scripts/lib/free-port.js';
import { handleLeftoverPostgres, startPostgres, type PostgresHandle } from '../../scripts/lib/postgres.js';
import { formatDuration, isAlive } from '../../scripts/lib/process.js';
import { ensureTemporalCli } from '../../scripts/lib/temporal-cli.js';
import { startTemporalOnPostgres } from '../../scripts/lib/temporal-postgres.js';
import { handleLeftoverTemporal, startTemporalServer, type TemporalHandle } from '../../scripts/lib/temporal-server.js';
import { ensureTemporalServerTools } from '../../scripts/lib/temporal-server-tools.js';
import { makeCertificates } from './certificates.js';

const say = (line: string) => console.log(`[global-setup] ${line}`);

/** Free ports can be taken between choosing and binding: try again with new ones. */
async function withRetries<T>(what: string, attempt: (n: number) => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n >= 3) throw error;
      say(`${what} no arrancó (intento ${n}): ${(error as Error).message.split('\n')[0]}; se reintenta.`);
    }
  }
}

const TEMP_PREFIX = 'acuerdos-test-';

// History events before Temporal suggests continue-as-new in the test server.
export const CONTINUE_AS_NEW_AFTER = 150;

/** Directories of earlier runs that were killed before their teardown (their owner pid is gone). */
async function removeAbandonedTempDirs(): Promise<void> {
  const entries = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const name of entries) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const owner = Number.parseInt(await readFile(join(dir, 'owner.pid'), 'utf8').catch(() => ''), 10);
    if (!Number.isInteger(owner) || isAlive(owner)) continue;
    // Its servers may have outlived it (vitest killed with SIGKILL).
    for (const sub of await readdir(dir).catch(() => [] as string[])) {
      if (sub.startsWith('postgres-')) await handleLeftoverPostgres(join(dir, sub), say).catch(() => {});
      if (sub.startsWith('temporal-')) await handleLeftoverTemporal(join(dir, sub), say).catch(() => {});
    }
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  let tempDir: string | undefined;
  let postgres: PostgresHandle | undefined;
  let temporal: TemporalHandle | undefined;

  const teardown = async () => {
    await temporal?.stop().catch((error: unknown) => say(`no se pudo detener Temporal: ${String(error)}`));
    await postgres?.stop().catch((error: unknown) => say(`no se pudo detener PostgreSQL: ${String(error)}`));
    if (tempDir) {
      if (process.env.ACUERDOS_KEEP_TEST_DATA) say(`datos y registros conservados en ${tempDir}`);
      else await rm(tempDir, { recursive: true, force: true });
    }
  };

  try {
    // `npm run test:production-shape`: the Temporal server on PostgreSQL with mutual TLS instead of the dev server.
    const productionShape = process.env.ACUERDOS_TEST_TEMPORAL === 'server';
    const needTemporal = !process.env.TEMPORAL_ADDRESS;
    const needPostgres = !process.env.DATABASE_URL;
    if (needTemporal || needPostgres) {
      await removeAbandonedTempDirs();
      tempDir = await mkdtemp(join(tmpdir(), TEMP_PREFIX));
      // As root, PostgreSQL runs as the `postgres` user, which must be able to enter it.
      await chmod(tempDir, 0o755);
      await writeFile(join(tempDir, 'owner.pid'), String(process.pid));
    }
    const dir = tempDir ?? '';

    // The CLI (perhaps a build of several minutes) and PostgreSQL at the same time.
    const [cli, databaseUrl] = await Promise.all([
      needTemporal && !productionShape ? ensureTemporalCli({ log: say }) : undefined,
      needPostgres
        ? withRetries('PostgreSQL', async (n) => {
            postgres = await startPostgres({
              dataDir: join(dir, `postgres-${n}`),
              logFile: join(dir, 'postgres.log'),
              port: await getFreePort(),
              ephemeral: true,
              log: say,
            });
            return postgres.databaseUrl;
          })
        : (process.env.DATABASE_URL as string),
    ]);

    const [temporalAddress] = await Promise.all([
      productionShape
        ? withRetries('Temporal (PostgreSQL)', async (n) => {
            const tools = await ensureTemporalServerTools({ log: say });
            const tls = await makeCertificates(dir);
            temporal = await startTemporalOnPostgres({
              serverPath: tools.server.path,
              sqlToolPath: tools.sqlTool.path,
              databaseUrl,
              databases: { main: `temporal_${n}`, visibility: `temporal_visibility_${n}` },
              dataDir: join(dir, `temporal-${n}`),
              port: await getFreePort(),
              tls,
              log: say,
              dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': CONTINUE_AS_NEW_AFTER },
            });
            // Every process of the run (tests, the workers they start) presents the client certificate.
            Object.assign(process.env, { TEMPORAL_TLS_CERT: tls.clientCert, TEMPORAL_TLS_KEY: tls.clientKey, TEMPORAL_TLS_CA: tls.ca });
            return temporal.address;
          })
        : cli
        ? withRetries('Temporal', async (n) => {
            temporal = await startTemporalServer({
              cliPath: cli.path,
              dataDir: join(dir, `temporal-${n}`),
              port: await getFreePort(),
              uiPort: null,
              log: say,
              // Temporal suggests continue-as-new after thousands of events; here,
              // after a few dozen commands, so every long test crosses runs.
              dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': CONTINUE_AS_NEW_AFTER },
            });
            return temporal.address;
          })
        : (process.env.TEMPORAL_ADDRESS as string),
      migrateToLatest(databaseUrl),
    ]);

    project.provide('databaseUrl', databaseUrl);
    project.provide('temporalAddress', temporalAddress);
    process.env.DATABASE_URL = databaseUrl;
    process.env.TEMPORAL_ADDRESS = temporalAddress;
    say(
      `PostgreSQL ${postgres ? `en el puerto ${postgres.port}` : '(DATABASE_URL)'}, ` +
        `Temporal ${productionShape ? '(servidor en PostgreSQL, mTLS) ' : ''}en ${temporalAddress}${temporal ? '' : ' (TEMPORAL_ADDRESS)'}; ` +
        `listo en ${formatDuration(Date.now() - started)}`,
    );
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
