import { ApplicationFailure, Context } from '@temporalio/activity';
import { AppError } from '../app/errors.js';
import { ImportItem, registerItem } from '../app/import-file.js';
import type { Db } from '../db/connection.js';
import { finishImport, importRowRegistered, pendingImportRows } from '../db/imports.js';
import type { Session } from '../db/sessions.js';
import { Actor } from '../domain/agreement/index.js';
import type { RowError } from '../domain/import-row.js';

export const IMPORT_ROW_REFUSED = 'IMPORT_ROW_REFUSED';

// Registers the next rows of an import job still without a folio, in file
// order, and records each folio as it comes: a retry after a crash starts at
// the first row not recorded, and a row registered but not recorded is named
// by its agreement id, so registering it again records nothing new. A row the
// agreement's workflow refuses (the file was checked whole before, so only
// something changed since) fails the job, not retried.
export function registerImportRowsActivity(db: Db) {
  return async function registerImportRows(input: { importId: string; limit: number }): Promise<{ remaining: boolean }> {
    const { client, info, cancelled } = Context.current();
    const pending = await pendingImportRows(db, input.importId, input.limit);
    if (!pending) throw ApplicationFailure.create({ type: IMPORT_ROW_REFUSED, message: `La importación ${input.importId} no existe.`, nonRetryable: true });
    const actor = Actor.parse(pending.actor);
    const sessions = new Map<string, Session>();
    for (const { row, item } of pending.rows) {
      try {
        // A worker shutting down cancels the activity: it stops waiting for the
        // agreement's workflow (which that worker may no longer run) and the
        // retry, on another worker, registers this row again, once.
        const done = await Promise.race([registerItem({ db, temporal: client, taskQueue: info.taskQueue }, pending.bodyId, ImportItem.parse(item), actor, sessions), cancelled]);
        await importRowRegistered(db, input.importId, row, done.folio);
      } catch (error) {
        if (error instanceof AppError) throw ApplicationFailure.create({ type: IMPORT_ROW_REFUSED, message: error.message, details: [{ row, message: error.message }], nonRetryable: true });
        throw error;
      }
    }
    return { remaining: pending.rows.length === input.limit };
  };
}

export function finishImportActivity(db: Db) {
  return async function finishImportJob(input: { importId: string; errors: RowError[] }): Promise<void> {
    await finishImport(db, input.importId, input.errors.length === 0 ? 'done' : 'failed', input.errors);
  };
}
