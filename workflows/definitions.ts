import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor, Agreement, AgreementCommand, AgreementState } from '../domain/agreement/index.js';
import type { BodySettings, VersionedSettings } from '../domain/body-settings.js';
import type { PlannedReminder } from '../domain/reminders.js';
import type { DeadlineRule } from '../domain/deadline.js';
import type { ReminderRequest } from '../activities/send-reminder.js';
import type { ReviewNoticeRequest } from '../activities/send-review-notice.js';

// The messages an agreement workflow accepts, in one place shared by the
// workflow (which handles them) and the API (which sends them).

export const TASK_QUEUE = 'acuerdos';

export function agreementWorkflowId(agreementId: string): string {
  return `agreement-${agreementId}`;
}

export { agreementStreamId } from '../domain/agreement/stream.js';

// A message the workflow has decided to send and not yet handed to the
// notifications store.
export type Notice = { kind: 'reminder'; reminder: ReminderRequest } | { kind: 'review'; review: ReviewNoticeRequest };

// An update already answered: its id and what it asked, so a retry after
// continue-as-new (Temporal deduplicates update ids within one run only) is
// answered instead of decided again.
export interface HandledUpdate {
  id: string;
  fingerprint: string;
}

export function settingsFanOutWorkflowId(bodyId: string, settingsVersion: number): string {
  return `body-settings-${bodyId}-v${settingsVersion}`;
}

// What a run hands to the next one at continue-as-new, as plain JSON (records,
// never Maps), so the new run neither replays the store nor reloads the body.
// The workflow keeps it as this one object and passes it whole.
export interface Carried {
  state: AgreementState;
  version: number;
  // The body's settings decide needs (its zone and calendar), loaded at
  // adoption and refreshed by bodySettingsChanged or a check on waking: update
  // validators cannot call activities.
  settings: BodySettings | null;
  // Their version (0: not known, as in runs from before versions).
  settingsVersion: number;
  // When the settings last taken changed, while the due date is still to be
  // counted again with them.
  recountSince: string | null;
  // Days of the milestones this agreement's deadlines are anchored on, once known.
  milestoneDates: Record<string, string>;
  // Messages accepted and not yet sent.
  outbox: Notice[];
  // The last time the timers were looked at (ISO instant).
  lookedAt: string;
  handled: HandledUpdate[];
}

export interface AgreementWorkflowInput {
  agreementId: string;
  // Runs from before settings versions carried neither settingsVersion nor
  // recountSince, and older ones may carry no lookedAt.
  carried?: Omit<Carried, 'settingsVersion' | 'recountSince' | 'lookedAt'> & Partial<Pick<Carried, 'settingsVersion' | 'recountSince'>> & { lookedAt: string | null };
}

export interface AdoptionRequest {
  agreementId: string;
  bodyId: string;
  sessionId: string;
  sessionDate: string;
  text: string;
  themes: string[];
  responsibleInstitutionIds: string[];
  deadline: DeadlineRule;
  actor: Actor;
}

export interface CommandResult {
  version: number;
}

export const adoptAgreementUpdate = defineUpdate<CommandResult, [AdoptionRequest]>('adoptAgreement');
export const stateQuery = defineQuery<{ state: AgreementState; version: number }>('state');

// Commands callers send to an adopted agreement. Adoption has its own update
// (it starts the workflow); deadline passing and sent reminders are recorded by
// the workflow itself.
export type RequestedCommandType = Exclude<AgreementCommand['type'], 'AdoptAgreement' | 'RecordDeadlinePassed' | 'RecordReminderSent' | 'RaiseEscalation' | 'RecountDueDate'>;
export type CommandData<T extends AgreementCommand['type']> = Extract<AgreementCommand, { type: T }>['data'];

export interface CommandRequest<T extends RequestedCommandType> {
  data: CommandData<T>;
  actor: Actor;
  // When it happened in the world; absent, the workflow's clock when it decides
  // (the API's clock may run ahead of Temporal's and look like the future).
  occurredAt?: string;
  // Digest of the caller's request, echoed in the outcome: an update id reused
  // for another request gets the first outcome back, and the caller can tell.
  fingerprint: string;
}

export interface CommandOutcome {
  version: number;
  // The agreement right after this command, so a repeated request answers
  // exactly what the first one did.
  state: Agreement;
  fingerprint: string;
}

export type CommandUpdate<T extends RequestedCommandType> = ReturnType<typeof defineUpdate<CommandOutcome, [CommandRequest<T>], T>>;

// One update per command, named as the command.
export function commandUpdate<T extends RequestedCommandType>(type: T): CommandUpdate<T> {
  return defineUpdate<CommandOutcome, [CommandRequest<T>], T>(type);
}

// Typed as a record so that a command added to the domain must be listed here.
const requested: Record<RequestedCommandType, true> = {
  SubmitEvidence: true,
  ReviewEvidence: true,
  FulfilAgreement: true,
  ReopenAgreement: true,
  CancelAgreement: true,
  ChangeDeadline: true,
  ResolveMilestone: true,
};
export const requestedCommandTypes = Object.keys(requested) as RequestedCommandType[];

// A reminder to every institution still owing evidence, sent now. It is a
// message, not a change of the agreement: the notifications keep its record.
export interface RemindNowOutcome {
  // Who it goes to; it is sent right after the answer.
  institutionIds: string[];
}

export const remindNowUpdate = defineUpdate<RemindNowOutcome>('RemindNow');

// A body's settings changed (zone, calendar, reminders): agreements re-plan
// with them, unless they hold a newer version. (Signals sent before versions
// carried the bare settings.)
export const bodySettingsChangedSignal = defineSignal<[VersionedSettings | BodySettings]>('bodySettingsChanged');

// What the agreement plans now: the settings version it holds and the
// reminders still ahead of its last look at the clock.
export interface FollowUpPlan {
  settingsVersion: number;
  reminders: PlannedReminder[];
}
export const followUpQuery = defineQuery<FollowUpPlan | null>('followUp');

export interface SettingsFanOutInput {
  bodyId: string;
  settingsVersion: number;
}
