import { z } from 'zod';
import type { Agreement } from './agreement/state.js';

// When an institution keeps missing a deadline, reminders to the same liaison
// stop working: after `afterReminders` overdue reminders without evidence the
// next ones also reach the institution's head, and after `toCoordinatorsAfter`
// more, the body's coordinators. Off unless the body sets it.
export const EscalationSettings = z.strictObject({
  afterReminders: z.number().int().min(1).max(50),
  toCoordinatorsAfter: z.number().int().min(1).max(50),
});
export type EscalationSettings = z.infer<typeof EscalationSettings>;

// 0: the liaison only; 1: also the institution's head; 2: also the body's coordinators.
export const EscalationLevel = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type EscalationLevel = z.infer<typeof EscalationLevel>;

// Where an institution stands on the ladder of one agreement.
export const LadderStep = z.object({
  // Overdue reminders it received while it had no evidence in, since its last
  // evidence or the last prórroga.
  overdueReminders: z.number().int().min(0),
  level: EscalationLevel,
});
export type LadderStep = z.infer<typeof LadderStep>;

export const Ladder = z.record(z.string(), LadderStep);
export type Ladder = z.infer<typeof Ladder>;

export const LADDER_BOTTOM: LadderStep = { overdueReminders: 0, level: 0 };

// States recorded before the ladder existed (read-model rows, a run carried
// over by continue-as-new) have no ladder: everyone is at the bottom.
export function ladderOf(agreement: Pick<Agreement, 'ladder'>): Ladder {
  const ladder: Ladder | undefined = agreement.ladder;
  return ladder ?? {};
}

export function ladderStep(agreement: Pick<Agreement, 'ladder'>, institutionId: string): LadderStep {
  return ladderOf(agreement)[institutionId] ?? LADDER_BOTTOM;
}

/** How high the next overdue reminder to an institution reaches, by the reminders it already ignored. */
export function escalationDue(agreement: Pick<Agreement, 'ladder'>, institutionId: string, settings: EscalationSettings | null): EscalationLevel {
  if (!settings) return 0;
  const { overdueReminders } = ladderStep(agreement, institutionId);
  if (overdueReminders >= settings.afterReminders + settings.toCoordinatorsAfter) return 2;
  if (overdueReminders >= settings.afterReminders) return 1;
  return 0;
}

export const ESCALATION_AUDIENCE: Record<Exclude<EscalationLevel, 0>, string> = {
  1: 'la persona titular de la institución',
  2: 'la coordinación del órgano colegiado',
};
