import { sql, type Kysely } from 'kysely';

// A file download names an evidence, not its agreement: this index finds the
// agreement whose folded state holds that evidence without reading them all.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX agreements_evidence_idx ON agreements USING gin ((state -> 'evidence') jsonb_path_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('agreements_evidence_idx').execute();
}
