import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { AgreementCommand, decide, evolve, initialState, type Agreement, type AgreementState, type DecidedEvent } from '../domain/agreement/index.js';
import { BodySettings, VersionedSettings } from '../domain/body-settings.js';
import { localDateOf, zonedInstant } from '../domain/dates.js';
import { escalationDue, ladderStep, type EscalationLevel } from '../domain/escalation.js';
import { DomainError } from '../domain/errors.js';
import { formatFolio } from '../domain/folio.js';
import { followUp, reminderPlan } from '../domain/follow-up.js';
import { remindNowRecipients, type PlannedReminder } from '../domain/reminders.js';
import { milestoneOf, type DeadlineRule } from '../domain/deadline.js';
import {
  agreementStreamId,
  type AdoptionRequest,
  type AgreementWorkflowInput,
  type Carried,
  type CommandOutcome,
  type CommandRequest,
  type CommandResult,
  type FollowUpPlan,
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

// Runs recorded before settings had versions neither check them on waking nor
// count a due date again when the calendar changes.
const SETTINGS_VERSIONED = 'settings-versioned';
// Runs recorded before the escalation ladder neither count overdue reminders nor escalate.
const ESCALATION_LADDER = 'escalation-ladder';

// Sending mail may be slow; a worker dying mid-send is noticed by the missing
// heartbeat, and the retry does not resend (the notification's key says so).
const { sendReminder, sendReviewNotice, sendEscalation } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '10 seconds',
  retry: { maximumInterval: '1 minute' },
});

// Update ids remembered across continue-as-new, newest last.
const HANDLED_KEPT = 500;

const system = { role: 'system' as const, id: 'acuerdos' };

// A refusal of the domain reaches the caller as a typed failure and leaves the
// workflow running; anything else is a bug and must not be retried forever, nor
// fail the workflow task (which would stall every later command).
export function asFailure(error: unknown): never {
  if (error instanceof DomainError) {
    throw wf.ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true, details: [error.details ?? null] });
  }
  if (error instanceof wf.ApplicationFailure) throw error;
  if (error instanceof wf.ActivityFailure && error.cause instanceof wf.ApplicationFailure) throw error.cause;
  const message = error instanceof Error ? error.message : String(error);
  throw wf.ApplicationFailure.create({ type: 'UNEXPECTED', message, nonRetryable: true });
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

// What a new run starts from: the carried state of the previous run whole, or
// a blank agreement. Runs from before settings versions carried no version.
export function carriedOf(input: AgreementWorkflowInput): Carried {
  const carried = input.carried;
  if (!carried) {
    return { state: initialState, version: 0, settings: null, settingsVersion: 0, recountSince: null, milestoneDates: {}, outbox: [], lookedAt: new Date().toISOString(), handled: [] };
  }
  return { ...carried, settingsVersion: carried.settingsVersion ?? 0, recountSince: carried.recountSince ?? null, lookedAt: carried.lookedAt ?? new Date().toISOString() };
}

// One agreement's run: everything it carries is in `carried`, which
// continue-as-new hands over whole; what it does is here, the workflow function
// only wires it to Temporal's handlers and loop.
export class AgreementRun {
  private readonly streamId: string;
  private readonly lock = new CommandLock();
  // Bumped by every change the timers depend on, to wake the main loop.
  private revision = 0;

  constructor(
    private readonly agreementId: string,
    readonly carried: Carried,
  ) {
    this.streamId = agreementStreamId(agreementId);
  }

  get changes(): number {
    return this.revision;
  }

  hasMail(): boolean {
    return this.carried.outbox.length > 0;
  }

  // decide against the current state with Temporal's deterministic clock. Before
  // adoption no body is known, but then decide refuses every command except the
  // adoption, which loads the settings first: the UTC stand-in dates nothing.
  private decideNow(command: AgreementCommand): DecidedEvent[] {
    const { timezone, nonWorkingDays } = this.carried.settings ?? { timezone: 'UTC', nonWorkingDays: [] };
    return decide(command, this.carried.state, { now: new Date().toISOString(), timezone, nonWorkingDays, milestoneDates: this.carried.milestoneDates });
  }

