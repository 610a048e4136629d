export * from './events.js';
export * from './fold.js';
export * from './follow-up.js';
export * from './participant.js';
export * from './report.js';
