import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './connection.js';
import type { UserRow } from './tables.js';

export interface NewUser {
  email: string;
  passwordHash: string;
  role: string;
  bodyId: string | null;
  institutionId: string | null;
}

export type User = Omit<UserRow, 'password_hash'>;

const visible = ['id', 'email', 'role', 'body_id', 'institution_id', 'created_at', 'disabled_at'] as const;

// Emails are kept lower-case (the column refuses anything else), so one person
// cannot have two accounts that differ only in case.
export async function insertUser(db: Db, user: NewUser, id: string = randomUUID()): Promise<User> {
  return db
    .insertInto('users')
    .values({
      id,
      email: user.email.toLowerCase(),
      password_hash: user.passwordHash,
      role: user.role,
      body_id: user.bodyId,
      institution_id: user.institutionId,
    })
    .returning(visible)
    .executeTakeFirstOrThrow();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function listUsers(db: Db): Promise<User[]> {
  return db.selectFrom('users').select(visible).orderBy('email').execute();
}

// Disabling keeps the user (their name stays on what they did) and ends every
// session they had; disabling twice keeps the first instant. Undefined when no
// such user.
export async function disableUser(db: Db, id: string): Promise<User | undefined> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable('users')
      .set((eb) => ({ disabled_at: eb.fn.coalesce('disabled_at', sql<Date>`now()`) }))
      .where('id', '=', id)
      .returning(visible)
      .executeTakeFirst();
    if (user) await trx.deleteFrom('web_sessions').where('user_id', '=', id).execute();
    return user;
  });
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  return db.selectFrom('users').select(visible).where('id', '=', id).executeTakeFirst();
}
