import { z } from 'zod';
import type { Db } from '../db/connection.js';
import { findBody } from '../db/bodies.js';
import { findInstitution } from '../db/institutions.js';
import { validationFailed } from '../app/errors.js';
import type { Role } from '../app/principal.js';

// What a token or a user is allowed to be: a role and, for every role but admin,
// the one body or institution it acts for. Tokens and users share this shape.
export function grantRequest<F extends z.ZodRawShape>(fields: F) {
  return z.discriminatedUnion('role', [
    z.strictObject({ role: z.literal('admin'), ...fields }),
    z.strictObject({ role: z.literal('secretariat'), bodyId: z.uuid(), ...fields }),
    z.strictObject({ role: z.literal('coordinator'), bodyId: z.uuid(), ...fields }),
    z.strictObject({ role: z.literal('institution'), institutionId: z.uuid(), ...fields }),
  ]);
}

export interface GrantScope {
  role: Role;
  bodyId: string | null;
  institutionId: string | null;
}

// The scope of a grant as columns, once its body or institution is known to exist.
export async function grantScope(db: Db, grant: { role: Role; bodyId?: string; institutionId?: string }): Promise<GrantScope> {
  const bodyId = grant.bodyId ?? null;
  const institutionId = grant.institutionId ?? null;
  if (bodyId && !(await findBody(db, bodyId))) {
    throw validationFailed([{ field: 'bodyId', message: 'El órgano colegiado no existe.' }]);
  }
  if (institutionId && !(await findInstitution(db, institutionId))) {
    throw validationFailed([{ field: 'institutionId', message: 'La institución no existe.' }]);
  }
  return { role: grant.role, bodyId, institutionId };
}
