import * as wf from '@temporalio/workflow';
import type { Activities } from '../activities/index.js';
import type { VersionedSettings } from '../domain/body-settings.js';
import { agreementWorkflowId, bodySettingsChangedSignal, type SettingsFanOutInput } from './definitions.js';

const { settingsNewerThan, agreementsToTell } = wf.proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { maximumInterval: '1 minute' },
});

// Agreements told at the same time: enough to reach hundreds in seconds
// without flooding the agreements' task queue.
const FAN_OUT = 16;

// An agreement told of new settings; one whose workflow is gone (closed, never
// started) has nothing to plan, and the server says so by failing the signal.
async function tell(agreementId: string, settings: VersionedSettings): Promise<void> {
  try {
    await wf.getExternalWorkflowHandle(agreementWorkflowId(agreementId)).signal(bodySettingsChangedSignal, settings);
  } catch (error) {
    if (!(error instanceof wf.TemporalFailure)) throw error;
    wf.log.info('acuerdo sin flujo en curso', { agreementId, message: error.message });
  }
}

// Started by a change of a body's settings, one per (body, version), so a
// repeated change starts nothing new: every agreement not cancelled (cumplido
// ones too, they may be reopened) hears the settings, whatever fails or
// restarts meanwhile. It sends the newest settings: an agreement ignores a
// version older than the one it holds.
export async function settingsFanOutWorkflow({ bodyId, settingsVersion }: SettingsFanOutInput): Promise<number> {
  const settings = await settingsNewerThan({ bodyId, version: settingsVersion - 1 });
  if (!settings) return 0;
  const agreementIds = await agreementsToTell({ bodyId });
  for (let from = 0; from < agreementIds.length; from += FAN_OUT) {
    await Promise.all(agreementIds.slice(from, from + FAN_OUT).map((id) => tell(id, settings)));
  }
  return agreementIds.length;
}
