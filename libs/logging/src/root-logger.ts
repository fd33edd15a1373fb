import { pino, type Logger } from 'pino';

/** The longest a line waits in the buffer: a quiet process's lines (a worker's start, what it said before a crash) still reach the log. */
export const LOG_FLUSH_INTERVAL_MS = 1000;

/**
 * JSON lines on stdout (`fd`), written asynchronously in 4 KB chunks: a synchronous write per line was
 * the API's largest CPU cost under load (`writev` in the approval benchmark's profile). What is buffered
 * is written after at most `flushEveryMs`, and when the process exits.
 */
export function createRootLogger(level: string, name: string, { fd = 1, flushEveryMs = LOG_FLUSH_INTERVAL_MS } = {}): Logger {
  const destination = pino.destination({ dest: fd, sync: false, minLength: 4096 });
  let unwritten = false;
  setInterval(() => {
    if (!unwritten) return;
    unwritten = false;
    destination.flush(() => undefined); // with a callback, a destination already closed is no error
  }, flushEveryMs).unref();
  const stream = {
    write(line: string) {
      unwritten = true;
      return destination.write(line);
    },
    flush: (callback?: (error?: Error) => void) => destination.flush(callback),
    // pino writes a fatal line through it at once
    flushSync: () => destination.flushSync(),
  };
  return pino(
    {
      name,
      level,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'password', 'accessToken'],
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    stream,
  );
}
