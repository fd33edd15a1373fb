import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Query parameters that carry a credential: the password-reset link's token (PUBLIC_URL/atur-kata-sandi?token=...,
 * whose working value only the person's mailbox may hold) and an OpenID provider's authorization code or tokens.
 */
const SECRET_PARAMETERS = new Set(['token', 'code', 'access_token', 'id_token']);

/** The URL as the log keeps it: the values of SECRET_PARAMETERS (any case) replaced, everything else as sent. */
export function loggableUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const query = url
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawKey = eq < 0 ? pair : pair.slice(0, eq);
      let key = rawKey;
      try {
        key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      } catch {
        // a malformed escape: compared as sent
      }
      return SECRET_PARAMETERS.has(key.trim().toLowerCase()) ? `${rawKey}=[Redacted]` : pair;
    })
    .join('&');
  return `${url.slice(0, question)}?${query}`;
}

/** A response whose failure its request's line reports (`err`, with the stack), as pino-http reads it. */
export type FailedResponse = ServerResponse & { err?: Error };

/**
 * One JSON line per request, written when its response ends, with a request id taken from `X-Request-Id`
 * when it is sane or made up, and echoed back in the response. An answer of 500 or more is logged at
 * `error` with what failed (`FailedResponse`). No AsyncLocalStorage carries the request's logger into
 * other lines: in Node 20 it runs a hook on every promise the API makes (bench/RESULTS.md section 1a).
 */
export function httpLoggerMiddleware(root: Logger) {
  const http = pinoHttp({
    logger: root,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    // the serializers take the request and response as they are: pino's standard ones would first copy every header
    wrapSerializers: false,
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: loggableUrl(req.url) }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => http(req, res, next);
}
