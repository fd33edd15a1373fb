import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CookieOptions, Request, Response } from 'express';
import Type from 'typebox';
import { APP_CONFIG, type AppConfig } from '#config';
import { Endpoint } from '../../common/contract/endpoint.decorator.js';
import { Public } from '../public.decorator.js';
import { BrowserSessions } from '../session/browser-sessions.js';
import { cookieValue } from '../session/request-credential.js';
import { OIDC_STATE_COOKIE, OIDC_STATE_TTL_MS, openLoginState, sealLoginState } from './oidc-login-state.js';
import { REFUSAL_PAGE_EXAMPLE, refusalPage } from './oidc-refusal-page.js';
import { OidcSignIn, OidcSignInRefused } from './oidc-sign-in.js';

const CALLBACK_PATH = '/api/auth/oidc';

/** A refusal page; the callback also clears the sign-in state cookie when it had one. */
const page = (status: number, description: string) => ({
  status,
  description,
  text: { contentType: 'text/html', example: REFUSAL_PAGE_EXAMPLE },
  optionalHeaders: ['Set-Cookie'] as const,
});

/** What the provider sends back; read and checked by openid-client (state, PKCE, issuer), so more parameters may come. */
const CallbackQuery = Type.Object(
  {
    code: Type.Optional(Type.String({ description: 'The authorization code' })),
    state: Type.Optional(Type.String()),
    iss: Type.Optional(Type.String({ description: "The provider's issuer (RFC 9207)" })),
    error: Type.Optional(Type.String({ description: "The provider's refusal, e.g. access_denied" })),
    error_description: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

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
  @Endpoint({
    operationId: 'startOidcSignIn',
    summary: 'Single sign-on: redirects (302) to the OpenID provider; state, nonce and PKCE verifier go in a signed HttpOnly cookie',
    public: true,
    success: { status: 302, description: "To the provider's authorization endpoint", headers: ['Location', 'Set-Cookie'] },
    alsoAnswers: [page(400, 'The provider cannot be reached or refused (a page in Bahasa Indonesia)'), page(404, 'Single sign-on is not configured (a page)')],
  })
  async login(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const { url, state } = await this.oidc.begin();
      res.cookie(OIDC_STATE_COOKIE, sealLoginState(state, this.config.jwt.secret), { ...this.stateCookie(req), maxAge: OIDC_STATE_TTL_MS });
      res.status(302).location(url).end();
    } catch (error) {
      this.refuse(req, res, error);
    }
  }

  @Public()
  @Get('callback')
  @Endpoint({
    operationId: 'completeOidcSignIn',
    summary: "Single sign-on: checks the provider's answer, starts the browser session and redirects (303) to /; else a page in Bahasa Indonesia",
    public: true,
    query: CallbackQuery,
    success: { status: 303, description: 'Signed in: the session cookies are set; on to the web app', headers: ['Location', 'Set-Cookie'] },
    alsoAnswers: [
      page(400, 'An answer that does not verify (tampered, expired, another issuer or client) or the provider refused'),
      page(403, 'Nobody in alur has that NIP or username, or the person is deactivated'),
      page(404, 'Single sign-on is not configured'),
    ],
  })
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      const expected = openLoginState(cookieValue(req, OIDC_STATE_COOKIE), this.config.jwt.secret);
      res.clearCookie(OIDC_STATE_COOKIE, this.stateCookie(req));
      const query = new URL(req.originalUrl, 'http://callback').search;
      const user = await this.oidc.complete(query, expected);
      await this.sessions.start(req, res, user);
      res.status(303).location('/').end();
    } catch (error) {
      this.refuse(req, res, error);
    }
  }

  private refuse(req: Request, res: Response, error: unknown): void {
    if (!(error instanceof OidcSignInRefused)) throw error;
    req.log?.warn({ reason: error.reason, detail: error.message }, 'single sign-on refused');
    const refusal = refusalPage(error.reason);
    res.status(refusal.status).type('html').send(refusal.html);
  }

  /** Lax, not Strict: the provider's redirect back is a cross-site navigation that must carry it. */
  private stateCookie(req: Request): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: req.secure || this.config.nodeEnv === 'production', path: CALLBACK_PATH };
  }
}
