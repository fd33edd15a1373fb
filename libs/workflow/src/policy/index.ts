export * from './policy.types.js';
export * from './delegation.util.js';
export * from './authority.util.js';
export * from './action-policy.js';
export * from './read-policy.js';
export * from './stage-actors.util.js';
export * from './participant-policy.js';
export * from './separation-of-duties.js';
