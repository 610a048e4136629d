// `npm run seed`: loads the SNIMH demo (Annex I of its 2020 report) into a
// running `npm start` — its embedded PostgreSQL (or DATABASE_URL) and its
// Temporal server (TEMPORAL_ADDRESS, default 127.0.0.1:$TEMPORAL_PORT), whose
// worker registers the agreements. Running it again adds nothing.
import { Client, Connection } from '@temporalio/client';
import { createDb } from '../db/connection.js';
import { seedDemo } from '../app/seed/seed-demo.js';
import { ANNEX_I_AS_OF } from '../app/seed/snimh-annex-i.js';
import { TASK_QUEUE } from '../workflows/definitions.js';
import { requireDatabaseUrl } from './lib/database-url.js';
import { connectionOptions, temporalConnectionFromEnv } from '../app/temporal-connection.js';

const db = createDb(requireDatabaseUrl());
let connection: Connection | undefined;
try {
  const target = temporalConnectionFromEnv({ ...process.env, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS || `127.0.0.1:${process.env.TEMPORAL_PORT || '7233'}` });
  connection = await Connection.connect({ ...connectionOptions(target), connectTimeout: '5 seconds' }).catch((error: unknown) => {
    throw new Error(`No se pudo conectar con Temporal en ${target.address} (¿está corriendo \`npm start\`?): ${String(error)}`);
  });
  const temporal = new Client({ connection, namespace: target.namespace });
  console.log('Cargando la demo del SNIMH por medio del worker de `npm start` (si no avanza, revise que el worker esté corriendo)…');
  const report = await seedDemo({ db, temporal, taskQueue: process.env.TEMPORAL_TASK_QUEUE || TASK_QUEUE });
  console.log(`✓ Demo del SNIMH cargada: órgano ${report.bodyId}, ${report.agreements} acuerdos (folios 34–55).`);
  console.log(`  Anexo al ${ANNEX_I_AS_OF}: GET /api/reports/annex?bodyId=${report.bodyId}&asOf=${ANNEX_I_AS_OF}&format=csv`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await connection?.close();
  await db.destroy();
}
