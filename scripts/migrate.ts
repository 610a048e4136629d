import { migrateToLatest } from '../db/migrate.js';
import { requireDatabaseUrl } from './lib/database-url.js';

await migrateToLatest(requireDatabaseUrl());
console.log('Migraciones aplicadas.');
