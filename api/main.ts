import { Client, Connection } from '@temporalio/client';
import { createDb } from '../db/connection.js';
import { loadConfig } from '../app/config.js';
import { connectionOptions } from '../app/temporal-connection.js';
import { buildApp } from './app.js';
import { localFileStore } from './storage/local-file-store.js';

const config = loadConfig();
const db = createDb(config.databaseUrl);
const connection = await Connection.connect(connectionOptions(config.temporal));
const temporal = new Client({ connection, namespace: config.temporal.namespace });
const app = await buildApp({
  db,
  temporal,
  taskQueue: config.taskQueue,
  adminToken: config.adminToken,
  files: localFileStore(config.filesDir),
  maxUploadBytes: config.maxUploadBytes,
  maxUploadFiles: config.maxUploadFiles,
  signInLimits: config.signInLimits,
  logger: true,
});

async function shutdown(signal: string): Promise<void> {
  app.log.info(`${signal}: cerrando`);
  await app.close();
  await connection.close();
  await db.destroy();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

if (!config.adminToken) app.log.warn('ACUERDOS_ADMIN_TOKEN no está definida: no hay token de administración.');
await app.listen({ port: config.port, host: config.host });
