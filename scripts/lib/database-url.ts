// The maintenance commands (verify, rebuild, migrate) run against DATABASE_URL,
// or else against the embedded PostgreSQL that `npm start` runs.
export function requireDatabaseUrl(): string {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return fromEnv;
  const port = process.env.ACUERDOS_PG_PORT ?? '54329';
  return `postgres://acuerdos:acuerdos@127.0.0.1:${port}/acuerdos`;
}
