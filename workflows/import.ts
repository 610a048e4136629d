import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { RowError } from '../domain/import-row.js';

const { registerImportRows } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { maximumInterval: '1 minute' },
});
const { finishImportJob } = wf.proxyActivities<Activities>({ startToCloseTimeout: '1 minute', retry: { maximumInterval: '1 minute' } });

// Rows per activity: few enough that a crashed worker repeats little, many
// enough that a 2,000-row file stays a short history.
const ROWS_PER_STEP = 25;

export function importWorkflowId(importId: string): string {
  return `import-${importId}`;
}

// A CSV import job (POST /api/imports): its rows, checked and stored by the
// API, registered in file order by activities that record each folio; Temporal
// carries the job over worker and API restarts. A row refused on the way
// (something changed since the file was checked) ends the job as failed, with
// the rows before it registered.
export async function importAgreementsWorkflow(input: { importId: string }): Promise<void> {
  let errors: RowError[] = [];
  try {
    let remaining = true;
    while (remaining) ({ remaining } = await registerImportRows({ importId: input.importId, limit: ROWS_PER_STEP }));
  } catch (error) {
    if (!(error instanceof wf.ActivityFailure && error.cause instanceof wf.ApplicationFailure && error.cause.nonRetryable)) throw error;
    const [details] = error.cause.details ?? [];
    errors = [isRowError(details) ? details : { row: 0, message: error.cause.message }];
  }
  await finishImportJob({ importId: input.importId, errors });
}

function isRowError(value: unknown): value is RowError {
  return typeof value === 'object' && value !== null && 'row' in value && typeof value.row === 'number' && 'message' in value && typeof value.message === 'string';
}
