import type { Db } from './connection.js';
import type { SessionRow } from './tables.js';

export interface Session {
  id: string;
  bodyId: string;
  kind: string;
  // None for a permanent session identified by its date.
  number: number | null;
  date: string;
  label: string;
}

export function toSession(row: SessionRow): Session {
  return { id: row.id, bodyId: row.body_id, kind: row.kind, number: row.number, date: row.date, label: row.label };
}

export async function insertSession(db: Db, session: Session): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: session.id, body_id: session.bodyId, kind: session.kind, number: session.number, date: session.date, label: session.label })
    .execute();
}

export async function findSession(db: Db, id: string): Promise<Session | undefined> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toSession(row);
}
