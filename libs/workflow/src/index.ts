export * from './domain/index.js';
export * from './machines/index.js';
export * from './registry/index.js';
export * from './engine/index.js';
export * from './policy/index.js';
export * from './diagram/index.js';
export * from './audit/index.js';
