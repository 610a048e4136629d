import { Migrator } from 'kysely';
import { createDb } from './connection.js';
import { migrationProvider } from './migrations/index.js';

export async function migrateToLatest(databaseUrl: string): Promise<void> {
  const db = createDb(databaseUrl, 1);
  try {
    const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    for (const result of results ?? []) {
      if (result.status === 'Error') console.error(`migración ${result.migrationName} falló`);
    }
    if (error) throw error;
  } finally {
    await db.destroy();
  }
}
