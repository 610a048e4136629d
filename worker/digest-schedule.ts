import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { weeklyDigestWorkflow } from '../workflows/weekly-digest.js';

export const DIGEST_SCHEDULE_ID = 'acuerdos-weekly-digest';

// Mondays at 09:00 in Mexico City, the start of the working week of the
// bodies this serves. Created once; a schedule already there is left as an
// operator may have tuned it (pause, time) in the Temporal UI.
export async function ensureDigestSchedule(client: Client, taskQueue: string, scheduleId = DIGEST_SCHEDULE_ID): Promise<void> {
  try {
    await client.schedule.create({
      scheduleId,
      spec: { calendars: [{ dayOfWeek: 'MONDAY', hour: 9, minute: 0 }], timezone: 'America/Mexico_City' },
      action: { type: 'startWorkflow', workflowType: weeklyDigestWorkflow, taskQueue, workflowId: `${scheduleId}-run` },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
}
