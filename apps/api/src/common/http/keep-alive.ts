import type { Server } from 'node:http';

/**
 * How long an idle keep-alive connection stays open: longer than a reverse proxy's own idle limit
 * (nginx's and most load balancers' 60 s), so the proxy closes idle connections, not the API. With
 * Node's 5 s default the API could close a connection just as the proxy sent the next request on it,
 * and the proxy would answer that request, an approval perhaps, with a 502.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export function keepIdleConnectionsOpen(server: Server): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // the time to receive a request's headers must not end before the idle time does
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;
}
