import { sql, type Kysely } from 'kysely';

// People who sign in to the web UI with email and password, on the same role
// and scope rules as the API tokens, and their cookie sessions. A session is
// stored by the SHA-256 of its secret, so a leaked table opens no session.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique().check(sql`email = lower(email)`))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'secretariat', 'coordinator', 'institution')`))
    .addColumn('body_id', 'uuid', (c) => c.references('bodies.id'))
    .addColumn('institution_id', 'uuid', (c) => c.references('institutions.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('disabled_at', 'timestamptz')
    // Each role names exactly what it is scoped to, and nothing else.
    .addCheckConstraint(
      'users_scope_check',
      sql`(role = 'admin' and body_id is null and institution_id is null)
        or (role in ('secretariat', 'coordinator') and body_id is not null and institution_id is null)
        or (role = 'institution' and institution_id is not null and body_id is null)`,
    )
    .execute();
  await db.schema.createIndex('users_body_role_idx').on('users').columns(['body_id', 'role']).execute();

  await db.schema
    .createTable('web_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('web_sessions_user_idx').on('web_sessions').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('web_sessions').execute();
  await db.schema.dropTable('users').execute();
}
