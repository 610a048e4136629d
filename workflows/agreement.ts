import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import { decide, evolve, initialState, type AgreementCommand, type AgreementState } from '../domain/agreement/index.js';
import { zonedInstant } from '../domain/dates.js';
import { DomainError } from '../domain/errors.js';
import { formatFolio } from '../domain/folio.js';
import {
  adoptAgreementUpdate,
  agreementStreamId,
  stateQuery,
  type AdoptionRequest,
  type AgreementWorkflowInput,
  type CommandResult,
} from './definitions.js';
import { CommandLock } from './lock.js';

const { allocateFolio, loadBodySettings, appendEvents } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '10 seconds', nonRetryableErrorTypes: ['WRONG_EXPECTED_VERSION'] },
});

// A refusal of the domain reaches the caller as a typed failure and leaves the
// workflow running; anything else is a bug and must not be retried forever.
function asFailure(error: unknown): never {
  if (error instanceof DomainError) {
    throw wf.ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true, details: [error.details ?? null] });
  }
  if (error instanceof wf.ApplicationFailure) throw error;
  if (error instanceof wf.ActivityFailure && error.cause instanceof wf.ApplicationFailure) throw error.cause;
  const message = error instanceof Error ? error.message : String(error);
  throw wf.ApplicationFailure.create({ type: 'UNEXPECTED', message, nonRetryable: true });
}

// One workflow per agreement: the only writer of its stream.
export async function agreementWorkflow(input: AgreementWorkflowInput): Promise<void> {
  const streamId = agreementStreamId(input.agreementId);
  let state: AgreementState = input.carried?.state ?? initialState;
  let version = input.carried?.version ?? 0;
  const lock = new CommandLock();

  async function record(command: AgreementCommand, settings: Awaited<ReturnType<typeof loadBodySettings>>): Promise<CommandResult> {
    const now = new Date().toISOString(); // Temporal's deterministic clock
    const events = decide(command, state, { now, ...settings });
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
    return { version };
  }

  async function adopt(request: AdoptionRequest): Promise<CommandResult> {
    if (version > 0) return { version }; // a retried registration: already adopted
    const settings = await loadBodySettings({ bodyId: request.bodyId });
    const { seq } = await allocateFolio({ agreementId: request.agreementId, bodyId: request.bodyId });
    const command: AgreementCommand = {
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
      meta: { actor: request.actor, occurredAt: zonedInstant(request.sessionDate, '00:00', settings.timezone) },
    };
    return record(command, settings);
  }

  wf.setHandler(adoptAgreementUpdate, (request) => lock.run(() => adopt(request)).catch(asFailure));
  wf.setHandler(stateQuery, () => ({ state, version }));

  await wf.condition(() => wf.workflowInfo().continueAsNewSuggested);
  await wf.condition(wf.allHandlersFinished);
  await wf.continueAsNew<typeof agreementWorkflow>({ agreementId: input.agreementId, carried: { state, version } });
}
