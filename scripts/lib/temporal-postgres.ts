// The Temporal server as production runs it: its own process on PostgreSQL
// (two databases, `temporal` and `temporal_visibility`, on the server of
// Acuerdos' database), created and migrated with Temporal's sql tool, a config
// written here (history shards: a setting), the namespace registered through
// the API, and optionally mutual TLS on its frontend.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import pg from 'pg';
import { isPortFree, waitForPort } from './free-port.js';
import { sleep, tailOf } from './process.js';
import type { TemporalConnection } from '../../app/temporal-connection.js';
import { connectionOptions } from '../../app/temporal-connection.js';
import { handleLeftoverTemporal, spawnTemporal, waitUntilServing, type TemporalHandle } from './temporal-server.js';

export const DEFAULT_HISTORY_SHARDS = 4;

/** PEM files: the frontend's and the internode certificate (serverAuth and clientAuth), a client's, and their CA. */
export interface TemporalTlsFiles {
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  ca: string;
}

export interface StartTemporalOnPostgresOptions {
  serverPath: string;
  sqlToolPath: string;
  /** Acuerdos' database: Temporal's two databases go on the same server, with the same login. */
  databaseUrl: string;
  /** Names of Temporal's databases (tests sharing one PostgreSQL give each run its own). */
  databases?: { main: string; visibility: string };
  /** Holds the config, the log and the pid. */
  dataDir: string;
  port: number;
  historyShards?: number;
  namespace?: string;
  tls?: TemporalTlsFiles;
  /** Server settings (dynamic config keys), e.g. a lower continue-as-new threshold in tests. */
  dynamicConfig?: Record<string, string | number>;
  detached?: boolean;
  readyTimeoutMs?: number;
  log?: (line: string) => void;
}

const HOST = '127.0.0.1';

function sqlTool(path: string, url: URL, database: string, args: string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const login = ['--plugin', 'postgres12', '--ep', url.hostname, '-p', url.port || '5432', '-u', decodeURIComponent(url.username), '--db', database];
    // The password goes by the environment, where `ps` does not show it.
    const env = { ...process.env, SQL_PASSWORD: decodeURIComponent(url.password) };
    execFile(path, [...login, ...args], { env, timeout: 300_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`temporal-sql-tool ${args[0]} (${database}) falló: ${stderr || stdout || error.message}`));
      else resolvePromise(stdout);
    });
  });
}

