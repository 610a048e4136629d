import { z } from 'zod';
import { LocalDate } from '../dates.js';
import { DeadlineRule } from '../deadline.js';
import { Actor, Instant } from './actor.js';
import { AgreementAdopted, EvidenceSubmitted, ReviewDecision } from './events.js';

// Every command says who acts and when it happened in the world.
export const CommandMeta = z.object({ actor: Actor, occurredAt: Instant });
export type CommandMeta = z.infer<typeof CommandMeta>;

function command<T extends string, D extends z.ZodRawShape>(type: T, data: D) {
  return z.object({ type: z.literal(type), data: z.object(data), meta: CommandMeta });
}

// A command carries what its event records, less what deciding adds.
export const AdoptAgreement = command('AdoptAgreement', AgreementAdopted.shape.data.omit({ dueDate: true, dueDateExplanation: true }).shape);
export const SubmitEvidence = command('SubmitEvidence', EvidenceSubmitted.shape.data.omit({ submittedAt: true }).shape);
export const ReviewEvidence = command('ReviewEvidence', {
  evidenceId: z.string(),
  decision: ReviewDecision,
  comment: z.string().nullable(),
});
export const FulfilAgreement = command('FulfilAgreement', { justification: z.string() });
export const ReopenAgreement = command('ReopenAgreement', { reason: z.string() });
export const CancelAgreement = command('CancelAgreement', { reason: z.string() });
export const ChangeDeadline = command('ChangeDeadline', { deadline: DeadlineRule, reason: z.string() });
export const ResolveMilestone = command('ResolveMilestone', { milestoneId: z.string(), date: LocalDate });
export const RecordDeadlinePassed = command('RecordDeadlinePassed', {});
export const RecordReminderSent = command('RecordReminderSent', { key: z.string(), institutionIds: z.array(z.string()), overdue: z.boolean().optional() });
export const RaiseEscalation = command('RaiseEscalation', { institutionId: z.string(), level: z.union([z.literal(1), z.literal(2)]) });
// The body's calendar changed (at settingsChangedAt): the due date is counted again with it.
export const RecountDueDate = command('RecountDueDate', { settingsChangedAt: Instant });

export const AgreementCommand = z.discriminatedUnion('type', [
  AdoptAgreement,
  SubmitEvidence,
  ReviewEvidence,
  FulfilAgreement,
  ReopenAgreement,
  CancelAgreement,
  ChangeDeadline,
  ResolveMilestone,
  RecordDeadlinePassed,
  RecordReminderSent,
  RaiseEscalation,
  RecountDueDate,
]);
export type AgreementCommand = z.infer<typeof AgreementCommand>;
