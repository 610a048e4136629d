import type { Db } from './connection.js';
import { toSession, type Session } from './sessions.js';

// Sessions of a body looked up by what a person knows of them: all of them
// (to label a report), or one by kind and number (as an import names it).

export async function sessionsOfBody(db: Db, bodyId: string): Promise<Session[]> {
  const rows = await db.selectFrom('sessions').selectAll().where('body_id', '=', bodyId).orderBy('date').execute();
  return rows.map(toSession);
}
