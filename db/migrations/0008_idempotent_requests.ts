import { sql, type Kysely } from 'kysely';

// The writes that are not an agreement's workflow command remember, per caller
// and Idempotency-Key, what was asked and what was answered, so a retry gets
// the first answer instead of a second write. The key is kept only as a digest
// and the answer encrypted under a key derived from it: answers may carry a
// token's secret, which the database must not hold in clear.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('idempotent_requests')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('key_digest', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    // Who runs the request now; a claim not kept alive is taken over.
    .addColumn('claim_id', 'uuid', (c) => c.notNull())
    .addColumn('claimed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('status_code', 'integer')
    .addColumn('answer', 'bytea')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('answered_at', 'timestamptz')
    .addPrimaryKeyConstraint('idempotent_requests_pkey', ['scope', 'key_digest'])
    .addCheckConstraint('idempotent_requests_answer_check', sql`(status_code is null) = (answer is null) and (status_code is null) = (answered_at is null)`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotent_requests').execute();
}
