import { sql, type Kysely } from 'kysely';

// A body's settings (zone, calendar, reminders) get a version, raised by every
// change, and the instant of that change: agreements are told of a version,
// ignore an older one than they hold, and date what the change causes (a due
// date counted again) when it was made.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('bodies')
    .addColumn('settings_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('settings_changed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bodies').dropColumn('settings_changed_at').dropColumn('settings_version').execute();
}
