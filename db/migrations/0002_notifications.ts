import { sql, type Kysely } from 'kysely';

// Every message the system sends (or would send) with its state. The unique key
// is the guard that makes a reminder go out at most once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id'))
    .addColumn('agreement_id', 'uuid')
    .addColumn('institution_id', 'uuid', (c) => c.references('institutions.id'))
    .addColumn('recipients', 'jsonb', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('notifications_body_idx').on('notifications').columns(['body_id', 'created_at']).execute();
  await db.schema.createIndex('notifications_agreement_idx').on('notifications').column('agreement_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
}