async function databaseExists(url: URL, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return found.rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Creates Temporal's databases the first time and brings their schemas to the server's version every time. */
export async function prepareTemporalDatabases(sqlToolPath: string, databaseUrl: string, databases: { main: string; visibility: string }, log: (line: string) => void): Promise<void> {
  const url = new URL(databaseUrl);
  for (const [database, schema] of [
    [databases.main, 'postgresql/v12/temporal'],
    [databases.visibility, 'postgresql/v12/visibility'],
  ] as const) {
    if (!(await databaseExists(url, database))) {
      log(`[temporal] creando la base de datos ${database}…`);
      await sqlTool(sqlToolPath, url, database, ['create-database']);
      await sqlTool(sqlToolPath, url, database, ['setup-schema', '-v', '0.0']);
    }
    await sqlTool(sqlToolPath, url, database, ['update-schema', '--schema-name', schema]);
  }
}

const q = (value: string) => JSON.stringify(value);

function datastore(url: URL, database: string, maxConns: number): string {
  return `      sql:
        pluginName: "postgres12"
        databaseName: ${q(database)}
        connectAddr: ${q(`${url.hostname}:${url.port || '5432'}`)}
        connectProtocol: "tcp"
        user: ${q(decodeURIComponent(url.username))}
        password: ${q(decodeURIComponent(url.password))}
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: "1h"`;
}

function tlsSection(tls: TemporalTlsFiles): string {
  const server = `        certFile: ${q(tls.serverCert)}
        keyFile: ${q(tls.serverKey)}
        requireClientAuth: true
        clientCaFiles: [${q(tls.ca)}]`;
  const client = `        serverName: "localhost"
        rootCaFiles: [${q(tls.ca)}]`;
  return `  tls:
    internode:
      server:
${server}
      client:
${client}
    frontend:
      server:
${server}
      client:
${client}
    systemWorker:
      certFile: ${q(tls.clientCert)}
      keyFile: ${q(tls.clientKey)}
      client:
${client}
`;
}

/** The server's config: the module's config/development-postgres12.yaml with our ports, databases and shards. */
function serverConfig(options: {
  url: URL;
  databases: { main: string; visibility: string };
  historyShards: number;
  ports: Record<'frontend' | 'frontendMembership' | 'frontendHttp' | 'history' | 'historyMembership' | 'matching' | 'matchingMembership' | 'worker' | 'workerMembership', number>;
  dynamicConfigFile: string;
  tls?: TemporalTlsFiles;
}): string {
  const { ports } = options;
  const service = (name: string, grpc: number, membership: number, extra = '') => `  ${name}:
    rpc:
      grpcPort: ${grpc}
      membershipPort: ${membership}
      bindOnIP: ${q(HOST)}
${extra}`;
  return `log:
  stdout: true
  level: warn

persistence:
  defaultStore: postgres-default
  visibilityStore: postgres-visibility
  numHistoryShards: ${options.historyShards}
  datastores:
    postgres-default:
${datastore(options.url, options.databases.main, 20)}
    postgres-visibility:
${datastore(options.url, options.databases.visibility, 4)}

global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: ${q(HOST)}
${options.tls ? tlsSection(options.tls) : ''}
services:
${service('frontend', ports.frontend, ports.frontendMembership, `      httpPort: ${ports.frontendHttp}\n`)}${service('history', ports.history, ports.historyMembership)}${service('matching', ports.matching, ports.matchingMembership)}${service('worker', ports.worker, ports.workerMembership)}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: "active"
  currentClusterName: "active"
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: "frontend"
      rpcAddress: ${q(`localhost:${ports.frontend}`)}

dcRedirectionPolicy:
  policy: "noop"

dynamicConfigClient:
  filepath: ${q(options.dynamicConfigFile)}
  pollInterval: "10s"
`;
}

function dynamicConfigYaml(settings: Record<string, string | number>): string {
  return Object.entries(settings)
    .map(([key, value]) => `${key}:\n  - value: ${typeof value === 'number' ? value : q(value)}\n`)
    .join('');
}

async function freePortBelow32768(): Promise<number> {
  for (;;) {
    const port = 10_000 + Math.floor(Math.random() * 22_000);
    if (await isPortFree(port, HOST)) return port;
  }
}

/** Registers the namespace (three days of retention) unless it is there already. */
async function ensureNamespace(target: TemporalConnection): Promise<void> {
  const connection = await Connection.connect(connectionOptions(target));
  try {
    try {
      await connection.workflowService.registerNamespace({ namespace: target.namespace, workflowExecutionRetentionPeriod: msToTs('3 days') });
    } catch (error) {
      // 6 = ALREADY_EXISTS: a second start finds it.
      if ((error as { code?: number }).code !== 6) throw error;
    }
    await connection.workflowService.describeNamespace({ namespace: target.namespace });
  } finally {
    await connection.close();
  }
}

export async function startTemporalOnPostgres(options: StartTemporalOnPostgresOptions): Promise<TemporalHandle & { connection: TemporalConnection }> {
  const dataDir = resolve(options.dataDir);
  const log = options.log ?? ((line: string) => console.log(line));
  const databases = options.databases ?? { main: 'temporal', visibility: 'temporal_visibility' };
  const url = new URL(options.databaseUrl);
  const logFile = join(dataDir, 'temporal.log');
  const dynamicConfigFile = join(dataDir, 'config', 'dynamicconfig.yaml');
  await mkdir(join(dataDir, 'config'), { recursive: true });
  await handleLeftoverTemporal(dataDir, log);

  await prepareTemporalDatabases(options.sqlToolPath, options.databaseUrl, databases, log);

  // Internal ports are chosen anew at each start: only the frontend's is known
  // to clients. Temporal stores membership ports as smallint, so they are taken
  // below the system's ephemeral range.
  const free = () => freePortBelow32768();
  const ports = {
    frontend: options.port,
    frontendMembership: await free(),
    frontendHttp: await free(),
    history: await free(),
    historyMembership: await free(),
    matching: await free(),
    matchingMembership: await free(),
    worker: await free(),
    workerMembership: await free(),
  };
  await writeFile(
    join(dataDir, 'config', 'acuerdos.yaml'),
    serverConfig({ url, databases, historyShards: options.historyShards ?? DEFAULT_HISTORY_SHARDS, ports, dynamicConfigFile, tls: options.tls }),
    { mode: 0o600 },
  );
  // A namespace registered a moment ago is seen by every service within a second.
  await writeFile(dynamicConfigFile, dynamicConfigYaml({ 'system.namespaceCacheRefreshInterval': '1s', ...options.dynamicConfig }));

  const { server, stop } = await spawnTemporal(options.serverPath, ['--root', dataDir, '--config', 'config', '--env', 'acuerdos', '--allow-no-auth', 'start'], {
    dataDir,
    detached: options.detached ?? false,
  });


  const connection: TemporalConnection = {
    address: `${HOST}:${options.port}`,
    namespace: options.namespace ?? 'default',
    ...(options.tls
      ? { tls: { serverNameOverride: 'localhost', clientCertPair: { crt: await readFile(options.tls.clientCert), key: await readFile(options.tls.clientKey) }, serverRootCACertificate: await readFile(options.tls.ca) } }
      : {}),
  };
  const died = () => (server.isRunning() ? undefined : 'el servidor Temporal terminó al arrancar');
  try {
    const readyTimeoutMs = options.readyTimeoutMs ?? 120_000;
    const deadline = Date.now() + readyTimeoutMs;
    await waitForPort(options.port, HOST, readyTimeoutMs, died);
    await waitUntilServing(connectionOptions(connection), null, deadline, died);
    await ensureNamespace(connection);
    await sleep(1_500);
  } catch (error) {
    await stop();
    await server.outputFlushed();
    throw new Error(`Temporal (PostgreSQL) no quedó listo en ${connection.address}: ${(error as Error).message}. Últimas líneas de ${logFile}:\n${await tailOf(logFile)}`);
  }
  return { address: connection.address, uiUrl: null, logFile, process: server, stop, connection };
}

