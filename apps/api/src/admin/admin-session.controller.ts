import { Controller, Delete, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '#config';
import { Public } from '../auth/public.decorator.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ADMIN_PATH, ADMIN_SESSION_COOKIE, AdminCredentials, bearerToken } from './admin-credentials.js';

/** The `exp` of a token the guard has verified (a session cookie lives as long as its token). */
function expiryOf(token: string): Date {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
  return new Date(typeof payload.exp === 'number' ? payload.exp * 1000 : Date.now());
}

/**
 * Browsers cannot put a bearer header on a page they navigate to, so an OPERATOR's client trades its
 * access token for an HttpOnly, SameSite=Strict cookie limited to /admin, valid as long as the token.
 */
@ApiTags('admin')
@Controller('admin/session')
export class AdminSessionController {
  constructor(
    private readonly credentials: AdminCredentials,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Sets the dashboard cookie; then open /admin/queues' })
  @ApiOperation({ summary: 'OPERATOR: a dashboard session cookie carrying the bearer token (401 without one, 403 for anyone else)' })
  open(@CurrentUser() user: AuthenticatedUser, @Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    this.credentials.assertOperator(user);
    const token = bearerToken(req)!; // the global guard admitted the request on it
    res.cookie(ADMIN_SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.nodeEnv === 'production',
      path: ADMIN_PATH,
      expires: expiryOf(token),
    });
  }

  @Delete()
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the dashboard session (clears the cookie)' })
  close(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(ADMIN_SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: this.config.nodeEnv === 'production', path: ADMIN_PATH });
  }
}
