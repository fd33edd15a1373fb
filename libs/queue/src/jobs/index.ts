export * from './job-name.enum.js';
export * from './job-payloads.js';
export * from './job-ids.js';
export * from './job-producer.js';
