import { z } from 'zod';

// Who takes part in a body's sessions from outside government, as the
// commissions' participation mechanism classifies them.
export const ParticipantKind = z.enum(['osc', 'academia', 'privado', 'otro']);
export type ParticipantKind = z.infer<typeof ParticipantKind>;
