import { ApplicationFailure } from '@temporalio/activity';
import { projectAgreement } from '../db/agreement-projection.js';
import type { Db } from '../db/connection.js';
import { appendToStream, WrongExpectedVersion, type AppendRequest, type AppendResult } from '../db/event-store.js';

export function appendEventsActivity(db: Db) {
  // Idempotent: the workflow fixes the event ids, so a retry after a commit whose
  // answer was lost appends nothing.
  return async function appendEvents(request: AppendRequest): Promise<AppendResult> {
    try {
      return await appendToStream(db, request, projectAgreement);
    } catch (error) {
      if (error instanceof WrongExpectedVersion) {
        throw ApplicationFailure.create({ type: error.code, message: error.message, nonRetryable: true });
      }
      throw error;
    }
  };
}
