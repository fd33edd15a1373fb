export * from './workflow-action.types.js';
export * from './workflow-meta.types.js';
export * from './workflow-input.types.js';
export * from './machine-action-params.types.js';
export * from './state-node.util.js';
export * from './quick-win.machine.js';
export * from './regulation.machine.js';
