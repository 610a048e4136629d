import type { RowError } from '../domain/import-row.js';
import type { Db } from './connection.js';

// The durable import jobs (migration 0010): the checked rows each registers,
// in file order, and how far it got.

export const IMPORT_STATES = ['running', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];


export interface ImportJob {
  id: string;
  bodyId: string;
  state: ImportState;
  total: number;
  created: number;
  errors: RowError[];
  agreements: { row: number; id: string; folio: string }[];
}

export interface NewImport {
  id: string;
  bodyId: string;
  actor: unknown;
  rows: readonly { row: number; agreementId: string; item: unknown }[];
}

// Records a job and its rows once: the same id again (a retried request) keeps the first.
export async function insertImport(db: Db, job: NewImport): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('imports')
      .values({ id: job.id, body_id: job.bodyId, state: 'running', total: job.rows.length, actor: JSON.stringify(job.actor) })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return;
    // In chunks: a 2,000-row file would pass PostgreSQL's parameter limit in one insert.
    for (let from = 0; from < job.rows.length; from += 500) {
      await trx
        .insertInto('import_rows')
        .values(job.rows.slice(from, from + 500).map((r) => ({ import_id: job.id, row: r.row, agreement_id: r.agreementId, item: JSON.stringify(r.item) })))
        .execute();
    }
  });
}

export async function findImport(db: Db, id: string): Promise<ImportJob | undefined> {
  const job = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!job) return undefined;
  const done = await db.selectFrom('import_rows').select(['row', 'agreement_id', 'folio']).where('import_id', '=', id).where('folio', 'is not', null).orderBy('row').execute();
  const agreements = done.flatMap((r) => (r.folio === null ? [] : [{ row: r.row, id: r.agreement_id, folio: r.folio }]));
  return { id: job.id, bodyId: job.body_id, state: job.state as ImportState, total: job.total, created: agreements.length, errors: job.errors as RowError[], agreements };
}

// The job's actor and its next rows still to register, in file order.
export async function pendingImportRows(db: Db, id: string, limit: number): Promise<{ bodyId: string; actor: unknown; rows: { row: number; item: unknown }[] } | undefined> {
  const job = await db.selectFrom('imports').select(['body_id', 'actor']).where('id', '=', id).executeTakeFirst();
  if (!job) return undefined;
  const rows = await db.selectFrom('import_rows').select(['row', 'item']).where('import_id', '=', id).where('folio', 'is', null).orderBy('row').limit(limit).execute();
  return { bodyId: job.body_id, actor: job.actor, rows };
}

export async function importRowRegistered(db: Db, id: string, row: number, folio: string): Promise<void> {
  await db.updateTable('import_rows').set({ folio }).where('import_id', '=', id).where('row', '=', row).execute();
}

export async function finishImport(db: Db, id: string, state: Exclude<ImportState, 'running'>, errors: readonly RowError[]): Promise<void> {
  await db.updateTable('imports').set({ state, errors: JSON.stringify(errors), updated_at: new Date() }).where('id', '=', id).where('state', '=', 'running').execute();
}
