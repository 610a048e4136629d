import type { ParticipantKind } from '../domain/participation/index.js';
import type { Db } from './connection.js';
import type { ParticipantRow } from './tables.js';

export interface Participant {
  id: string;
  bodyId: string;
  name: string;
  acronym: string | null;
  kind: ParticipantKind;
}

export type NewParticipant = Participant & { emails: string[] };

function toParticipant(row: ParticipantRow): Participant {
  // The column is text; what it holds was validated on the way in.
  return { id: row.id, bodyId: row.body_id, name: row.name, acronym: row.acronym, kind: row.kind as ParticipantKind };
}

// A participant is also an institution with the same id, so an agreement can
// name it responsible and it gets that agreement's reminders (at these
// e-mails), evidence and follow-up like any institution. Institutions' acronyms
// are unique across bodies: the caller names that one (institutionAcronym).
export async function insertParticipant(db: Db, participant: NewParticipant, institutionAcronym: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('institutions')
      .values({ id: participant.id, name: participant.name, acronym: institutionAcronym, emails: JSON.stringify(participant.emails) })
      .execute();
    await trx
      .insertInto('participants')
      .values({ id: participant.id, body_id: participant.bodyId, name: participant.name, acronym: participant.acronym, kind: participant.kind })
      .execute();
  });
}

export async function findParticipant(db: Db, id: string): Promise<(Participant & { emails: string[] }) | undefined> {
  const row = await db
    .selectFrom('participants')
    .innerJoin('institutions', 'institutions.id', 'participants.id')
    .selectAll('participants')
    .select('institutions.emails')
    .where('participants.id', '=', id)
    .executeTakeFirst();
  return row && { ...toParticipant(row), emails: row.emails };
}

export async function participantsOfBody(db: Db, bodyId: string): Promise<Participant[]> {
  const rows = await db.selectFrom('participants').selectAll().where('body_id', '=', bodyId).orderBy('name').orderBy('id').execute();
  return rows.map(toParticipant);
}

export async function findParticipants(db: Db, ids: readonly string[]): Promise<Participant[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('participants').selectAll().where('id', 'in', ids).execute();
  return rows.map(toParticipant);
}
