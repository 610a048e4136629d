import { sql } from 'kysely';
import type { Db } from './connection.js';
import type { AgreementRow } from './tables.js';

// The agreement holding an evidence, found through the read model's folded
// state (a GIN index on state->'evidence' answers the containment).
export async function findAgreementOfEvidence(db: Db, evidenceId: string): Promise<AgreementRow | undefined> {
  const containing = JSON.stringify([{ id: evidenceId }]);
  return db
    .selectFrom('agreements')
    .selectAll()
    .where(sql<boolean>`state -> 'evidence' @> ${containing}::jsonb`)
    .executeTakeFirst();
}
