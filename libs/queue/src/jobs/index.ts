export * from './job-name.enum.js';
export * from './job-payloads.js';
export * from './job-ids.js';
export * from './job-producer.js';
export * from './job-payload.guard.js';
export * from './transition-notification.util.js';
