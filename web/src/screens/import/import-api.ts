import { queryOptions } from '@tanstack/react-query';
import type { RowError } from '../../../../domain/import-row';
import { api } from '../../api/client';
import { ApiFailure, unwrap } from '../../api/errors';
import type { Ok } from '../../api/types';

export type ImportPreview = Extract<Ok<'/api/import/agreements', 'post'>, { rows: unknown }>;
export type PreviewRow = ImportPreview['rows'][number];
export type ImportJob = Ok<'/api/imports/{id}'>;

// The routes take the file as it is, as text/csv (not JSON).
const AS_CSV = { bodySerializer: (text: string) => text, headers: { 'Content-Type': 'text/csv' } };

// The dry run: every row as it would be registered, or every error by row. Records nothing.
export async function reviewFile(bodyId: string, text: string): Promise<ImportPreview> {
  const answer = await unwrap(api.POST('/api/import/agreements', { params: { query: { bodyId, dryRun: 'true' } }, body: text, ...AS_CSV }));
  if (!('rows' in answer)) throw new ApiFailure(500, 'UNEXPECTED', 'El servidor no respondió con la revisión del archivo.', []);
  return answer;
}

// A file that stopped passing the checks between the review and the import
// (say, a session registered meanwhile with another date): its rows' errors.
export class FileRefused extends Error {
  constructor(readonly errors: RowError[]) {
    super('El archivo tiene errores; no se registró nada.');
  }
}

function rowErrorsOf(answer: unknown): RowError[] {
  if (typeof answer !== 'object' || answer === null || !('errors' in answer) || !Array.isArray(answer.errors)) return [];
  return answer.errors.filter((e: unknown): e is RowError => typeof e === 'object' && e !== null && 'row' in e && typeof e.row === 'number' && 'message' in e && typeof e.message === 'string');
}

// Starts the durable job (202 {id, state, total}). The Idempotency-Key makes a
// retried request the same job.
export async function startImport(bodyId: string, text: string, idempotencyKey: string) {
  let refused: RowError[] = [];
  const call = api.POST('/api/imports', { params: { query: { bodyId }, header: { 'idempotency-key': idempotencyKey } }, body: text, ...AS_CSV }).then((result) => {
    if (result.response.status === 400) refused = rowErrorsOf(result.error);
    return result;
  });
  try {
    return await unwrap(call);
  } catch (error) {
    throw refused.length > 0 ? new FileRefused(refused) : error;
  }
}

// How far a job got, asked again every second while it runs.
export const importJobQuery = (id: string) =>
  queryOptions({
    queryKey: ['import', id] as const,
    queryFn: () => unwrap(api.GET('/api/imports/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 1000 : false),
    staleTime: 0,
  });
