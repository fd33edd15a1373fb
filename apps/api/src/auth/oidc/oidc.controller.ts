import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { Public } from '../public.decorator.js';
import { BrowserSessions } from '../session/browser-sessions.js';
import { cookieValue } from '../session/request-credential.js';
import { OIDC_STATE_COOKIE, OIDC_STATE_TTL_MS, openLoginState, sealLoginState } from './oidc-login-state.js';
import { refusalPage } from './oidc-refusal-page.js';
import { OidcSignIn, OidcSignInRefused } from './oidc-sign-in.js';

const CALLBACK_PATH = '/api/auth/oidc';

@ApiTags('auth')
@Controller('api/auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcSignIn,
    private readonly sessions: BrowserSessions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('login')
  @ApiOperation({ summary: 'Single sign-on: redirects (302) to the OpenID provider; state, nonce and PKCE verifier go in a signed HttpOnly cookie' })
  async login(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const { url, state } = await this.oidc.begin();
      res.cookie(OIDC_STATE_COOKIE, sealLoginState(state, this.config.jwt.secret), { ...this.stateCookie(req), maxAge: OIDC_STATE_TTL_MS });
      res.redirect(302, url);
    } catch (error) {
      this.refuse(req, res, error);
    }
  }

  @Public()
  @Get('callback')
  @ApiOperation({ summary: 'Single sign-on: checks the provider\'s answer, starts the browser session and redirects to /; else a 4xx page' })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const expected = openLoginState(cookieValue(req, OIDC_STATE_COOKIE), this.config.jwt.secret);
      res.clearCookie(OIDC_STATE_COOKIE, this.stateCookie(req));
      const query = new URL(req.originalUrl, 'http://callback').search;
      const user = await this.oidc.complete(query, expected);
      await this.sessions.start(req, res, user);
      res.redirect(303, '/');
    } catch (error) {
      this.refuse(req, res, error);
    }
  }

  private refuse(req: Request, res: Response, error: unknown): void {
    if (!(error instanceof OidcSignInRefused)) throw error;
    req.log?.warn({ reason: error.reason, detail: error.message }, 'single sign-on refused');
    const page = refusalPage(error.reason);
    res.status(page.status).type('html').send(page.html);
  }

  /** Lax, not Strict: the provider's redirect back is a cross-site navigation that must carry it. */
  private stateCookie(req: Request): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: req.secure || this.config.nodeEnv === 'production', path: CALLBACK_PATH };
  }
}
