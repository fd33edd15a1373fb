export * from './outbox-message.js';
export * from './outbox-message.guard.js';
