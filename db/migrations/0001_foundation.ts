import { sql, type Kysely } from 'kysely';

// Reference data (bodies, institutions, sessions, tokens), the append-only event
// store, and the agreement read model that is projected in the same transaction
// as every append.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bodies')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('acronym', 'text', (c) => c.notNull().unique())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('folio_start', 'integer', (c) => c.notNull())
    .addColumn('next_seq', 'integer', (c) => c.notNull())
    .addColumn('non_working_days', 'jsonb', (c) => c.notNull())
    .addColumn('warning_business_days', 'integer', (c) => c.notNull())
    .addColumn('reminders', 'jsonb', (c) => c.notNull())
    .addColumn('public', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('institutions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('acronym', 'text', (c) => c.notNull().unique())
    .addColumn('emails', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('sessions_body_kind_number_key', ['body_id', 'kind', 'number'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('body_id', 'uuid', (c) => c.references('bodies.id'))
    .addColumn('institution_id', 'uuid', (c) => c.references('institutions.id'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('events')
    .addColumn('position', 'bigserial', (c) => c.primaryKey())
    .addColumn('stream_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('event_id', 'uuid', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'jsonb', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor', 'jsonb', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text')
    .addUniqueConstraint('events_stream_version_key', ['stream_id', 'version'])
    .execute();

  // The store is append-only: refuse UPDATE and DELETE at the database itself.
  await sql`
    create function events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'events are append-only';
    end $$`.execute(db);
  await sql`
    create trigger events_no_update_delete before update or delete on events
    for each row execute function events_append_only()`.execute(db);

  await db.schema
    .createTable('folio_allocations')
    .addColumn('agreement_id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addUniqueConstraint('folio_allocations_body_seq_key', ['body_id', 'seq'])
    .execute();

  await db.schema
    .createTable('agreements')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id'))
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('sessions.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('folio', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('adopted_on', 'date', (c) => c.notNull())
    .addColumn('due_date', 'date')
    .addColumn('fulfilled_on', 'date')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('agreements_body_seq_key', ['body_id', 'seq'])
    .execute();
  await db.schema.createIndex('agreements_body_status_due_idx').on('agreements').columns(['body_id', 'status', 'due_date']).execute();

  await db.schema
    .createTable('agreement_responsibles')
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreements.id'))
    .addColumn('institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('agreement_responsibles_pkey', ['agreement_id', 'institution_id'])
    .execute();
  await db.schema.createIndex('agreement_responsibles_institution_idx').on('agreement_responsibles').column('institution_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['agreement_responsibles', 'agreements', 'folio_allocations', 'events', 'api_tokens', 'sessions', 'institutions', 'bodies']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function if exists events_append_only()`.execute(db);
}
