import { z } from 'zod';
import { LocalDate } from '../dates.js';
import { DeadlineRule } from '../deadline.js';
import { EvidenceFile, ReviewDecision } from './events.js';

export const Actor = z.object({ role: z.string(), id: z.string() });
export type Actor = z.infer<typeof Actor>;

const Meta = z.object({ actor: Actor, occurredAt: z.iso.datetime({ offset: true }) });
export type CommandMeta = z.infer<typeof Meta>;

function command<T extends string, D extends z.ZodRawShape>(type: T, data: D) {
  return z.object({ type: z.literal(type), data: z.object(data), meta: Meta });
}

export const AdoptAgreement = command('AdoptAgreement', {
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
});
export const SubmitEvidence = command('SubmitEvidence', {
  evidenceId: z.string(),
  institutionId: z.string(),
  description: z.string(),
  links: z.array(z.string()),
  files: z.array(EvidenceFile),
  public: z.boolean(),
});
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
export const RecordReminderSent = command('RecordReminderSent', { key: z.string(), institutionIds: z.array(z.string()) });

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
]);
export type AgreementCommand = z.infer<typeof AgreementCommand>;
