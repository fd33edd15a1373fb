import { createHash, timingSafeEqual } from 'node:crypto';

/** `off`: no METRICS_TOKEN, so no metrics are served; `refused`: no or another bearer token. */
export type MetricsAccess = 'off' | 'refused' | 'allowed';

const BEARER = /^Bearer +(\S+) *$/i;

/** Whether a scrape with this Authorization header may read the metrics (the token compared in constant time). */
export function metricsAccess(token: string | null, authorization: string | undefined): MetricsAccess {
  if (token === null) return 'off';
  const given = BEARER.exec(authorization ?? '')?.[1];
  if (given === undefined) return 'refused';
  return timingSafeEqual(digest(given), digest(token)) ? 'allowed' : 'refused';
}

/** Equal lengths for timingSafeEqual, whatever was sent. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
