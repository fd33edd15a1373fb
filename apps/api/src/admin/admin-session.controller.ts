import { Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentAuthentication, CurrentUser } from '../auth/current-user.decorator.js';
import type { Authentication } from '../auth/session/access-token-authenticator.js';
import { BrowserSessions } from '../auth/session/browser-sessions.js';
import { ADMIN_SESSION } from '../auth/session/session-scope.js';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { forbidden } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { AdminCredentials } from './admin-credentials.js';

/**
 * Browsers cannot put a bearer header on a page they navigate to, so an OPERATOR's client trades its
 * access token for a dashboard session: a token of its own in an HttpOnly, SameSite=Strict cookie
 * limited to /admin, ending no later than the token it was traded for.
 */
@ApiTags('admin')
@Controller('admin/session')
export class AdminSessionController {
  constructor(
    private readonly credentials: AdminCredentials,
    private readonly sessions: BrowserSessions,
  ) {}

  @Post()
  @HttpCode(204)
  @Endpoint({
    operationId: 'openAdminSession',
    summary: 'OPERATOR: a dashboard session cookie (401 without a token, 403 for anyone else and for a dashboard session\'s own token)',
    success: { status: 204, description: 'Sets the dashboard cookie; then open /admin/queues', headers: ['Set-Cookie'] },
    errors: [ErrorCode.FORBIDDEN],
  })
  async open(
    @CurrentUser() user: AuthenticatedUser,
    @CurrentAuthentication() authentication: Authentication,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    this.credentials.assertOperator(user);
    const { token } = authentication;
    // a dashboard token is not traded again: the new one would outlive its sign-out
    if (token.parentTokenId !== null) throw forbidden('A dashboard session is opened with the token of a sign-in, not with a dashboard session');
    await this.sessions.start(req, res, user, { scope: ADMIN_SESSION, tradedFrom: { expiresAt: token.expiresAt, tokenId: token.jti } });
  }

  @Delete()
  @Public()
  @HttpCode(204)
  @Endpoint({
    operationId: 'closeAdminSession',
    summary: 'Ends the dashboard session: revokes its token and clears the cookie (X-XSRF-TOKEN required with it)',
    public: true,
    requestHeaders: ['X-XSRF-TOKEN'],
    success: { status: 204, description: 'The session is over; the cookie is cleared', headers: ['Set-Cookie'] },
  })
  async close(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const session = await this.credentials.sessionOf(req);
    await this.sessions.end(req, res, session?.token ?? null, ADMIN_SESSION);
  }
}
