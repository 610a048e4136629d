import { z } from 'zod';
import { LocalDate } from '../dates.js';
import { DeadlineRule } from '../deadline.js';
import { Ladder } from '../escalation.js';
import { Actor, Instant } from './actor.js';
import { AgreementAdopted, EvidenceSubmitted, ReviewDecision } from './events.js';
import { AgreementStatus, InstitutionState } from './status.js';

// The state evolve builds. Declared as schemas so the types flow from one place
// and a state carried across continue-as-new or cached as JSON can be checked.

export const Responsible = z.object({ institutionId: z.string(), state: InstitutionState });
export type Responsible = z.infer<typeof Responsible>;

export const Review = z.object({
  decision: ReviewDecision,
  comment: z.string().nullable(),
  reviewedAt: Instant,
  reviewer: Actor,
});
export type Review = z.infer<typeof Review>;

// What was submitted, under the contract's name `id`, and its review.
export const Evidence = EvidenceSubmitted.shape.data
  .omit({ evidenceId: true })
  .extend({ id: z.string(), review: Review.nullable() });
export type Evidence = z.infer<typeof Evidence>;

export const DeadlineVersion = z.object({
  deadline: DeadlineRule,
  dueDate: LocalDate.nullable(),
  dueDateExplanation: z.string(),
  // When and why it was replaced.
  replacedOn: LocalDate,
  replacedBecause: z.string(),
});
export type DeadlineVersion = z.infer<typeof DeadlineVersion>;

// What the adoption recorded, plus what the follow-up adds.
export const Agreement = AgreementAdopted.shape.data.omit({ responsibleInstitutionIds: true }).extend({
  status: AgreementStatus,
  fulfilledOn: LocalDate.nullable(),
  responsibles: z.array(Responsible),
  evidence: z.array(Evidence),
  // Every earlier rule and due date, oldest first.
  deadlineHistory: z.array(DeadlineVersion),
  // The due date whose passing is already recorded, so it is recorded once.
  overdueRecordedFor: LocalDate.nullable(),
  // Keys of the reminders already sent, so each is sent once.
  remindersSent: z.array(z.string()),
  // Each institution's place on the escalation ladder (states recorded before
  // the ladder have none: everyone at the bottom).
  ladder: Ladder.default({}),
  // The day the current due date took effect, when later than the rule (a
  // milestone's day, a recount): nothing it causes happened before.
  dueDateSince: LocalDate.optional(),
});
export type Agreement = z.infer<typeof Agreement>;

// Before its AgreementAdopted event an agreement stream has no state at all.
export const NotAdopted = z.object({ status: z.literal('sin_adoptar') });
export type NotAdopted = z.infer<typeof NotAdopted>;

export const AgreementState = z.discriminatedUnion('status', [NotAdopted, Agreement]);
export type AgreementState = z.infer<typeof AgreementState>;

export const initialState: AgreementState = { status: 'sin_adoptar' };

// The day the agreement's current deadline rule took effect: its adoption, or
// the last prórroga. Nothing the rule causes happened before it.
export function ruleInForceSince(agreement: Agreement): LocalDate {
  return agreement.deadlineHistory.at(-1)?.replacedOn ?? agreement.adoptedOn;
}

// The day the current due date took effect: what its passing causes is never
// dated before it.
export function dueDateSince(agreement: Agreement): LocalDate {
  return agreement.dueDateSince ?? ruleInForceSince(agreement);
}
