import type { Db } from './connection.js';
import type { InstitutionRow } from './tables.js';

export interface Institution {
  id: string;
  name: string;
  acronym: string;
  emails: string[];
  // The institution's head, who hears when its liaison keeps missing deadlines.
  headEmails: string[];
}

function toInstitution(row: InstitutionRow): Institution {
  return { id: row.id, name: row.name, acronym: row.acronym, emails: row.emails, headEmails: row.head_emails };
}

export async function insertInstitution(db: Db, institution: Institution): Promise<void> {
  await db
    .insertInto('institutions')
    .values({
      id: institution.id,
      name: institution.name,
      acronym: institution.acronym,
      emails: JSON.stringify(institution.emails),
      head_emails: JSON.stringify(institution.headEmails),
    })
    .execute();
}

export async function findInstitutions(db: Db, ids: readonly string[]): Promise<Institution[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('institutions').selectAll().where('id', 'in', ids).execute();
  return rows.map(toInstitution);
}

// Every institution, by acronym: those a secretariat may name responsible.
export async function allInstitutions(db: Db): Promise<Institution[]> {
  const rows = await db.selectFrom('institutions').selectAll().orderBy('acronym').execute();
  return rows.map(toInstitution);
}

export async function findInstitution(db: Db, id: string): Promise<Institution | undefined> {
  const [found] = await findInstitutions(db, [id]);
  return found;
}

export async function findInstitutionByAcronym(db: Db, acronym: string): Promise<Institution | undefined> {
  const row = await db.selectFrom('institutions').selectAll().where('acronym', '=', acronym).executeTakeFirst();
  return row && toInstitution(row);
}

export type InstitutionContacts = Partial<Pick<Institution, 'emails' | 'headEmails'>>;

// Replaces the lists given and answers the institution as it is now, or
// nothing when it does not exist. Reminders read the lists when they are sent,
// so the next one already goes to the new addresses.
export async function updateInstitutionContacts(db: Db, id: string, change: InstitutionContacts): Promise<Institution | undefined> {
  const row = await db
    .updateTable('institutions')
    .set({
      ...(change.emails === undefined ? {} : { emails: JSON.stringify(change.emails) }),
      ...(change.headEmails === undefined ? {} : { head_emails: JSON.stringify(change.headEmails) }),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && toInstitution(row);
}
