import { type Kysely } from 'kysely';

// As-of reads ask which agreements changed after a day: the events that
// occurred after an instant, found by this index instead of a scan of the
// whole store.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('events_occurred_at_idx').on('events').column('occurred_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_occurred_at_idx').execute();
}
