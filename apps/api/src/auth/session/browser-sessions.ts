import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '#config';
import { RevokedTokens } from '#persistence';
import { TokenService, type TradedFrom, type VerifiedAccessToken } from '../token.service.js';
import { csrfTokenOf } from './csrf-guard.util.js';
import { APP_SESSION, CSRF_COOKIE, type SessionScope } from './session-scope.js';

/** What a page learns when its session starts (never the token itself: that stays in the HttpOnly cookie). */
export interface BrowserSessionView {
  tokenType: 'Cookie';
  /** Seconds until the session ends. */
  expiresIn: number;
  /** Send it back as the `X-XSRF-TOKEN` header on every write (also in the `XSRF-TOKEN` cookie). */
  csrfToken: string;
}

export interface StartSessionOptions {
  scope?: SessionScope;
  /** The token the session is traded for: it ends no later than that one (its expiry, its sign-out). */
  tradedFrom?: TradedFrom;
}

/**
 * Browser sessions: a fresh access token in an HttpOnly, SameSite=Strict cookie (Secure whenever the
 * request came over HTTPS, also through the trusted proxy, and always in production) plus its CSRF
 * token in a cookie the page can read. Ending one revokes its token on the server.
 */
@Injectable()
export class BrowserSessions {
  constructor(
    private readonly tokens: TokenService,
    private readonly revoked: RevokedTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Starts a session for `user` (already authenticated by the caller: password, OpenID Connect...). */
  async start(req: Request, res: Response, user: { id: string; username: string }, options: StartSessionOptions = {}): Promise<BrowserSessionView> {
    const scope = options.scope ?? APP_SESSION;
    const issued = await this.tokens.issue({ sub: user.id, username: user.username }, options.tradedFrom);
    const csrfToken = csrfTokenOf(issued.tokenId, this.config.jwt.secret);
    res.cookie(scope.cookie, issued.accessToken, { ...this.cookieOptions(req, scope), httpOnly: true, expires: issued.expiresAt });
    res.cookie(CSRF_COOKIE, csrfToken, { ...this.cookieOptions(req, scope), httpOnly: false, expires: issued.expiresAt });
    return { tokenType: 'Cookie', expiresIn: issued.expiresIn, csrfToken };
  }

  /** Revokes the token the request was authenticated with (bearer or cookie) and clears the session's cookies. */
  async end(req: Request, res: Response, token: VerifiedAccessToken | null, scope: SessionScope = APP_SESSION): Promise<void> {
    if (token) await this.revoked.revoke(token.jti, token.expiresAt);
    this.clear(req, res, scope);
  }

  clear(req: Request, res: Response, scope: SessionScope = APP_SESSION): void {
    res.clearCookie(scope.cookie, { ...this.cookieOptions(req, scope), httpOnly: true });
    res.clearCookie(CSRF_COOKIE, { ...this.cookieOptions(req, scope), httpOnly: false });
  }

  private cookieOptions(req: Request, scope: SessionScope): CookieOptions {
    return { sameSite: 'strict', secure: req.secure || this.config.nodeEnv === 'production', path: scope.path };
  }
}
