import { createDb } from '../db/connection.js';
import { verifyAllChains } from '../db/verify-chains.js';
import { requireDatabaseUrl } from './lib/database-url.js';

const db = createDb(requireDatabaseUrl());
try {
  const report = await verifyAllChains(db);
  console.log(`Verificados ${report.events} eventos en ${report.streams} expedientes.`);
  for (const b of report.broken) console.error(`✗ ${b.streamId}: primer eslabón roto en la versión ${b.version} (${b.reason})`);
  process.exitCode = report.broken.length > 0 ? 1 : 0;
  if (report.broken.length === 0) console.log('✓ Todas las cadenas de hash son íntegras.');
} finally {
  await db.destroy();
}
