import { Client, Connection } from '@temporalio/client';
import { createMailer } from '../activities/mailer.js';
import { createDb } from '../db/connection.js';
import { loadConfig } from '../app/config.js';
import { connectionOptions } from '../app/temporal-connection.js';
import { createWorker } from './create-worker.js';
import { ensureDigestSchedule } from './digest-schedule.js';
import { prebuiltWorkflowBundle } from './workflow-bundle.js';

const config = loadConfig();
const db = createDb(config.databaseUrl);
const workflowBundle = prebuiltWorkflowBundle();
console.log(workflowBundle ? `worker: workflows de ${workflowBundle.codePath}` : 'worker: empaquetando los workflows…');
const { worker, connection } = await createWorker({
  db,
  mailer: createMailer(config.smtpUrl, config.mailFrom),
  publicUrl: config.publicUrl,
  temporal: config.temporal,
  taskQueue: config.taskQueue,
  // Compiled (dist/): the bundle `npm run build` made; from the sources: bundled now.
  workflowBundle,
});

const clientConnection = await Connection.connect(connectionOptions(config.temporal));
await ensureDigestSchedule(new Client({ connection: clientConnection, namespace: config.temporal.namespace }), config.taskQueue);
await clientConnection.close();

// Worker.run() resolves after SIGINT/SIGTERM once in-flight tasks are done.
console.log(`worker: escuchando la cola ${config.taskQueue} en ${config.temporal.address}`);
await worker.run();
await connection.close();
await db.destroy();
