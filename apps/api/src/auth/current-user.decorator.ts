import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user.js';
import type { AuthenticatedRequest } from './jwt-auth.guard.js';
import type { Authentication } from './session/access-token-authenticator.js';

export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): AuthenticatedUser => ctx.switchToHttp().getRequest().user,
);

/** How the guard authenticated the request: the verified token and whether it came as bearer or cookie. */
export const CurrentAuthentication = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Authentication => ctx.switchToHttp().getRequest<AuthenticatedRequest>().authentication!,
);
