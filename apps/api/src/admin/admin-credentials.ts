import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { UserDirectory } from '#persistence';
import { isOperator } from '#workflow';
import { toAuthenticatedUser, type AuthenticatedUser } from '../auth/authenticated-user.js';
import { TokenService } from '../auth/token.service.js';
import { forbidden, unauthenticated } from '../common/errors/app.exception.js';

/** The HttpOnly cookie that carries an OPERATOR's access token to the dashboard (set by POST /admin/session). */
export const ADMIN_SESSION_COOKIE = 'alur_admin_session';
/** The cookie is sent to these paths only: the dashboard and the session endpoint. */
export const ADMIN_PATH = '/admin';

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

/**
 * Who may see /admin/queues: the same access token as the API (a bearer header, or the session
 * cookie for browsers), of an active user who holds the deployment's OPERATOR role (the queues carry
 * every government's jobs, so no government's ADMIN may). Throws the api.md errors: no or bad token
 * 401, not an OPERATOR 403.
 */
@Injectable()
export class AdminCredentials {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UserDirectory,
  ) {}

  async authenticate(token: string | null): Promise<AuthenticatedUser> {
    if (!token) throw unauthenticated();
    const claims = await this.tokens.verify(token);
    if (!claims) throw unauthenticated('Invalid or expired token');
    const user = await this.users.findById(claims.sub);
    if (!user || !user.active || user.username !== claims.username) throw unauthenticated('Invalid or expired token');
    return toAuthenticatedUser(user);
  }

  assertOperator(user: AuthenticatedUser): void {
    if (!isOperator(user.roles)) throw forbidden("The queue dashboard is for the deployment's operators only");
  }

  /** The caller of a dashboard request and how they proved it: bearer header first, else the session cookie. */
  async operatorOf(req: Request): Promise<{ user: AuthenticatedUser; viaCookie: boolean }> {
    const bearer = bearerToken(req);
    const user = await this.authenticate(bearer ?? cookieValue(req, ADMIN_SESSION_COOKIE));
    this.assertOperator(user);
    return { user, viaCookie: bearer === null };
  }
}
