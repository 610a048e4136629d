import type { Client } from '@temporalio/client';
import type { Session } from '../db/sessions.js';
import type { Actor } from '../domain/agreement/index.js';
import type { DeadlineRule } from '../domain/deadline.js';
import type { CommandResult } from '../workflows/definitions.js';
import { adoptAgreement } from './commands.js';

// An agreement adopted at a session, once its references are checked: what
// POST /agreements and the CSV import both send to the agreement's workflow.
export interface Registration {
  agreementId: string;
  session: Session;
  text: string;
  themes: string[];
  responsibleInstitutionIds: string[];
  deadline: DeadlineRule;
  actor: Actor;
}

// The workflow allocates the folio and records the adoption dated at the
// session; registering the same agreement id again records nothing new.
export async function registerAgreement(temporal: Client, taskQueue: string, registration: Registration, updateId: string | undefined): Promise<CommandResult> {
  const { session, ...agreement } = registration;
  return adoptAgreement(temporal, taskQueue, { ...agreement, bodyId: session.bodyId, sessionId: session.id, sessionDate: session.date }, updateId);
}
