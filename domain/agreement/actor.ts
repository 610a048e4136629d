import { z } from 'zod';

// Who acted (from the token or the workflow) and when something happened in
// the world: every command carries both, and events keep what evolve needs.
// The role stays an open string: the API's roles plus the workflow's own
// ("system") are not this module's to enumerate.
export const Actor = z.object({ role: z.string().min(1), id: z.string().min(1) });
export type Actor = z.infer<typeof Actor>;

// An ISO 8601 instant with its offset, e.g. 2020-05-18T14:00:00.000Z.
export const Instant = z.iso.datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;
