import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { AgreementCommand, decide, evolve, initialState, type Agreement, type AgreementEvent, type AgreementState } from '../domain/agreement/index.js';
import type { BodySettings } from '../domain/body-settings.js';
import { localDateOf, zonedInstant } from '../domain/dates.js';
import { escalationDue, ladderStep, type EscalationLevel } from '../domain/escalation.js';
import { DomainError } from '../domain/errors.js';
import { formatFolio } from '../domain/folio.js';
import { followUp } from '../domain/follow-up.js';
import { remindNowRecipients, type PlannedReminder } from '../domain/reminders.js';
import { milestoneOf, type DeadlineRule } from '../domain/deadline.js';
import {
  adoptAgreementUpdate,
  agreementStreamId,
  bodySettingsChangedSignal,
  commandUpdate,
  remindNowUpdate,
  requestedCommandTypes,
  stateQuery,
  type AdoptionRequest,
  type AgreementWorkflowInput,
  type CommandOutcome,
  type CommandRequest,
  type CommandResult,
  type HandledUpdate,
  type Notice,
  type RemindNowOutcome,
  type RequestedCommandType,
} from './definitions.js';
import { CommandLock } from './lock.js';

const storeOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '10 seconds', nonRetryableErrorTypes: ['WRONG_EXPECTED_VERSION'] },
} satisfies wf.ActivityOptions;
const remoteStore = wf.proxyActivities<Activities>(storeOptions);
// Short, idempotent database calls run as local activities: in the worker,
// within the workflow task, instead of a round trip through the server each.
const localStore = wf.proxyLocalActivities<Activities>(storeOptions);

// Runs started before local activities keep replaying the activities they
// recorded; everything since takes the local path.
function store(): Pick<Activities, 'allocateFolio' | 'loadBodySettings' | 'loadMilestoneDates' | 'appendEvents'> {
  return wf.patched('store-through-local-activities') ? localStore : remoteStore;
}

// Sending mail may be slow; a worker dying mid-send is noticed by the missing
// heartbeat, and the retry does not resend (the notification's key says so).
const { sendReminder, sendReviewNotice, sendEscalation } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { maximumInterval: '1 minute' },
});

// Update ids remembered across continue-as-new, newest last.
const HANDLED_KEPT = 500;

// A refusal of the domain reaches the caller as a typed failure and leaves the
// workflow running; anything else is a bug and must not be retried forever, nor
// fail the workflow task (which would stall every later command).
function asFailure(error: unknown): never {
  if (error instanceof DomainError) {
    throw wf.ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true, details: [error.details ?? null] });
  }
  if (error instanceof wf.ApplicationFailure) throw error;
  if (error instanceof wf.ActivityFailure && error.cause instanceof wf.ApplicationFailure) throw error.cause;
  const message = error instanceof Error ? error.message : String(error);
  throw wf.ApplicationFailure.create({ type: 'UNEXPECTED', message, nonRetryable: true });
}

// Validators are synchronous and must reject with a typed failure too.
function validating<A extends unknown[]>(check: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    try {
      check(...args);
    } catch (error) {
      asFailure(error);
    }
  };
}

function currentUpdateId(): string {
  const info = wf.currentUpdateInfo();
  if (!info) throw new Error('fuera de un manejador de update');
  return info.id;
}

function adopted(state: AgreementState): Agreement {
  if (state.status === 'sin_adoptar') throw new Error('el acuerdo no quedó registrado');
  return state;
}

