export * from './queue-name.enum.js';
export * from './redis-connection.js';
export * from './redis.module.js';
export * from './bull-root.js';
export * from './jobs/index.js';
export * from './outbox/index.js';
export * from './worker-health.js';
