import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { ReminderRequest } from '../activities/send-reminder.js';
import { AgreementCommand, decide, evolve, initialState, type Agreement, type AgreementEvent, type AgreementState } from '../domain/agreement/index.js';
import type { BodySettings } from '../domain/body-settings.js';
import { zonedInstant } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { formatFolio } from '../domain/folio.js';
import { remindNowRecipients } from '../domain/reminders.js';
import {
  adoptAgreementUpdate,
  agreementStreamId,
  commandUpdate,
  remindNowUpdate,
  requestedCommandTypes,
  stateQuery,
  type AdoptionRequest,
  type AgreementWorkflowInput,
  type CommandOutcome,
  type CommandRequest,
  type CommandResult,
  type RemindNowOutcome,
  type RequestedCommandType,
} from './definitions.js';
import { CommandLock } from './lock.js';

const { allocateFolio, loadBodySettings, appendEvents, sendReminder } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '10 seconds', nonRetryableErrorTypes: ['WRONG_EXPECTED_VERSION'] },
});

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

// One workflow per agreement: the only writer of its stream.
export async function agreementWorkflow(input: AgreementWorkflowInput): Promise<void> {
  const streamId = agreementStreamId(input.agreementId);
  let state: AgreementState = input.carried?.state ?? initialState;
  let version = input.carried?.version ?? 0;
  let settings: BodySettings | null = input.carried?.settings ?? null;
  const lock = new CommandLock();

  // decide against the current state with Temporal's deterministic clock. Before
  // adoption no body is known, but then decide refuses every command except the
  // adoption, which loads the settings first: the UTC stand-in dates nothing.
  function decideNow(command: AgreementCommand): AgreementEvent[] {
    const { timezone, nonWorkingDays } = settings ?? { timezone: 'UTC', nonWorkingDays: [] };
    return decide(command, state, { now: new Date().toISOString(), timezone, nonWorkingDays });
  }

  // The one path by which anything is recorded: decide, append (idempotent by
  // the event ids fixed here, so a retried activity appends once), then evolve.
  // Callers hold the lock.
  async function record(command: AgreementCommand): Promise<void> {
    const events = decideNow(command);
    if (events.length === 0) return;
    const result = await appendEvents({
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
  }

  async function adopt(request: AdoptionRequest): Promise<CommandResult> {
    if (version > 0) return { version }; // a retried registration: already adopted
    const bodySettings = await loadBodySettings({ bodyId: request.bodyId });
    const { seq } = await allocateFolio({ agreementId: request.agreementId, bodyId: request.bodyId });
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

  function handleCommand(type: RequestedCommandType): void {
    wf.setHandler(
      commandUpdate(type),
      (request) =>
        lock
          .run(async (): Promise<CommandOutcome> => {
            await record(commandOf(type, request));
            return { version, state: adopted(state), fingerprint: request.fingerprint };
          })
          .catch(asFailure),
      // Refused here, an invalid command never enters the history; the handler
      // decides again, against the state the commands queued before it leave.
      { validator: validating((request: CommandRequest<RequestedCommandType>) => decideNow(commandOf(type, request))) },
    );
  }

  // Reminders accepted but not yet handed to the notifications store. The
  // update answers once they are queued; the main loop sends them, so a slow
  // mail server holds neither the caller nor the commands behind the lock.
  const outbox: ReminderRequest[] = [...(input.carried?.outbox ?? [])];

  // One key per request (its update id): the notifications store sends each
  // (key, institution) at most once, whatever retries happen.
  function remindNow(updateId: string): RemindNowOutcome {
    const institutionIds = remindNowRecipients(state);
    const reminderKey = `manual:${input.agreementId}:${updateId}`;
    outbox.push(...institutionIds.map((institutionId) => ({ agreementId: input.agreementId, reminderKey, institutionId, kind: 'manual' as const })));
    return { institutionIds };
  }

  async function deliverOutbox(): Promise<void> {
    for (let next = outbox[0]; next; next = outbox[0]) {
      await sendReminder(next);
      outbox.shift();
    }
  }

  wf.setHandler(adoptAgreementUpdate, (request) => lock.run(() => adopt(request)).catch(asFailure));
  for (const type of requestedCommandTypes) handleCommand(type);
  // Under the lock, so it sees the state the commands queued before it leave.
  wf.setHandler(remindNowUpdate, () => lock.run(async () => remindNow(currentUpdateId())).catch(asFailure), {
    validator: validating(() => remindNowRecipients(state)),
  });
  wf.setHandler(stateQuery, () => ({ state, version }));

  const continueAsNewSuggested = () => wf.workflowInfo().continueAsNewSuggested;
  while (!continueAsNewSuggested()) {
    await wf.condition(() => outbox.length > 0 || continueAsNewSuggested());
    await deliverOutbox();
  }
  await wf.condition(wf.allHandlersFinished);
  await wf.continueAsNew<typeof agreementWorkflow>({ agreementId: input.agreementId, carried: { state, version, settings, outbox } });
}
