import { EMBEDDED_PG_PORT, embeddedPostgresUrl } from './embedded-postgres-url.js';

// The maintenance commands (verify, rebuild, migrate) run against DATABASE_URL,
// or else against the embedded PostgreSQL that `npm start` runs.
export function requireDatabaseUrl(): string {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return fromEnv;
  const port = Number(process.env.ACUERDOS_PG_PORT ?? EMBEDDED_PG_PORT);
  return embeddedPostgresUrl(port);
}
