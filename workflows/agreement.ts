import * as wf from '@temporalio/workflow';
import { AgreementRun, asFailure, carriedOf } from './agreement-run.js';
import {
  adoptAgreementUpdate,
  bodySettingsChangedSignal,
  commandUpdate,
  followUpQuery,
  remindNowUpdate,
  requestedCommandTypes,
  stateQuery,
  type AgreementWorkflowInput,
  type CommandRequest,
  type RequestedCommandType,
} from './definitions.js';

// Validators are synchronous and must reject with a typed failure too.
function validating<A extends unknown[]>(check: (...args: A) => unknown): (...args: A) => void {
  return (...args) => {
    try {
      check(...args);
    } catch (error) {
      asFailure(error);
    }
  };
}

// One workflow per agreement: the only writer of its stream, and the keeper of
// its timers (reminders, the deadline passing). This function only wires the
// run (agreement-run.ts) to Temporal: its handlers, its loop, and the carried
// state handed whole to the next run.
export async function agreementWorkflow(input: AgreementWorkflowInput): Promise<void> {
  const run = new AgreementRun(input.agreementId, carriedOf(input));
  const continueAsNewSuggested = () => wf.workflowInfo().continueAsNewSuggested;

  wf.setHandler(adoptAgreementUpdate, (request) => run.adopt(request));
  for (const type of requestedCommandTypes) {
    wf.setHandler(commandUpdate(type), (request) => run.command(type, request), {
      validator: validating((request: CommandRequest<RequestedCommandType>) => run.validateCommand(type, request)),
    });
  }
  wf.setHandler(remindNowUpdate, () => run.remindNow(), { validator: validating(() => run.validateRemindNow()) });
  wf.setHandler(bodySettingsChangedSignal, (changed) => run.hearSettings(changed));
  wf.setHandler(stateQuery, () => ({ state: run.carried.state, version: run.carried.version }));
  wf.setHandler(followUpQuery, () => run.plan());

  let timerFired = false;
  while (!continueAsNewSuggested()) {
    const wakeAt = await run.attendTimers(timerFired);
    const seen = run.changes;
    const woken = () => run.hasMail() || run.changes !== seen || continueAsNewSuggested();
    if (wakeAt === null) {
      await wf.condition(woken);
      timerFired = false;
    } else {
      // false: the time came before anything else woke it.
      timerFired = !(await wf.condition(woken, Math.max(1, Date.parse(wakeAt) - Date.now())));
    }
    await run.deliverOutbox();
  }
  await wf.condition(wf.allHandlersFinished);
  await wf.continueAsNew<typeof agreementWorkflow>({ agreementId: input.agreementId, carried: run.carried });
}
