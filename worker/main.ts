import { Client, Connection } from '@temporalio/client';
import { createMailer } from '../activities/mailer.js';
import { createDb } from '../db/connection.js';
import { loadConfig } from '../app/config.js';
import { createWorker } from './create-worker.js';
import { ensureDigestSchedule } from './digest-schedule.js';

const config = loadConfig();
const db = createDb(config.databaseUrl);
const { worker, connection } = await createWorker({
  db,
  mailer: createMailer(config.smtpUrl, config.mailFrom),
  publicUrl: config.publicUrl,
  temporalAddress: config.temporalAddress,
  namespace: config.temporalNamespace,
  taskQueue: config.taskQueue,
});

const clientConnection = await Connection.connect({ address: config.temporalAddress });
await ensureDigestSchedule(new Client({ connection: clientConnection, namespace: config.temporalNamespace }), config.taskQueue);
await clientConnection.close();

// Worker.run() resolves after SIGINT/SIGTERM once in-flight tasks are done.
console.log(`worker: escuchando la cola ${config.taskQueue} en ${config.temporalAddress}`);
await worker.run();
await connection.close();
await db.destroy();
