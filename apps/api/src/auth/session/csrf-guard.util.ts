import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { AppException } from '../../common/errors/app.exception.js';
import { ErrorCode } from '../../common/errors/error-code.enum.js';
import { CSRF_HEADER } from './session-scope.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isWrite(req: Request): boolean {
  return !SAFE_METHODS.has(req.method.toUpperCase());
}

/**
 * The CSRF token of a session: an HMAC of its access token's id, so it needs no storage, differs per
 * session and cannot be made without the server's secret.
 */
export function csrfTokenOf(tokenId: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${tokenId}`).digest('base64url');
}

/** This server's origin as the browser sees it (behind the trusted proxy: its scheme and host). */
export function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.host}`;
}

/** The origin a browser says the request came from: `Origin`, else the origin of `Referer`. */
export function claimedOrigin(req: Request): string | null {
  const origin = req.headers.origin;
  if (origin && origin !== 'null') return origin;
  const referer = req.headers.referer;
  if (!referer) return origin === 'null' ? 'null' : null;
  try {
    return new URL(referer).origin;
  } catch {
    return 'null';
  }
}

const csrfRefused = (message: string) => new AppException(ErrorCode.CSRF_REJECTED, message);

/** A sign-in from a page of another site (login CSRF) is refused; a client that sends no Origin is not a page. */
export function assertNotCrossSite(req: Request): void {
  const origin = claimedOrigin(req);
  if (origin !== null && origin !== ownOrigin(req)) throw csrfRefused('Cross-site request refused');
}

/** A write authenticated by a session cookie must come from this site's pages and carry the session's CSRF token. */
export function assertCsrfSafe(req: Request, tokenId: string, secret: string): void {
  const origin = claimedOrigin(req);
  if (origin !== ownOrigin(req)) throw csrfRefused(origin === null ? 'Origin header required for a cookie-authenticated write' : 'Cross-site request refused');
  const sent = req.headers[CSRF_HEADER];
  const expected = Buffer.from(csrfTokenOf(tokenId, secret));
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw csrfRefused(`Missing or wrong ${CSRF_HEADER} header`);
}
