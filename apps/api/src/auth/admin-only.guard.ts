import { applyDecorators, Injectable, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedUser } from './authenticated-user.js';
import { Endpoint, type EndpointSpec } from '../common/contract/endpoint.decorator.js';
import { forbidden } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';

/**
 * After the global JwtAuthGuard (401) and before any pipe (400): an endpoint only an ADMIN may call
 * answers 403 to anyone else whatever they send.
 */
@Injectable()
class AdminOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (!user?.roles.includes('ADMIN')) throw forbidden('Only an ADMIN of the government does this');
    return true;
  }
}

export const AdminOnly = () => UseGuards(AdminOnlyGuard);

/**
 * An operation only an ADMIN may call: `@AdminOnly()` (403 before 400) and its `@Endpoint`, whose
 * errors start with 403 FORBIDDEN; `errors` lists the others it answers.
 */
export const AdminEndpoint = (spec: EndpointSpec) =>
  applyDecorators(AdminOnly(), Endpoint({ ...spec, errors: [ErrorCode.FORBIDDEN, ...(spec.errors ?? [])] }));
