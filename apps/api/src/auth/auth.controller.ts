import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiHeader, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from './authenticated-user.js';
import { ChangePasswordDto } from './change-password.dto.js';
import { ChangePasswordUseCase } from './change-password.use-case.js';
import { CurrentAuthentication, CurrentUser } from './current-user.decorator.js';
import { LoginRateLimitGuard } from './login-rate-limit.guard.js';
import { LoginDto } from './login.dto.js';
import { LoginUseCase, toUserView, type AuthenticatedUserView, type LoginResult } from './login.use-case.js';
import { MeQuery, type MeView } from './me.query.js';
import { AllowedBeforePasswordChange } from './password-change.decorator.js';
import { Public } from './public.decorator.js';
import type { Authentication } from './session/access-token-authenticator.js';
import { BrowserSessions, type BrowserSessionView } from './session/browser-sessions.js';
import { assertNotCrossSite } from './session/csrf-guard.util.js';
import { APP_SESSION } from './session/session-scope.js';

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
  @ApiOperation({ summary: 'Exchange a username and password for a bearer token' })
  signIn(@Body() body: LoginDto): Promise<LoginResult> {
    return this.login.execute(body.username, body.password);
  }

  @Public()
  @UseGuards(LoginRateLimitGuard)
  @Post('auth/session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Browser sign-in: sets an HttpOnly session cookie and the XSRF-TOKEN cookie (send it back as X-XSRF-TOKEN on writes)',
  })
  async startSession(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<BrowserSignInResult> {
    assertNotCrossSite(req);
    const user = await this.login.verifyCredentials(body.username, body.password);
    const session = await this.sessions.start(req, res, user);
    return { ...session, user: toUserView(user), mustChangePassword: user.mustChangePassword };
  }

  @Post('auth/logout')
  @HttpCode(204)
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiCookieAuth(APP_SESSION.cookie)
  @ApiHeader({ name: 'X-XSRF-TOKEN', required: false, description: 'Required with the session cookie' })
  @ApiNoContentResponse({ description: 'The token is revoked; the session cookies are cleared' })
  @ApiOperation({ summary: 'Sign out: revokes the access token of the request (bearer or session cookie) and clears the cookies' })
  async signOut(@CurrentAuthentication() authentication: Authentication, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.end(req, res, authentication.token);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller, with the delegations they currently hold' })
  whoAmI(@CurrentUser() user: AuthenticatedUser): Promise<MeView> {
    return this.me.execute(user);
  }

  @Post('me/password')
  @HttpCode(204)
  @AllowedBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change the caller\'s password (at least 12 characters); the one call a token that must change its password may make',
  })
  async changeOwnPassword(@CurrentUser() user: AuthenticatedUser, @Body() body: ChangePasswordDto): Promise<void> {
    await this.changePassword.execute(user, body);
  }
}
