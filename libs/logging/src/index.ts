export * from './http-logger.middleware.js';
export * from './pino-logger.service.js';
export * from './root-logger.js';
