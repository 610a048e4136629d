import { sql } from 'kysely';
import type { Db } from './connection.js';
import type { MilestoneRow } from './tables.js';

export interface Milestone {
  id: string;
  bodyId: string;
  name: string;
  // The day it occurred, once recorded.
  occurredOn: string | null;
}

function toMilestone(row: MilestoneRow): Milestone {
  return { id: row.id, bodyId: row.body_id, name: row.name, occurredOn: row.occurred_on };
}

export async function insertMilestone(db: Db, milestone: Milestone): Promise<void> {
  await db
    .insertInto('milestones')
    .values({ id: milestone.id, body_id: milestone.bodyId, name: milestone.name, occurred_on: milestone.occurredOn })
    .execute();
}

export async function findMilestone(db: Db, id: string): Promise<Milestone | undefined> {
  const row = await db.selectFrom('milestones').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toMilestone(row);
}

// Records the day once: a second call with the same day changes nothing, with
// another day it changes nothing either and the caller sees the first day.
export async function markMilestoneOccurred(db: Db, id: string, on: string): Promise<Milestone | undefined> {
  await db.updateTable('milestones').set({ occurred_on: on }).where('id', '=', id).where('occurred_on', 'is', null).execute();
  return findMilestone(db, id);
}

// The days of the given milestones that have occurred.
export async function milestoneDates(db: Db, ids: readonly string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await db.selectFrom('milestones').select(['id', 'occurred_on']).where('id', 'in', ids).where('occurred_on', 'is not', null).execute();
  return Object.fromEntries(rows.flatMap((row) => (row.occurred_on ? [[row.id, row.occurred_on]] : [])));
}

// Agreements of the body still waiting for this milestone to get a due date.
export async function agreementsAwaiting(db: Db, milestone: Pick<Milestone, 'id' | 'bodyId'>): Promise<string[]> {
  const rows = await db
    .selectFrom('agreements')
    .select('id')
    .where('body_id', '=', milestone.bodyId)
    .where('status', '=', 'en_proceso')
    .where('due_date', 'is', null)
    .where(sql<string>`state -> 'deadline' -> 'from' ->> 'milestoneId'`, '=', milestone.id)
    .orderBy('seq')
    .execute();
  return rows.map((row) => row.id);
}

// Every milestone of a body, by name.
export async function milestonesOfBody(db: Db, bodyId: string): Promise<Milestone[]> {
  const rows = await db.selectFrom('milestones').selectAll().where('body_id', '=', bodyId).orderBy('name').execute();
  return rows.map(toMilestone);
}
