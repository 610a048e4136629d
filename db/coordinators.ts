import type { Db } from './connection.js';

// The addresses of a body's active coordinator users: who gets its digest.
export async function coordinatorEmails(db: Db, bodyId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('email')
    .where('role', '=', 'coordinator')
    .where('body_id', '=', bodyId)
    .where('disabled_at', 'is', null)
    .orderBy('email')
    .execute();
  return rows.map((row) => row.email);
}
