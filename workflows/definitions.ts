import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DeadlineRule } from '../domain/deadline.js';
import type { AgreementState } from '../domain/agreement/index.js';

// The messages an agreement workflow accepts, in one place shared by the
// workflow (which handles them) and the API (which sends them).

export const TASK_QUEUE = 'acuerdos';

export function agreementWorkflowId(agreementId: string): string {
  return `agreement-${agreementId}`;
}

export function agreementStreamId(agreementId: string): string {
  return `agreement-${agreementId}`;
}

export interface Actor {
  role: string;
  id: string;
}

export interface AgreementWorkflowInput {
  agreementId: string;
  // Carried over continue-as-new so the new run does not replay the store.
  carried?: { state: AgreementState; version: number };
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
