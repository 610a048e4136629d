import { sql, type Kysely } from 'kysely';

// The escalation ladder: a body's setting (null: off) and the e-mails of each
// institution's head, who hears when its liaison keeps missing a deadline.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bodies').addColumn('escalation', 'jsonb').execute();
  await db.schema
    .alterTable('institutions')
    .addColumn('head_emails', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('institutions').dropColumn('head_emails').execute();
  await db.schema.alterTable('bodies').dropColumn('escalation').execute();
}
