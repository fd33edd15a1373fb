export * from './coordination.types.js';
export * from './coordination-round.js';
