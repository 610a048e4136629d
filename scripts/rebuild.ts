import { createDb } from '../db/connection.js';
import { rebuildReadModels } from '../db/rebuild-read-models.js';
import { requireDatabaseUrl } from './lib/database-url.js';

const db = createDb(requireDatabaseUrl());
try {
  const { streams } = await rebuildReadModels(db);
  console.log(`Modelos de lectura reconstruidos desde ${streams} expedientes.`);
} finally {
  await db.destroy();
}
