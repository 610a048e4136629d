import { sql, type Kysely } from 'kysely';

// Participation of civil society, academia and the private sector in a body's
// sessions (issue 15): permanent sessions identified by their date, the
// participants of each body, and the read model of participations, whose
// history lives in the event store like an agreement's.
export async function up(db: Kysely<any>): Promise<void> {
  // A permanent session may have no number: two on different days are two
  // sessions, two on the same day one too many. Numbered sessions stay unique
  // by kind and number, as before.
  await db.schema.alterTable('sessions').alterColumn('number', (c) => c.dropNotNull()).execute();
  await db.schema.alterTable('sessions').dropConstraint('sessions_body_kind_number_key').execute();
  await sql`create unique index sessions_body_kind_number_key on sessions (body_id, kind, number) where number is not null`.execute(db);
  await sql`create unique index sessions_body_kind_date_unnumbered_key on sessions (body_id, kind, date) where number is null`.execute(db);
  await sql`alter table sessions add constraint sessions_number_required_check check (number is not null or kind = 'permanente')`.execute(db);

  // A participant is an institution of its own (same id), so it can be named
  // responsible for an agreement and gets the same reminders, evidence and
  // follow-up; this row adds what only a participant has: its body and kind.
  await db.schema
    .createTable('participants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().references('institutions.id'))
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('acronym', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('participants_body_name_key', ['body_id', 'name'])
    .execute();

  await db.schema
    .createTable('participations')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id'))
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('sessions.id'))
    .addColumn('session_date', 'date', (c) => c.notNull())
    .addColumn('agreement_id', 'uuid', (c) => c.references('agreements.id'))
    .addColumn('participant_ids', 'jsonb', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('participations_body_date_idx').on('participations').columns(['body_id', 'session_date']).execute();
  await sql`create index participations_participant_ids_idx on participations using gin (participant_ids jsonb_path_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('participations').execute();
  await db.schema.dropTable('participants').execute();
  await sql`alter table sessions drop constraint sessions_number_required_check`.execute(db);
  await sql`drop index sessions_body_kind_date_unnumbered_key`.execute(db);
  await sql`drop index sessions_body_kind_number_key`.execute(db);
  await db.schema.alterTable('sessions').addUniqueConstraint('sessions_body_kind_number_key', ['body_id', 'kind', 'number']).execute();
  await db.schema.alterTable('sessions').alterColumn('number', (c) => c.setNotNull()).execute();
}
