import { sql, type Kysely } from 'kysely';

// Participations take files of their own: whether a stored file is still named
// (before an upload's refusal discards it) is asked of their state too.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index participations_files_idx on participations using gin ((state -> 'files') jsonb_path_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index participations_files_idx`.execute(db);
}