  // The one path by which anything is recorded: decide, append (idempotent by
  // the event ids fixed here, so a retried activity appends once), then evolve.
  // Callers hold the lock.
  private async record(command: AgreementCommand): Promise<DecidedEvent[]> {
    const events = this.decideNow(command);
    if (events.length === 0) return events;
    const result = await store().appendEvents({
      streamId: this.streamId,
      expectedVersion: this.carried.version,
      events: events.map((event) => ({ eventId: wf.uuid4(), type: event.type, data: event.data, occurredAt: event.occurredAt, actor: command.meta.actor })),
    });
    this.carried.state = events.reduce(evolve, this.carried.state);
    this.carried.version = result.nextVersion;
    this.revision += 1;
    return events;
  }

  // Things the clock decides are recorded like commands, by the system. A
  // refusal here (the state moved on meanwhile) just means nothing to record.
  private async recordBySystem(command: AgreementCommand): Promise<void> {
    await this.lock.run(async () => {
      try {
        await this.record(command);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        wf.log.info('nada que registrar', { command: command.type, code: error.code });
      }
    });
  }

  // A deadline anchored on a milestone that has already occurred takes its
  // date from it; the workflow learns that day before deciding.
  private async learnMilestoneOf(rule: DeadlineRule): Promise<void> {
    const milestoneId = milestoneOf(rule);
    if (milestoneId === undefined || milestoneId in this.carried.milestoneDates) return;
    this.carried.milestoneDates = { ...this.carried.milestoneDates, ...(await store().loadMilestoneDates({ milestoneIds: [milestoneId] })) };
  }

  // Settings of a version newer than the one held replace it; an older or the
  // same version (a late or repeated signal) changes nothing.
  private takeSettings(versioned: VersionedSettings): void {
    if (versioned.version <= this.carried.settingsVersion) return;
    const calendarChanged = JSON.stringify(this.carried.settings?.nonWorkingDays) !== JSON.stringify(versioned.settings.nonWorkingDays);
    this.carried.settings = versioned.settings;
    this.carried.settingsVersion = versioned.version;
    if (calendarChanged && this.carried.state.status !== 'sin_adoptar') this.carried.recountSince = versioned.changedAt;
    this.revision += 1;
  }

  // A signal may have been lost or overtaken: on waking, the body is asked
  // (cheaply, a local activity) whether its settings moved past the version
  // held. Callers hold the lock.
  private async checkSettings(): Promise<void> {
    const { state, settingsVersion } = this.carried;
    if (state.status === 'sin_adoptar' || !wf.patched(SETTINGS_VERSIONED)) return;
    const newer = await localStore.settingsNewerThan({ bodyId: state.bodyId, version: settingsVersion });
    if (newer) this.takeSettings(newer);
  }

  // The settings at adoption, with their version where the run knows versions.
  private async settingsAtAdoption(bodyId: string): Promise<VersionedSettings> {
    if (!wf.patched(SETTINGS_VERSIONED)) return { version: 0, changedAt: new Date(0).toISOString(), settings: await store().loadBodySettings({ bodyId }) };
    const current = await localStore.settingsNewerThan({ bodyId, version: 0 });
    if (!current) throw new Error(`el órgano ${bodyId} no existe`);
    return current;
  }

  hearSettings(changed: VersionedSettings | BodySettings): void {
    const versioned = VersionedSettings.safeParse(changed);
    if (versioned.success) return this.takeSettings(versioned.data);
    // A signal from before versions: taken as it comes, as it was then.
    const bare = BodySettings.safeParse(changed);
    if (!bare.success) return wf.log.warn('configuración del órgano ilegible', { issues: bare.error.issues.length });
    this.carried.settings = bare.data;
    this.revision += 1;
  }

  adopt(request: AdoptionRequest): Promise<CommandResult> {
    return this.lock
      .run(async () => {
        if (this.carried.version > 0) return { version: this.carried.version }; // a retried registration: already adopted
        const atAdoption = await this.settingsAtAdoption(request.bodyId);
        const { seq } = await store().allocateFolio({ agreementId: request.agreementId, bodyId: request.bodyId });
        await this.learnMilestoneOf(request.deadline);
        // A signal heard meanwhile may be newer; the calendar is counted at adoption.
        if (atAdoption.version === 0 || atAdoption.version > this.carried.settingsVersion) {
          this.carried.settings = atAdoption.settings;
          this.carried.settingsVersion = atAdoption.version;
        }
        const { timezone } = this.carried.settings ?? atAdoption.settings;
        await this.record({
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
          meta: { actor: request.actor, occurredAt: zonedInstant(request.sessionDate, '00:00', timezone) },
        });
        return { version: this.carried.version };
      })
      .catch(asFailure);
  }

