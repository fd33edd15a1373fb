import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, type Logger } from 'pino';

/** The logger of the request (or job) being handled, so every line it causes carries its id. */
export const logContext = new AsyncLocalStorage<Logger>();

/**
 * JSON lines on stdout, written asynchronously in 4 KB chunks: a synchronous write per line was the
 * API's largest CPU cost under load (`writev` in the approval benchmark's profile). pino flushes
 * what is buffered when the process exits.
 */
export function createRootLogger(level: string, name: string): Logger {
  return pino(
    {
      name,
      level,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'password', 'accessToken'],
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.destination({ dest: 1, sync: false, minLength: 4096 }),
  );
}

export function currentLogger(root: Logger): Logger {
  return logContext.getStore() ?? root;
}
