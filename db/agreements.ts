import type { Db } from './connection.js';
import type { AgreementRow } from './tables.js';

export async function findAgreementRow(db: Db, id: string): Promise<AgreementRow | undefined> {
  return db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function acronymsOf(db: Db, institutionIds: readonly string[]): Promise<Map<string, string>> {
  if (institutionIds.length === 0) return new Map();
  const rows = await db.selectFrom('institutions').select(['id', 'acronym']).where('id', 'in', institutionIds).execute();
  return new Map(rows.map((r) => [r.id, r.acronym]));
}
