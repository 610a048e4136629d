import { z } from 'zod';

// Who is calling. A secretariat and a coordinator belong to one body; an
// institution token speaks only for that institution.
export const Principal = z.discriminatedUnion('role', [
  z.object({ role: z.literal('admin') }),
  z.object({ role: z.literal('secretariat'), bodyId: z.uuid() }),
  z.object({ role: z.literal('coordinator'), bodyId: z.uuid() }),
  z.object({ role: z.literal('institution'), institutionId: z.uuid() }),
]);
export type Principal = z.infer<typeof Principal>;
export type Role = Principal['role'];

export function actorOf(principal: Principal, tokenId: string): { role: Role; id: string } {
  return { role: principal.role, id: tokenId };
}

// Someone the application acts for, however they signed in (a token, a web
// session, the demo seed): what they may do, and the id events record them by.
export interface Identity {
  principal: Principal;
  tokenId: string;
}
