import { migrateToLatest } from '../db/migrate.js';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL no está definida: indique la base de datos a migrar.');
  process.exit(1);
}
await migrateToLatest(databaseUrl);
console.log('Migraciones aplicadas.');