  // A request becomes a checked command: any client of Temporal can send
  // updates, so their shape is not taken on trust.
  private commandOf<T extends RequestedCommandType>(type: T, request: CommandRequest<T>): AgreementCommand {
    return AgreementCommand.parse({
      type,
      data: request.data,
      meta: { actor: request.actor, occurredAt: request.occurredAt ?? new Date().toISOString() },
    });
  }

  private answered() {
    const id = wf.currentUpdateInfo()?.id;
    return this.carried.handled.find((h) => h.id === id);
  }

  private remember(fingerprint: string): void {
    const { handled } = this.carried;
    handled.push({ id: currentUpdateId(), fingerprint });
    if (handled.length > HANDLED_KEPT) handled.splice(0, handled.length - HANDLED_KEPT);
  }

  // What a command sets in motion besides its events: the institution hears
  // how its evidence was reviewed.
  private noticesOf(events: DecidedEvent[]): Notice[] {
    return events.flatMap((event): Notice[] =>
      event.type === 'EvidenceReviewed' ? [{ kind: 'review', review: { agreementId: this.agreementId, evidenceId: event.data.evidenceId } }] : [],
    );
  }

  // Refused here, an invalid command never enters the history; the handler
  // decides again, against the state the commands queued before it leave.
  validateCommand<T extends RequestedCommandType>(type: T, request: CommandRequest<T>): void {
    if (!this.answered()) this.decideNow(this.commandOf(type, request));
  }

  command<T extends RequestedCommandType>(type: T, request: CommandRequest<T>): Promise<CommandOutcome> {
    return this.lock
      .run(async (): Promise<CommandOutcome> => {
        const { carried } = this;
        // Answered in an earlier run: the same request gets its answer back.
        const earlier = this.answered();
        if (earlier) return { version: carried.version, state: adopted(carried.state), fingerprint: earlier.fingerprint };
        const command = this.commandOf(type, request);
        await this.checkSettings();
        if (command.type === 'ChangeDeadline') await this.learnMilestoneOf(command.data.deadline);
        const events = await this.record(command);
        if (command.type === 'ResolveMilestone') carried.milestoneDates = { ...carried.milestoneDates, [command.data.milestoneId]: command.data.date };
        carried.outbox.push(...this.noticesOf(events));
        this.remember(request.fingerprint);
        return { version: carried.version, state: adopted(carried.state), fingerprint: request.fingerprint };
      })
      .catch(asFailure);
  }

  validateRemindNow(): void {
    remindNowRecipients(this.carried.state);
  }

  // One key per request (its update id): the notifications store sends each
  // (key, institution) at most once, whatever retries happen. Under the lock,
  // so it sees the state the commands queued before it leave.
  remindNow(): Promise<RemindNowOutcome> {
    return this.lock
      .run(async () => {
        const institutionIds = remindNowRecipients(this.carried.state);
        const reminderKey = `manual:${this.agreementId}:${currentUpdateId()}`;
        this.carried.outbox.push(
          ...institutionIds.map((institutionId): Notice => ({ kind: 'reminder', reminder: { agreementId: this.agreementId, reminderKey, institutionId, kind: 'manual' } })),
        );
        return { institutionIds };
      })
      .catch(asFailure);
  }

  private async deliver(notice: Notice): Promise<void> {
    if (notice.kind === 'review') {
      await sendReviewNotice(notice.review);
      return;
    }
    const { reminderKey, institutionId } = notice.reminder;
    const overdue = this.overdueNow();
    await sendReminder(notice.reminder);
    // A reminder sent by hand after the due date counts on the ladder like a
    // planned one, so it is in the history too (runs before the ladder did not record it).
    if (!overdue || !wf.patched(ESCALATION_LADDER)) return;
    await this.climbLadder(reminderKey, institutionId);
    await this.recordBySystem({
      type: 'RecordReminderSent',
      data: { key: `${reminderKey}:${institutionId}`, institutionIds: [institutionId], overdue },
      meta: { actor: system, occurredAt: new Date().toISOString() },
    });
  }

  // The due date has passed in the body's zone: a reminder sent now is an overdue one.
  private overdueNow(): boolean {
    const { state, settings } = this.carried;
    if (state.status !== 'en_proceso' || state.dueDate === null || !settings) return false;
    return localDateOf(new Date().toISOString(), settings.timezone) > state.dueDate;
  }

