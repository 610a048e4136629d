import { z } from 'zod';
import { Instant } from '../../domain/agreement/index.js';
import { Principal } from '../../app/principal.js';

// Who may call the API: tokens, web users, and the caller itself.

export const Role = z.enum(Principal.options.map((option) => option.shape.role.value));

export const IssuedToken = z.object({
  id: z.uuid(),
  token: z.string().describe('El secreto, para la cabecera Authorization: Bearer. Se muestra solo esta vez.'),
});

export const TokenListing = z.array(
  z.object({
    id: z.uuid(),
    role: Role,
    bodyId: z.uuid().nullable(),
    institutionId: z.uuid().nullable(),
    label: z.string(),
    createdAt: Instant,
    revokedAt: Instant.nullable(),
  }),
);

export const UserView = z.object({
  id: z.uuid(),
  email: z.string(),
  role: Role,
  bodyId: z.uuid().nullable(),
  institutionId: z.uuid().nullable(),
  createdAt: Instant,
  disabledAt: Instant.nullable(),
});
export type UserView = z.infer<typeof UserView>;

export const SignedIn = z.object({ user: UserView });

export const CallerView = z.object({
  principal: Principal,
  user: UserView.nullable().describe('El usuario de la sesión web; null con un token.'),
});
