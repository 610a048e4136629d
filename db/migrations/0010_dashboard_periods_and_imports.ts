import { sql, type Kysely } from 'kysely';

// agreement_periods: each agreement's dashboard columns (status, due date,
// each responsible's state) over the spans of occurrence time in which they
// held, so a body's state as of any instant is counted in SQL instead of
// folding every stream that changed since. A read model like `agreements`:
// filled by the projection; this migration folds the streams already stored.
//
// imports: the durable CSV import jobs (POST /api/imports): the validated rows
// the job registers and its progress, read by GET /api/imports/:id.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agreement_periods')
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreements.id'))
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    // The span holds for as-of cutoffs c with valid_from < c ≤ valid_until (null: open).
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull())
    .addColumn('valid_until', 'timestamptz')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_date', 'date')
    .addPrimaryKeyConstraint('agreement_periods_pkey', ['agreement_id', 'valid_from'])
    .execute();
  await db.schema.createIndex('agreement_periods_body_idx').on('agreement_periods').columns(['body_id', 'valid_from']).execute();
  await db.schema
    .createTable('agreement_period_responsibles')
    .addColumn('agreement_id', 'uuid', (c) => c.notNull().references('agreements.id'))
    .addColumn('valid_from', 'timestamptz', (c) => c.notNull())
    .addColumn('institution_id', 'uuid', (c) => c.notNull().references('institutions.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    // The period's columns again, so compliance per institution is counted
    // from this table alone, without a join per responsible.
    .addColumn('body_id', 'uuid', (c) => c.notNull())
    .addColumn('valid_until', 'timestamptz')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_date', 'date')
    .addPrimaryKeyConstraint('agreement_period_responsibles_pkey', ['agreement_id', 'valid_from', 'institution_id'])
    .addForeignKeyConstraint('agreement_period_responsibles_period_fkey', ['agreement_id', 'valid_from'], 'agreement_periods', ['agreement_id', 'valid_from'], (c) => c.onDelete('cascade'))
    .execute();
  await db.schema.createIndex('agreement_period_responsibles_body_idx').on('agreement_period_responsibles').columns(['body_id', 'valid_from']).execute();
  // Today's dashboard reads only the current periods.
  await db.schema.createIndex('agreement_period_responsibles_current_idx').on('agreement_period_responsibles').column('body_id').where(sql.ref('valid_until'), 'is', null).execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('body_id', 'uuid', (c) => c.notNull().references('bodies.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('errors', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('actor', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One row per agreement to register, in file order; agreement_id and folio once registered.
  await db.schema
    .createTable('import_rows')
    .addColumn('import_id', 'uuid', (c) => c.notNull().references('imports.id'))
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('item', 'jsonb', (c) => c.notNull())
    .addColumn('agreement_id', 'uuid', (c) => c.notNull())
    .addColumn('folio', 'text')
    .addPrimaryKeyConstraint('import_rows_pkey', ['import_id', 'row'])
    .execute();

  // Streams already stored: their periods, folded as the projection does.
  const { projectPeriodsOfStream } = await import('../agreement-periods.js');
  const streams = await db.selectFrom('agreements').select('id').execute();
  for (const { id } of streams) await projectPeriodsOfStream(db, id as string);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_rows').execute();
  await db.schema.dropTable('imports').execute();
  await db.schema.dropTable('agreement_period_responsibles').execute();
  await db.schema.dropTable('agreement_periods').execute();
}