// One workflow per agreement: the only writer of its stream, and the keeper of
// its timers (reminders, the deadline passing).
export async function agreementWorkflow(input: AgreementWorkflowInput): Promise<void> {
  const streamId = agreementStreamId(input.agreementId);
  const carried = input.carried;
  let state: AgreementState = carried?.state ?? initialState;
  let version = carried?.version ?? 0;
  let settings: BodySettings | null = carried?.settings ?? null;
  let milestoneDates: Record<string, string> = carried?.milestoneDates ?? {};
  let lookedAt: string = carried?.lookedAt ?? new Date().toISOString();
  const handled: HandledUpdate[] = [...(carried?.handled ?? [])];
  // Messages accepted but not yet handed to the notifications store. Updates
  // answer once they are queued; the main loop sends them, so a slow mail
  // server holds neither the caller nor the commands behind the lock.
  const outbox: Notice[] = [...(carried?.outbox ?? [])];
  const continueAsNewSuggested = () => wf.workflowInfo().continueAsNewSuggested;
  // Bumped by every change the timers depend on, to wake the main loop.
  let revision = 0;
  const lock = new CommandLock();

  // decide against the current state with Temporal's deterministic clock. Before
  // adoption no body is known, but then decide refuses every command except the
  // adoption, which loads the settings first: the UTC stand-in dates nothing.
  function decideNow(command: AgreementCommand): AgreementEvent[] {
    const { timezone, nonWorkingDays } = settings ?? { timezone: 'UTC', nonWorkingDays: [] };
    return decide(command, state, { now: new Date().toISOString(), timezone, nonWorkingDays, milestoneDates });
  }

  // The one path by which anything is recorded: decide, append (idempotent by
  // the event ids fixed here, so a retried activity appends once), then evolve.
  // Callers hold the lock.
  async function record(command: AgreementCommand): Promise<AgreementEvent[]> {
    const events = decideNow(command);
    if (events.length === 0) return events;
    const result = await store().appendEvents({
      streamId,
      expectedVersion: version,
      events: events.map((event) => ({
        eventId: wf.uuid4(),
        type: event.type,
        data: event.data,
        occurredAt: command.meta.occurredAt,
        actor: command.meta.actor,
      })),
    });
    state = events.reduce(evolve, state);
    version = result.nextVersion;
    revision += 1;
    return events;
  }

  // A deadline anchored on a milestone that has already occurred takes its
  // date from it; the workflow learns that day before deciding.
  async function learnMilestoneOf(rule: DeadlineRule): Promise<void> {
    const milestoneId = milestoneOf(rule);
    if (milestoneId === undefined || milestoneId in milestoneDates) return;
    milestoneDates = { ...milestoneDates, ...(await store().loadMilestoneDates({ milestoneIds: [milestoneId] })) };
  }

  async function adopt(request: AdoptionRequest): Promise<CommandResult> {
    if (version > 0) return { version }; // a retried registration: already adopted
    const bodySettings = await store().loadBodySettings({ bodyId: request.bodyId });
    const { seq } = await store().allocateFolio({ agreementId: request.agreementId, bodyId: request.bodyId });
    await learnMilestoneOf(request.deadline);
    settings = bodySettings;
    await record({
      type: 'AdoptAgreement',
      data: {
        agreementId: request.agreementId,
        bodyId: request.bodyId,
        sessionId: request.sessionId,
        seq,
        folio: formatFolio(seq, request.sessionDate),
        text: request.text,
        themes: request.themes,
        responsibleInstitutionIds: request.responsibleInstitutionIds,
        deadline: request.deadline,
        adoptedOn: request.sessionDate,
      },
      meta: { actor: request.actor, occurredAt: zonedInstant(request.sessionDate, '00:00', bodySettings.timezone) },
    });
    return { version };
  }

  // A request becomes a checked command: any client of Temporal can send
  // updates, so their shape is not taken on trust.
  function commandOf<T extends RequestedCommandType>(type: T, request: CommandRequest<T>): AgreementCommand {
    return AgreementCommand.parse({
      type,
      data: request.data,
      meta: { actor: request.actor, occurredAt: request.occurredAt ?? new Date().toISOString() },
    });
  }

  function answered(): HandledUpdate | undefined {
    const id = wf.currentUpdateInfo()?.id;
    return handled.find((h) => h.id === id);
  }

  function remember(fingerprint: string): void {
    handled.push({ id: currentUpdateId(), fingerprint });
    if (handled.length > HANDLED_KEPT) handled.splice(0, handled.length - HANDLED_KEPT);
  }

  // What a command sets in motion besides its events: the institution hears
  // how its evidence was reviewed.
  function noticesOf(events: AgreementEvent[]): Notice[] {
    return events.flatMap((event): Notice[] =>
      event.type === 'EvidenceReviewed' ? [{ kind: 'review', review: { agreementId: input.agreementId, evidenceId: event.data.evidenceId } }] : [],
    );
  }

  function handleCommand(type: RequestedCommandType): void {
    wf.setHandler(
      commandUpdate(type),
      (request) =>
        lock
          .run(async (): Promise<CommandOutcome> => {
            // Answered in an earlier run: the same request gets its answer back.
            const earlier = answered();
            if (earlier) return { version, state: adopted(state), fingerprint: earlier.fingerprint };
            const command = commandOf(type, request);
            if (command.type === 'ChangeDeadline') await learnMilestoneOf(command.data.deadline);
            const events = await record(command);
            if (command.type === 'ResolveMilestone') milestoneDates = { ...milestoneDates, [command.data.milestoneId]: command.data.date };
            outbox.push(...noticesOf(events));
            remember(request.fingerprint);
            return { version, state: adopted(state), fingerprint: request.fingerprint };
          })
          .catch(asFailure),
      // Refused here, an invalid command never enters the history; the handler
      // decides again, against the state the commands queued before it leave.
      {
        validator: validating((request: CommandRequest<RequestedCommandType>) => {
          if (!answered()) decideNow(commandOf(type, request));
        }),
      },
    );
  }

  // One key per request (its update id): the notifications store sends each
  // (key, institution) at most once, whatever retries happen.
  function remindNow(updateId: string): RemindNowOutcome {
    const institutionIds = remindNowRecipients(state);
    const reminderKey = `manual:${input.agreementId}:${updateId}`;
    outbox.push(...institutionIds.map((institutionId): Notice => ({ kind: 'reminder', reminder: { agreementId: input.agreementId, reminderKey, institutionId, kind: 'manual' } })));
    return { institutionIds };
  }

  async function deliver(notice: Notice): Promise<void> {
    if (notice.kind === 'review') {
      await sendReviewNotice(notice.review);
      return;
    }
    const { reminderKey, institutionId } = notice.reminder;
    const overdue = overdueNow();
    await sendReminder(notice.reminder);
    // A reminder sent by hand after the due date counts on the ladder like a
    // planned one, so it is in the history too (runs before the ladder did not record it).
    if (!overdue || !wf.patched('escalation-ladder')) return;
    await climbLadder(reminderKey, institutionId);
    await recordBySystem({
      type: 'RecordReminderSent',
      data: { key: `${reminderKey}:${institutionId}`, institutionIds: [institutionId], overdue },
      meta: { actor: system, occurredAt: new Date().toISOString() },
    });
  }

  // Stops when the history is long enough to continue as new: what is left
  // travels to the next run, so a steady stream of notices never holds it back.
  // (Runs recorded before this rule drained the whole outbox first.)
  const yieldToContinueAsNew = () => continueAsNewSuggested() && wf.patched('outbox-yields-to-continue-as-new');
  async function deliverOutbox(): Promise<void> {
    for (let next = outbox[0]; next && !yieldToContinueAsNew(); next = outbox[0]) {
      await deliver(next);
      outbox.shift();
    }
  }

  // Things the clock decides are recorded like commands, by the system. A
  // refusal here (the state moved on meanwhile) just means nothing to record.
  async function recordBySystem(command: AgreementCommand): Promise<void> {
    await lock.run(async () => {
      try {
        await record(command);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        wf.log.info('nada que registrar', { command: command.type, code: error.code });
      }
    });
  }

  const system = { role: 'system' as const, id: 'acuerdos' };

  // The due date has passed in the body's zone: a reminder sent now is an overdue one.
  function overdueNow(): boolean {
    if (state.status !== 'en_proceso' || state.dueDate === null || !settings) return false;
    return localDateOf(new Date().toISOString(), settings.timezone) > state.dueDate;
  }

  // With an overdue reminder to an institution that keeps ignoring them, copies
  // go up the ladder: each rung reached is recorded once, then every rung up to
  // it hears (the head; the coordinators too).
  async function climbLadder(reminderKey: string, institutionId: string): Promise<void> {
    if (state.status === 'sin_adoptar') return;
    // Settings carried from runs before the ladder have no `escalation`.
    const level = escalationDue(state, institutionId, settings?.escalation ?? null);
    for (let rung = ladderStep(state, institutionId).level + 1; rung <= level; rung += 1) {
      await recordBySystem({
        type: 'RaiseEscalation',
        data: { institutionId, level: rung === 1 ? 1 : 2 },
        meta: { actor: system, occurredAt: new Date().toISOString() },
      });
    }
    const audiences: Exclude<EscalationLevel, 0>[] = level === 2 ? [1, 2] : level === 1 ? [1] : [];
    for (const audience of audiences) await sendEscalation({ agreementId: input.agreementId, reminderKey, institutionId, audience });
  }

  // Each institution gets the reminder once (the key guards it); then the
  // history says it was sent, and the plan never offers that key again.
  async function sendPlanned(reminder: PlannedReminder): Promise<void> {
    const ladder = reminder.kind === 'overdue' && wf.patched('escalation-ladder');
    for (const institutionId of reminder.institutionIds) {
      await sendReminder({ agreementId: input.agreementId, reminderKey: reminder.key, institutionId, kind: reminder.kind });
      if (ladder) await climbLadder(reminder.key, institutionId);
    }
    await recordBySystem({
      type: 'RecordReminderSent',
      data: { key: reminder.key, institutionIds: reminder.institutionIds, ...(ladder ? { overdue: true } : {}) },
      meta: { actor: system, occurredAt: new Date().toISOString() },
    });
  }

  // Looks at the clock: records a deadline that passed, sends the reminder
  // that came due, and says when to look again.
  async function attendTimers(): Promise<string | null> {
    if (state.status === 'sin_adoptar' || !settings) return null;
    const now = new Date().toISOString();
    const due = followUp({ agreement: state, settings, lookedAt, now });
    lookedAt = now;
    if (due.deadlinePassedAt) {
      await recordBySystem({ type: 'RecordDeadlinePassed', data: {}, meta: { actor: system, occurredAt: due.deadlinePassedAt } });
    }
    if (due.reminder) await sendPlanned(due.reminder);
    return due.wakeAt;
  }

  wf.setHandler(adoptAgreementUpdate, (request) => lock.run(() => adopt(request)).catch(asFailure));
  for (const type of requestedCommandTypes) handleCommand(type);
  // Under the lock, so it sees the state the commands queued before it leave.
  wf.setHandler(remindNowUpdate, () => lock.run(async () => remindNow(currentUpdateId())).catch(asFailure), {
    validator: validating(() => remindNowRecipients(state)),
  });
  wf.setHandler(bodySettingsChangedSignal, (changed) => {
    settings = changed;
    revision += 1;
  });
  wf.setHandler(stateQuery, () => ({ state, version }));

  while (!continueAsNewSuggested()) {
    const wakeAt = await attendTimers();
    const seen = revision;
    const woken = () => outbox.length > 0 || revision !== seen || continueAsNewSuggested();
    if (wakeAt === null) await wf.condition(woken);
    else await wf.condition(woken, Math.max(1, Date.parse(wakeAt) - Date.now()));
    await deliverOutbox();
  }
  await wf.condition(wf.allHandlersFinished);
  await wf.continueAsNew<typeof agreementWorkflow>({
    agreementId: input.agreementId,
    carried: { state, version, settings, milestoneDates, outbox, lookedAt, handled },
  });
}
