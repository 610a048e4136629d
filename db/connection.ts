import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './tables.js';

// Calendar dates are domain values ('YYYY-MM-DD'), not instants: keep PostgreSQL's
// DATE as the string it sends instead of a Date at local midnight.
const DATE_OID = 1082;
pg.types.setTypeParser(DATE_OID, (value: string) => value);

export type Db = Kysely<Database>;

export function createDb(databaseUrl: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle connection dies when PostgreSQL restarts or drops it: the pool
  // discards it and opens another on the next query, but without a listener
  // its 'error' event would end the whole process.
  pool.on('error', (error) => console.warn(`postgres: conexión inactiva perdida (${error.message}); se abrirá otra`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
