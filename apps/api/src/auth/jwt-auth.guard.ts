import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { AuthenticatedUser } from './authenticated-user.js';
import { IS_PUBLIC } from './public.decorator.js';
import { AccessTokenAuthenticator, type Authentication } from './session/access-token-authenticator.js';

export type AuthenticatedRequest = Request & { user?: AuthenticatedUser; authentication?: Authentication };

/**
 * Global: every route needs a valid, unrevoked access token of an active user unless marked
 * @Public(): a bearer header (API clients), or the browser session cookie with the CSRF check on writes.
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
    request.user = authentication.user;
    request.authentication = authentication;
    return true;
  }
}
