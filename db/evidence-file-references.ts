import { sql } from 'kysely';
import type { Db } from './connection.js';

// Whether any recorded evidence names a file. Asked of the read model, written
// in the same transaction as the EvidenceSubmitted event, so it names a file
// exactly when an event does; its GIN index on state->'evidence' answers
// without reading the events table.
export async function isFileOfAnEvidence(db: Db, sha256: string): Promise<boolean> {
  const containing = JSON.stringify([{ files: [{ sha256 }] }]);
  const row = await db
    .selectFrom('agreements')
    .select(sql<number>`1`.as('found'))
    .where(sql<boolean>`state -> 'evidence' @> ${containing}::jsonb`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
