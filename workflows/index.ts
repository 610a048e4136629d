// Entry point of the workflow bundle: every workflow type the worker runs.
export { agreementWorkflow } from './agreement.js';
export { weeklyDigestWorkflow } from './weekly-digest.js';
export { settingsFanOutWorkflow } from './settings-fan-out.js';
export { importAgreementsWorkflow } from './import.js';
