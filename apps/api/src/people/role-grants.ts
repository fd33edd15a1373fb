import { DEPLOYMENT_ROLE, GRANTABLE_ROLES, isGrantableRole } from '#workflow';
import { AppException, validationFailed } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';

/**
 * The roles an ADMIN asks for, checked: domain.md's roles only (400 otherwise), never the
 * deployment-level OPERATOR (403). A person who already holds OPERATOR keeps it: an ADMIN neither
 * grants nor takes it.
 */
export function grantedRoles(requested: readonly string[], held: readonly string[] = []): string[] {
  if (requested.includes(DEPLOYMENT_ROLE)) {
    throw new AppException(ErrorCode.FORBIDDEN, `${DEPLOYMENT_ROLE} is a deployment role: only the bootstrap command or the seed gives it`);
  }
  const unknown = requested.filter((role) => !isGrantableRole(role));
  if (unknown.length > 0) {
    const message = `roles: ${unknown.join(', ')} is not a role; each must be one of ${GRANTABLE_ROLES.join(', ')}`;
    throw validationFailed(message, { fields: [message] });
  }
  return held.includes(DEPLOYMENT_ROLE) ? [...requested, DEPLOYMENT_ROLE] : [...requested];
}
