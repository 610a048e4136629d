import { sql } from 'kysely';
import type { Db } from './connection.js';
import type { Milestone } from './milestones.js';

// Reference data found by the names people type (an import's acronyms and
// milestone names), ignoring case.

export async function institutionIdsByAcronym(db: Db, acronyms: readonly string[]): Promise<Map<string, string>> {
  if (acronyms.length === 0) return new Map();
  const lowered = [...new Set(acronyms.map((a) => a.toLowerCase()))];
  const rows = await db.selectFrom('institutions').select(['id', 'acronym']).where(sql<string>`lower(acronym)`, 'in', lowered).execute();
  return new Map(rows.map((row) => [row.acronym.toLowerCase(), row.id]));
}

export async function milestonesByName(db: Db, bodyId: string, names: readonly string[]): Promise<Map<string, Milestone>> {
  if (names.length === 0) return new Map();
  const lowered = [...new Set(names.map((n) => n.toLowerCase()))];
  const rows = await db.selectFrom('milestones').selectAll().where('body_id', '=', bodyId).where(sql<string>`lower(name)`, 'in', lowered).execute();
  return new Map(rows.map((row) => [row.name.toLowerCase(), { id: row.id, bodyId: row.body_id, name: row.name, occurredOn: row.occurred_on }]));
}
