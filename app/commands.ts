import { createHash, randomUUID } from 'node:crypto';
import {
  ApplicationFailure,
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { canonicalJson } from '../db/hash-chain.js';
import { DOMAIN_ERROR_CODES } from '../domain/errors.js';
import { agreementWorkflow } from '../workflows/agreement.js';
import {
  adoptAgreementUpdate,
  agreementWorkflowId,
  commandUpdate,
  remindNowUpdate,
  type AdoptionRequest,
  type CommandOutcome,
  type CommandRequest,
  type CommandResult,
  type RemindNowOutcome,
  type RequestedCommandType,
} from '../workflows/definitions.js';
import { AppError, idempotencyKeyReused, isErrorCode, notFound } from './errors.js';
import { idempotentId } from './idempotency.js';

// What the workflow may refuse with and the caller can act on: the domain's
// refusals and a concurrent change. Anything else (an UNEXPECTED failure of the
// handler) is a server error, not the caller's conflict.
const callerFacingFailures = new Set<string>([...DOMAIN_ERROR_CODES, 'WRONG_EXPECTED_VERSION']);

// A command the workflow refused arrives as an ApplicationFailure whose type is
// the domain code; it becomes an application error with that same code.
function refusal(error: unknown): never {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const code = error.cause.type;
    if (code && callerFacingFailures.has(code) && isErrorCode(code)) {
      const [details] = error.cause.details ?? [];
      throw new AppError(code, error.cause.message, details ?? undefined);
    }
  }
  if (error instanceof WorkflowNotFoundError) throw notFound('El acuerdo');
  throw error;
}

export async function adoptAgreement(
  client: Client,
  taskQueue: string,
  request: AdoptionRequest,
  updateId: string | undefined,
): Promise<CommandResult> {
  const startWorkflowOperation = new WithStartWorkflowOperation(agreementWorkflow, {
    workflowId: agreementWorkflowId(request.agreementId),
    taskQueue,
    args: [{ agreementId: request.agreementId }],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
  return client.workflow
    .executeUpdateWithStart(adoptAgreementUpdate, { args: [request], startWorkflowOperation, ...(updateId ? { updateId } : {}) })
    .catch(refusal);
}

// Names one write request to one agreement: with an Idempotency-Key, the same
// caller's retry gets the same id (Temporal runs an update id once per run and
// answers repeats with the first outcome); without one, a fresh id.
export interface CommandAddress {
  agreementId: string;
  updateId: string;
  // A digest of what was asked, to tell a retry from a reused key.
  fingerprint: string;
}

export function commandAddress(agreementId: string, callerId: string, what: string, payload: unknown, idempotencyKey: string | undefined): CommandAddress {
  const fingerprint = createHash('sha256').update(canonicalJson({ what, payload })).digest('hex');
  const updateId = idempotencyKey ? idempotentId(`${callerId}:${agreementId}:${what}`, idempotencyKey) : randomUUID();
  return { agreementId, updateId, fingerprint };
}

function agreementHandle(client: Client, address: CommandAddress) {
  return client.workflow.getHandle(agreementWorkflowId(address.agreementId));
}

export async function sendCommand<T extends RequestedCommandType>(
  client: Client,
  address: CommandAddress,
  type: T,
  request: Omit<CommandRequest<T>, 'fingerprint'>,
): Promise<CommandOutcome> {
  const outcome = await agreementHandle(client, address)
    .executeUpdate(commandUpdate(type), { args: [{ ...request, fingerprint: address.fingerprint }], updateId: address.updateId })
    .catch(refusal);
  if (outcome.fingerprint !== address.fingerprint) {
    throw idempotencyKeyReused();
  }
  return outcome;
}

// Queues a reminder to every institution still owing evidence; the workflow
// sends it right after answering.
export async function requestReminder(client: Client, address: CommandAddress): Promise<RemindNowOutcome> {
  return agreementHandle(client, address).executeUpdate(remindNowUpdate, { updateId: address.updateId }).catch(refusal);
}
