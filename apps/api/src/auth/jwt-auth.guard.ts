import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppException } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import type { AuthenticatedUser } from './authenticated-user.js';
import { ALLOWED_BEFORE_PASSWORD_CHANGE } from './password-change.decorator.js';
import { IS_PUBLIC } from './public.decorator.js';
import { AccessTokenAuthenticator, type Authentication } from './session/access-token-authenticator.js';

export type AuthenticatedRequest = Request & { user?: AuthenticatedUser; authentication?: Authentication };

/**
 * Global: every route needs a valid, unrevoked access token of an active user unless marked
 * @Public(): a bearer header (API clients), or the browser session cookie with the CSRF check on writes.
 * The user is read on every request, so a deactivated person's token stops working at once. Someone
 * who signed in with a temporary password may only change it (403 PASSWORD_CHANGE_REQUIRED elsewhere).
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: AccessTokenAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const authentication = await this.authenticator.authenticate(request);
    if (authentication.user.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOWED_BEFORE_PASSWORD_CHANGE, [context.getHandler(), context.getClass()])) {
      throw new AppException(ErrorCode.PASSWORD_CHANGE_REQUIRED, 'Change your temporary password first (POST /api/me/password)');
    }
    request.user = authentication.user;
    request.authentication = authentication;
    return true;
  }
}
