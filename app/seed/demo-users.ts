import { hashPassword } from '../passwords.js';
import type { Db } from '../../db/connection.js';
import { findUserByEmail, insertUser } from '../../db/users.js';

// Who can sign in to the web UI of the demo: one person per role the daily
// work needs. A demo only: the password is published in the README and in
// `npm start`'s output.
export const DEMO_PASSWORD = 'acuerdos-demo-2026';

export interface DemoUser {
  email: string;
  role: 'secretariat' | 'coordinator' | 'institution';
  // The institution of an institution's user, by acronym.
  institution?: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'secretaria@snimh.demo', role: 'secretariat' },
  { email: 'coordinacion@snimh.demo', role: 'coordinator' },
  { email: 'enlace@inmujeres.demo', role: 'institution', institution: 'INMUJERES' },
  { email: 'enlace@shcp.demo', role: 'institution', institution: 'SHCP' },
];

// Creates the users that do not exist yet (by e-mail): running it again adds
// nothing. `institutionIds` by acronym, as the demo registered them.
export async function ensureDemoUsers(db: Db, bodyId: string, institutionIds: ReadonlyMap<string, string>): Promise<void> {
  for (const user of DEMO_USERS) {
    if (await findUserByEmail(db, user.email)) continue;
    const institutionId = user.institution ? institutionIds.get(user.institution) : undefined;
    if (user.institution && !institutionId) throw new Error(`la demo no registró la institución ${user.institution}`);
    await insertUser(db, {
      email: user.email,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      role: user.role,
      bodyId: user.role === 'institution' ? null : bodyId,
      institutionId: institutionId ?? null,
    });
  }
}
