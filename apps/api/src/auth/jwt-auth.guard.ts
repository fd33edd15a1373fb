import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UserDirectory } from '#persistence';
import type { Request } from 'express';
import { unauthenticated } from '../common/errors/app.exception.js';
import { toAuthenticatedUser } from './authenticated-user.js';
import { IS_PUBLIC } from './public.decorator.js';
import { TokenService } from './token.service.js';

/** Global: every route needs a valid bearer token of an active user unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UserDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<Request & { user?: unknown }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw unauthenticated();
    const claims = await this.tokens.verify(token);
    if (!claims) throw unauthenticated('Invalid or expired token');
    const user = await this.users.findActorById(claims.sub, new Date());
    if (!user || !user.active || user.username !== claims.username) throw unauthenticated('Invalid or expired token');
    request.user = toAuthenticatedUser(user);
    return true;
  }
}
