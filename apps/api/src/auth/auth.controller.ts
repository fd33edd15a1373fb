import { Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Static } from 'typebox';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { ValidBody } from '../common/contract/schema.pipe.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { BrowserSignInSchema, ChangePasswordBody, LoginBody, LoginResultSchema, MeSchema } from './auth.schemas.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { ChangePasswordUseCase } from './change-password.use-case.js';
import { CurrentAuthentication, CurrentUser } from './current-user.decorator.js';
import { LoginRateLimitGuard } from './login-rate-limit.guard.js';
import { LoginUseCase, toUserView, type AuthenticatedUserView, type LoginResult } from './login.use-case.js';
import { MeQuery, type MeView } from './me.query.js';
import { AllowedBeforePasswordChange } from './password-change.decorator.js';
import { Public } from './public.decorator.js';
import type { Authentication } from './session/access-token-authenticator.js';
import { BrowserSessions, type BrowserSessionView } from './session/browser-sessions.js';
import { assertNotCrossSite } from './session/csrf-guard.util.js';

export interface BrowserSignInResult extends BrowserSessionView {
  user: AuthenticatedUserView;
  /** Signed in with a temporary password: every request but `POST /api/me/password` (and sign-out) is refused. */
  mustChangePassword: boolean;
}

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(
    private readonly login: LoginUseCase,
    private readonly me: MeQuery,
    private readonly sessions: BrowserSessions,
    private readonly changePassword: ChangePasswordUseCase,
  ) {}

  @Public()
  @UseGuards(LoginRateLimitGuard)
  @Post('auth/login')
  @HttpCode(200)
  @Endpoint({
    operationId: 'logIn',
    summary: 'Exchange a username and password for a bearer token',
    public: true,
    body: LoginBody,
    success: { status: 200, description: 'Signed in', schema: LoginResultSchema },
    errors: [ErrorCode.UNAUTHENTICATED, ErrorCode.RATE_LIMITED, ErrorCode.PASSWORD_LOGIN_DISABLED, ErrorCode.SERVICE_UNAVAILABLE],
  })
  signIn(@ValidBody(LoginBody) body: Static<typeof LoginBody>, @Req() req: Request): Promise<LoginResult> {
    return this.login.execute(body.username, body.password, req.ip ?? '');
  }

  @Public()
  @UseGuards(LoginRateLimitGuard)
  @Post('auth/session')
  @HttpCode(200)
  @Endpoint({
    operationId: 'startSession',
    summary: 'Browser sign-in: sets an HttpOnly session cookie and the XSRF-TOKEN cookie (send it back as X-XSRF-TOKEN on writes)',
    public: true,
    body: LoginBody,
    success: { status: 200, description: 'Signed in; the cookies are set', schema: BrowserSignInSchema, headers: ['Set-Cookie'] },
    errors: [ErrorCode.UNAUTHENTICATED, ErrorCode.RATE_LIMITED, ErrorCode.PASSWORD_LOGIN_DISABLED, ErrorCode.SERVICE_UNAVAILABLE],
  })
  async startSession(@ValidBody(LoginBody) body: Static<typeof LoginBody>, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<BrowserSignInResult> {
    assertNotCrossSite(req);
    const user = await this.login.verifyCredentials(body.username, body.password, req.ip ?? '');
    const session = await this.sessions.start(req, res, user);
    return { ...session, user: toUserView(user), mustChangePassword: user.mustChangePassword };
  }

  @Post('auth/logout')
  @HttpCode(204)
  @AllowedBeforePasswordChange()
  @Endpoint({
    operationId: 'logOut',
    summary: 'Sign out: revokes the access token of the request (bearer or session cookie) and clears the cookies',
    requestHeaders: ['X-XSRF-TOKEN'],
    success: { status: 204, description: 'The token is revoked; the session cookies are cleared', headers: ['Set-Cookie'] },
  })
  async signOut(@CurrentAuthentication() authentication: Authentication, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.end(req, res, authentication.token);
  }

  @Get('me')
  @Endpoint({
    operationId: 'getMe',
    summary: 'The caller, with the delegations they currently hold',
    success: { status: 200, description: 'The caller', schema: MeSchema },
  })
  whoAmI(@CurrentUser() user: AuthenticatedUser): Promise<MeView> {
    return this.me.execute(user);
  }

  @Post('me/password')
  @HttpCode(204)
  @AllowedBeforePasswordChange()
  @Endpoint({
    operationId: 'changePassword',
    summary: "Change the caller's password (at least 12 characters); the one call a token that must change its password may make",
    description: "Ends the caller's other sessions: a token issued before the change is then 401, but for the one the change was sent with.",
    body: ChangePasswordBody,
    requestHeaders: ['X-XSRF-TOKEN'],
    success: { status: 204, description: 'Changed' },
  })
  async changeOwnPassword(@CurrentAuthentication() authentication: Authentication, @ValidBody(ChangePasswordBody) body: Static<typeof ChangePasswordBody>): Promise<void> {
    await this.changePassword.execute(authentication.user, authentication.token.jti, body);
  }
}
