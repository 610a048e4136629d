import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';

const { sendOverdueDigests } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { maximumInterval: '5 minutes' },
});

// Started by a Temporal Schedule every week: what is overdue, to each body's
// coordinators. The week it belongs to names each digest, so a retried or
// re-triggered run the same day sends nothing twice.
export async function weeklyDigestWorkflow(): Promise<number> {
  const weekOf = new Date().toISOString().slice(0, 10);
  const sent = await sendOverdueDigests({ weekOf });
  return sent.length;
}
