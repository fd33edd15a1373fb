import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * Helmet's headers with a Content-Security-Policy that fits what this server serves: /docs
 * (Swagger UI loads its scripts from files and styles some elements inline), the queue dashboard,
 * and the web app built by Vite at / (module scripts from files, no inline script). No script runs
 * that did not come from this origin.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Response headers a browser client of another origin may read (CORS). */
const EXPOSED_HEADERS = ['ETag', 'Location', 'Retry-After', 'X-Request-Id'];
/** As the cors package sends it; joined once, since refusals are what a flood is made of. */
const EXPOSED_HEADERS_VALUE = EXPOSED_HEADERS.join(',');

/**
 * The headers of an answer sent before this middleware stack runs (the sign-in gate's refusal):
 * CORS for an allowed origin, no caching, no content sniffing; it carries no page, so helmet's
 * other headers have nothing to protect.
 */
export function setEarlyAnswerHeaders(req: Request, res: Response, allowedOrigins: ReadonlySet<string>): void {
  const origin = req.headers.origin;
  if (origin && allowedOrigins.has(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS_VALUE);
    res.setHeader('Vary', 'Origin');
  }
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

export function applySecurityHeaders(app: INestApplication, corsOrigins: readonly string[]): void {
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY } }));
  // answers of the API carry personal data, and the queue dashboard's (/admin) every government's jobs
  // and its session cookie: no cache, shared or private, keeps them
  app.use(['/api', '/admin'], (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // closed unless the deployment names the origins of its browser clients (CORS_ORIGINS)
  if (corsOrigins.length > 0) {
    app.enableCors({
      origin: [...corsOrigins],
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    });
  }
}
