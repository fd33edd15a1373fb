export * from './metrics-access.js';
export * from './metrics-handler.js';
export * from './process-registry.js';
