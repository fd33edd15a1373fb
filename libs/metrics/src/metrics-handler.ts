import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { metricsAccess } from './metrics-access.js';

export const METRICS_PATH = '/metrics';

/** What a scrape reads: Prometheus's text exposition. */
export interface MetricsSource {
  readonly contentType: string;
  read(): Promise<string>;
}

/**
 * Answers a scrape: 401 without METRICS_TOKEN as the bearer token, 405 for a method other than GET or
 * HEAD, else the exposition, never cached. Refusals have api.md's error shape. Returns false, answering
 * nothing, when metrics are off (no token), so the caller answers as for any unknown path.
 */
export function answerScrape(req: IncomingMessage, res: ServerResponse, token: string | null, source: MetricsSource, onError: (error: unknown) => void): boolean {
  const access = metricsAccess(token, req.headers.authorization);
  if (access === 'off') return false;
  if (access === 'refused') {
    res.setHeader('WWW-Authenticate', 'Bearer realm="alur-metrics"');
    refuse(res, 401, 'UNAUTHENTICATED', 'Metrics are read with the bearer token set in METRICS_TOKEN');
    return true;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    refuse(res, 405, 'METHOD_NOT_ALLOWED', `Metrics are read with GET, not ${req.method}`);
    return true;
  }
  source.read().then(
    (text) => {
      res.writeHead(200, { 'Content-Type': source.contentType, 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : text);
    },
    (error: unknown) => {
      onError(error);
      refuse(res, 503, 'SERVICE_UNAVAILABLE', 'Metrics could not be read now; the log says why');
    },
  );
  return true;
}

/** An error answer in api.md's shape, for a server that has no Nest to write it (the worker's metrics port). */
export function refuse(res: ServerResponse, statusCode: number, code: string, message: string): void {
  if (res.headersSent) return;
  res.writeHead(statusCode, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ statusCode, error: STATUS_CODES[statusCode], code, message }));
}
