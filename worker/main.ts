import { createMailer } from '../activities/mailer.js';
import { createDb } from '../db/connection.js';
import { loadConfig } from '../scripts/lib/runtime-config.js';
import { createWorker } from './create-worker.js';

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

// Worker.run() resolves after SIGINT/SIGTERM once in-flight tasks are done.
console.log(`worker: escuchando la cola ${config.taskQueue} en ${config.temporalAddress}`);
await worker.run();
await connection.close();
await db.destroy();
