// The bare Temporal pattern of an agreement's registration, for
// `npm run bench:lifecycle`: a workflow started by update-with-start that
// answers the update and stays open, doing nothing else.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const registerUpdate = defineUpdate<string, [string]>('register');

export async function bareWorkflow(): Promise<void> {
  setHandler(registerUpdate, (id) => id);
  await condition(() => false);
}
