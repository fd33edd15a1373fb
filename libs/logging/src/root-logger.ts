import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';

/** The logger of the request (or job) being handled, so every line it causes carries its id. */
export const logContext = new AsyncLocalStorage<Logger>();

export function createRootLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'password', 'accessToken'],
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}

export function currentLogger(root: Logger): Logger {
  return logContext.getStore() ?? root;
}
