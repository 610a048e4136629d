export * from './actor.js';
export * from './commands.js';
export * from './decide.js';
export * from './events.js';
export * from './evolve.js';
export * from './state.js';
export * from './status.js';
export * from './stream.js';
