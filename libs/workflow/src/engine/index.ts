export * from './workflow-effect.types.js';
export * from './workflow-engine.types.js';
export * from './effects.util.js';
export * from './snapshot.util.js';
export * from './workflow-engine.js';
