import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { settingsFanOutWorkflowId } from '../workflows/definitions.js';
import type { settingsFanOutWorkflow } from '../workflows/settings-fan-out.js';
import type { AppContext } from './context.js';

// Every agreement of the body not cancelled takes its settings of this version
// and re-plans its due date and reminders, through a durable workflow
// (workflows/settings-fan-out.ts) named by body and version: a repeated change
// starts nothing new while it runs, and runs it again once done, which the
// agreements ignore (same version).
export async function tellAgreementsOfSettings({ temporal, taskQueue }: Pick<AppContext, 'temporal' | 'taskQueue'>, bodyId: string, settingsVersion: number): Promise<void> {
  try {
    await temporal.workflow.start<typeof settingsFanOutWorkflow>('settingsFanOutWorkflow', {
      taskQueue,
      workflowId: settingsFanOutWorkflowId(bodyId, settingsVersion),
      args: [{ bodyId, settingsVersion }],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
