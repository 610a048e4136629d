import { WorkflowNotFoundError } from '@temporalio/client';
import { runningAgreementIds } from '../db/body-update.js';
import type { BodySettings } from '../domain/body-settings.js';
import { agreementWorkflowId, bodySettingsChangedSignal } from '../workflows/definitions.js';
import type { AppContext } from './context.js';
import { inParallel } from './fan-out.js';

// Running agreements told of new settings at the same time.
const FAN_OUT = 16;

// Each agreement of the body that plans now or may again (reopened) takes the
// new settings and re-plans its deadline and reminders. Best effort per
// workflow: the settings are saved by then, and one workflow out of reach must
// not keep the others from hearing; one that is gone (WorkflowNotFoundError)
// has nothing left to plan.
export async function tellRunningAgreements(
  { db, temporal }: Pick<AppContext, 'db' | 'temporal'>,
  bodyId: string,
  settings: BodySettings,
  log: { warn(obj: object, msg: string): void },
): Promise<void> {
  const ids = await runningAgreementIds(db, bodyId);
  await inParallel(ids, FAN_OUT, async (agreementId) => {
    try {
      await temporal.workflow.getHandle(agreementWorkflowId(agreementId)).signal(bodySettingsChangedSignal, settings);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) log.warn({ err: error, agreementId }, 'no se pudo avisar al acuerdo del cambio de configuración');
    }
  });
}
