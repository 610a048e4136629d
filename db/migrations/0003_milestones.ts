import { sql, type Kysely } from 'kysely';

// A milestone (e.g. the publication of a programme in the DOF) is named by a
// body and later recorded once as occurred; agreements anchored on it take
// their due date from that day.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('milestones')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('milestones_body_idx').on('milestones').column('body_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('milestones').execute();
}
