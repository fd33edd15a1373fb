export * from './test-app.js';
export * from './test-database.js';
export * from './document-factory.js';
export * from './test-worker.js';
export * from './deadline-helpers.js';
export * from './smtp-sink.js';
export * from './browser.js';
export * from './spawned-api.js';
