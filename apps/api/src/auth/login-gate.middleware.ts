import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { errorBody, sendError } from '../common/errors/http-exception.filter.js';
import { setEarlyAnswerHeaders } from '../common/http/security-headers.js';
import type { PasswordHashGate } from './password-hash-gate.js';

/** The password sign-ins: what the hash gate guards. */
const SIGN_IN_PATHS = new Set(['/api/auth/login', '/api/auth/session']);

/** Refusals are counted and logged once per this many ms, not one line each. */
const REFUSAL_LOG_INTERVAL_MS = 10_000;

/**
 * Turns a password sign-in away with `503 SERVICE_UNAVAILABLE` and `Retry-After` while the hash gate
 * could not take it anyway (every place taken, or the client address holding its share), before
 * anything else is spent on it: no request log line, no security headers middleware, no body read or
 * parsed, no Redis round trip of the attempt limiter, no Nest routing. Mounted first (configureApp),
 * so under a flood a refusal costs little more than its headers and /health keeps the event loop.
 * Refusals are logged as one line per interval with their count.
 */
export function refuseSignInsWhileGateFull(gate: PasswordHashGate, logger: Logger, corsOrigins: readonly string[]) {
  const allowedOrigins = new Set(corsOrigins);
  let refused = 0;
  let since = Date.now();
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method !== 'POST' || !SIGN_IN_PATHS.has(normalPath(req.path))) return next();
    const full = gate.refuses(req.ip ?? '');
    if (!full) return next();

    refused += 1;
    const now = Date.now();
    if (now - since >= REFUSAL_LOG_INTERVAL_MS) {
      logger.warn({ refused, seconds: Math.round((now - since) / 1000), ...gate.load }, 'sign-ins refused by the busy password-check gate');
      refused = 0;
      since = now;
    }
    setEarlyAnswerHeaders(req, res, allowedOrigins);
    res.setHeader('Retry-After', String(full.retryAfterSeconds));
    // the unread body is discarded by Node's HTTP server; the connection stays usable
    sendError(res, errorBody(503, ErrorCode.SERVICE_UNAVAILABLE, full.message));
  };
}

/** Express routes case-insensitively and ignores one trailing slash: so does the gate. */
function normalPath(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}
