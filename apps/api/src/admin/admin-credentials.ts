import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { isOperator } from '#workflow';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AccessTokenAuthenticator, type Authentication } from '../auth/session/access-token-authenticator.js';
import { ADMIN_SESSION } from '../auth/session/session-scope.js';
import { AppException, forbidden } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';

/** The cookie is sent to these paths only: the dashboard and the session endpoint. */
export const ADMIN_PATH = ADMIN_SESSION.path;

/**
 * Who may see /admin/queues: the same access tokens as the API (a bearer header, or the dashboard's
 * session cookie for browsers, whose writes must pass the CSRF check), of an active user who holds the
 * deployment's OPERATOR role (the queues carry every government's jobs, so no government's ADMIN may).
 * Throws the api.md errors: no, bad or revoked token 401, not an OPERATOR 403.
 */
@Injectable()
export class AdminCredentials {
  constructor(private readonly authenticator: AccessTokenAuthenticator) {}

  assertOperator(user: AuthenticatedUser): void {
    if (!isOperator(user.roles)) throw forbidden("The queue dashboard is for the deployment's operators only");
    if (user.mustChangePassword) throw new AppException(ErrorCode.PASSWORD_CHANGE_REQUIRED, 'Change your temporary password first (POST /api/me/password)');
  }

  /** The caller of a dashboard request and how they proved it: bearer header first, else the session cookie. */
  async operatorOf(req: Request): Promise<{ user: AuthenticatedUser; viaCookie: boolean }> {
    const { user, via } = await this.authenticator.authenticate(req, ADMIN_SESSION);
    this.assertOperator(user);
    return { user, viaCookie: via === 'cookie' };
  }

  /** The dashboard session the request's cookie carries (for ending it), or null when it has none valid. */
  async sessionOf(req: Request): Promise<Authentication | null> {
    try {
      return await this.authenticator.authenticate(req, ADMIN_SESSION, true);
    } catch (error) {
      if ((error as { code?: string }).code === 'UNAUTHENTICATED') return null;
      throw error;
    }
  }
}
