import { sql } from 'kysely';
import type { Db } from './connection.js';

// Whether any recorded evidence or participation names a file (the store is
// shared: the same bytes are one file, whoever brought them). Asked of the read
// models, written in the same transaction as their events, so they name a file
// exactly when an event does; the GIN index on state->'evidence' answers for
// agreements without reading the events table.
export async function isNamedFile(db: Db, sha256: string): Promise<boolean> {
  const inEvidence = JSON.stringify([{ files: [{ sha256 }] }]);
  const ofAgreement = await db
    .selectFrom('agreements')
    .select(sql<number>`1`.as('found'))
    .where(sql<boolean>`state -> 'evidence' @> ${inEvidence}::jsonb`)
    .limit(1)
    .executeTakeFirst();
  if (ofAgreement) return true;
  const ofParticipation = await db
    .selectFrom('participations')
    .select(sql<number>`1`.as('found'))
    .where(sql<boolean>`state -> 'files' @> ${JSON.stringify([{ sha256 }])}::jsonb`)
    .limit(1)
    .executeTakeFirst();
  return ofParticipation !== undefined;
}
