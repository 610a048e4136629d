import { createHash } from 'node:crypto';
import { ApplicationFailure, WithStartWorkflowOperation, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { agreementWorkflow } from '../workflows/agreement.js';
import { adoptAgreementUpdate, agreementWorkflowId, type AdoptionRequest, type CommandResult } from '../workflows/definitions.js';
import { ApiError } from './errors.js';

// A stable UUID from a caller and its Idempotency-Key: the same request sent
// twice names the same agreement, so the second one finds the first.
export function idempotentId(scope: string, key: string): string {
  const hex = createHash('sha256').update(`${scope}\n${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// A command the workflow refused arrives as an ApplicationFailure whose type is
// the domain code; it becomes the same code in the API's error answer.
function refusal(error: unknown): never {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type) {
    const [details] = error.cause.details ?? [];
    throw new ApiError(error.cause.type, error.cause.message, details ?? undefined);
  }
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
