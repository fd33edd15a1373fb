export * from './workflow-definition.types.js';
export * from './define-workflow.util.js';
export * from './workflow-registry.js';
export * from './default-registry.js';