  // With an overdue reminder to an institution that keeps ignoring them, copies
  // go up the ladder: each rung reached is recorded once, then every rung up to
  // it hears (the head; the coordinators too).
  private async climbLadder(reminderKey: string, institutionId: string): Promise<void> {
    const state = this.carried.state;
    if (state.status === 'sin_adoptar') return;
    // Settings carried from runs before the ladder have no `escalation`.
    const level = escalationDue(state, institutionId, this.carried.settings?.escalation ?? null);
    for (let rung = ladderStep(state, institutionId).level + 1; rung <= level; rung += 1) {
      await this.recordBySystem({
        type: 'RaiseEscalation',
        data: { institutionId, level: rung === 1 ? 1 : 2 },
        meta: { actor: system, occurredAt: new Date().toISOString() },
      });
    }
    const audiences: Exclude<EscalationLevel, 0>[] = level === 2 ? [1, 2] : level === 1 ? [1] : [];
    for (const audience of audiences) await sendEscalation({ agreementId: this.agreementId, reminderKey, institutionId, audience });
  }

  // Stops when the history is long enough to continue as new: what is left
  // travels to the next run, so a steady stream of notices never holds it back.
  // (Runs recorded before this rule drained the whole outbox first.)
  async deliverOutbox(): Promise<void> {
    const { outbox } = this.carried;
    const yieldToContinueAsNew = () => wf.workflowInfo().continueAsNewSuggested && wf.patched('outbox-yields-to-continue-as-new');
    for (let next = outbox[0]; next && !yieldToContinueAsNew(); next = outbox[0]) {
      await this.deliver(next);
      outbox.shift();
    }
  }

  // Each institution gets the reminder once (the key guards it); then the
  // history says it was sent, and the plan never offers that key again.
  private async sendPlanned(reminder: PlannedReminder): Promise<void> {
    const ladder = reminder.kind === 'overdue' && wf.patched(ESCALATION_LADDER);
    for (const institutionId of reminder.institutionIds) {
      await sendReminder({ agreementId: this.agreementId, reminderKey: reminder.key, institutionId, kind: reminder.kind });
      if (ladder) await this.climbLadder(reminder.key, institutionId);
    }
    await this.recordBySystem({
      type: 'RecordReminderSent',
      data: { key: reminder.key, institutionIds: reminder.institutionIds, ...(ladder ? { overdue: true } : {}) },
      meta: { actor: system, occurredAt: new Date().toISOString() },
    });
  }

  // A calendar taken since the due date was counted: counted again with it.
  private async recountDueDate(): Promise<void> {
    const settingsChangedAt = this.carried.recountSince;
    if (settingsChangedAt === null || !wf.patched(SETTINGS_VERSIONED)) return;
    await this.recordBySystem({ type: 'RecountDueDate', data: { settingsChangedAt }, meta: { actor: system, occurredAt: new Date().toISOString() } });
    this.carried.recountSince = null;
  }

  // Looks at the clock: records a deadline that passed, sends the reminder
  // that came due, and says when to look again. Woken by its timer, it first
  // checks the body's settings are still the ones it holds.
  async attendTimers(timerFired: boolean): Promise<string | null> {
    // (Runs from before versions never took the lock here.)
    if (timerFired && this.carried.state.status !== 'sin_adoptar' && wf.patched(SETTINGS_VERSIONED)) await this.lock.run(() => this.checkSettings());
    await this.recountDueDate();
    const { carried } = this;
    if (carried.state.status === 'sin_adoptar' || !carried.settings) return null;
    const now = new Date().toISOString();
    const due = followUp({ agreement: carried.state, settings: carried.settings, lookedAt: carried.lookedAt, now });
    carried.lookedAt = now;
    if (due.deadlinePassedAt) {
      await this.recordBySystem({ type: 'RecordDeadlinePassed', data: {}, meta: { actor: system, occurredAt: due.deadlinePassedAt } });
    }
    if (due.reminder) await this.sendPlanned(due.reminder);
    return due.wakeAt;
  }

  plan(): FollowUpPlan | null {
    const { state, settings, settingsVersion, lookedAt } = this.carried;
    if (state.status === 'sin_adoptar' || !settings) return null;
    return { settingsVersion, reminders: reminderPlan(state, settings, lookedAt) };
  }
}
