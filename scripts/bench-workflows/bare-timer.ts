// The bare Temporal pattern of a reminder, for `npm run bench:lifecycle`: a
// workflow that sleeps until an instant and then runs one activity that does
// nothing but note when it ran.
import { proxyActivities, sleep, workflowInfo } from '@temporalio/workflow';

export interface BareTimerActivities {
  arrived(workflowId: string): Promise<void>;
}

const { arrived } = proxyActivities<BareTimerActivities>({ startToCloseTimeout: '1 minute' });

// Date.now() is the workflow's deterministic clock (the task's start time).
export async function bareTimerWorkflow(instantMs: number): Promise<void> {
  await sleep(Math.max(0, instantMs - Date.now()));
  await arrived(workflowInfo().workflowId);
}
