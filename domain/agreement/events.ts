import { z } from 'zod';
import { LocalDate } from '../dates.js';
import { DeadlineRule } from '../deadline.js';
import { Actor, Instant } from './actor.js';

// Events are stored as jsonb and parsed back with these schemas, so every field
// evolve needs is in the event's data (envelope metadata belongs to the store).

export const EvidenceFile = z.object({
  name: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().min(0),
  mediaType: z.string(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

export const ReviewDecision = z.enum(['accepted', 'rejected']);
export type ReviewDecision = z.infer<typeof ReviewDecision>;

const DueDateFields = { dueDate: LocalDate.nullable(), dueDateExplanation: z.string() };

export const AgreementAdopted = z.object({
  type: z.literal('AgreementAdopted'),
  data: z.object({
    agreementId: z.string(),
    bodyId: z.string(),
    sessionId: z.string(),
    seq: z.number().int(),
    folio: z.string(),
    text: z.string(),
    themes: z.array(z.string()),
    responsibleInstitutionIds: z.array(z.string()).min(1),
    deadline: DeadlineRule,
    adoptedOn: LocalDate,
    ...DueDateFields,
  }),
});

export const EvidenceSubmitted = z.object({
  type: z.literal('EvidenceSubmitted'),
  data: z.object({
    evidenceId: z.string(),
    institutionId: z.string(),
    description: z.string(),
    links: z.array(z.string()),
    files: z.array(EvidenceFile),
    public: z.boolean(),
    submittedAt: Instant,
  }),
});

export const EvidenceReviewed = z.object({
  type: z.literal('EvidenceReviewed'),
  data: z.object({
    evidenceId: z.string(),
    institutionId: z.string(),
    decision: ReviewDecision,
    comment: z.string().nullable(),
    reviewedAt: Instant,
    reviewer: Actor,
  }),
});

export const AgreementFulfilled = z.object({
  type: z.literal('AgreementFulfilled'),
  data: z.object({ on: LocalDate, automatic: z.boolean(), justification: z.string().nullable() }),
});

export const AgreementReopened = z.object({
  type: z.literal('AgreementReopened'),
  data: z.object({ reason: z.string(), on: LocalDate }),
});

export const AgreementCancelled = z.object({
  type: z.literal('AgreementCancelled'),
  data: z.object({ reason: z.string(), on: LocalDate }),
});

export const DeadlineChanged = z.object({
  type: z.literal('DeadlineChanged'),
  data: z.object({ deadline: DeadlineRule, reason: z.string(), on: LocalDate, ...DueDateFields }),
});

export const DueDateSet = z.object({
  type: z.literal('DueDateSet'),
  data: z.object({ milestoneId: z.string(), milestoneDate: LocalDate, ...DueDateFields }),
});

// The same rule counted again with the body's new calendar: not a prórroga, so
// no earlier version is kept.
export const DueDateRecounted = z.object({
  type: z.literal('DueDateRecounted'),
  data: z.object({ on: LocalDate, ...DueDateFields }),
});

export const DeadlinePassed = z.object({
  type: z.literal('DeadlinePassed'),
  data: z.object({ dueDate: LocalDate }),
});

export const ReminderSent = z.object({
  type: z.literal('ReminderSent'),
  // overdue: sent after the due date (planned or by hand); such reminders count
  // on the escalation ladder. Absent in events recorded before the ladder.
  data: z.object({ key: z.string(), institutionIds: z.array(z.string()), overdue: z.boolean().optional() }),
});

// An institution climbed the escalation ladder: its next reminders also reach
// its head (level 1) or the body's coordinators too (level 2).
export const EscalationRaised = z.object({
  type: z.literal('EscalationRaised'),
  data: z.object({ institutionId: z.string(), level: z.union([z.literal(1), z.literal(2)]), overdueReminders: z.number().int().min(0) }),
});

export const AgreementEvent = z.discriminatedUnion('type', [
  AgreementAdopted,
  EvidenceSubmitted,
  EvidenceReviewed,
  AgreementFulfilled,
  AgreementReopened,
  AgreementCancelled,
  DeadlineChanged,
  DueDateSet,
  DueDateRecounted,
  DeadlinePassed,
  ReminderSent,
  EscalationRaised,
]);
export type AgreementEvent = z.infer<typeof AgreementEvent>;
export type AgreementEventType = AgreementEvent['type'];

export function parseAgreementEvent(raw: { type: string; data: unknown }): AgreementEvent {
  return AgreementEvent.parse(raw);
}
