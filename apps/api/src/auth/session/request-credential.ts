import type { Request } from 'express';

/** How a request carries its access token: an `Authorization: Bearer` header, or a session cookie. */
export type RequestCredential = { via: 'bearer'; token: string } | { via: 'cookie'; token: string };

/** The value of one cookie of the request, or null (no cookie-parser in the app: parsed here). */
export function cookieValue(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

export function bearerToken(req: Request): string | null {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  return scheme === 'Bearer' && token ? token : null;
}

/** The bearer header wins: API clients never depend on cookies the browser might also send. */
export function credentialOf(req: Request, sessionCookie: string): RequestCredential | null {
  const bearer = bearerToken(req);
  if (bearer) return { via: 'bearer', token: bearer };
  return sessionCookieOf(req, sessionCookie);
}

export function sessionCookieOf(req: Request, sessionCookie: string): RequestCredential | null {
  const cookie = cookieValue(req, sessionCookie);
  return cookie ? { via: 'cookie', token: cookie } : null;
}
