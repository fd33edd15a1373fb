import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '#config';
import { UserDirectory } from '#persistence';
import { unauthenticated } from '../../common/errors/app.exception.js';
import { toAuthenticatedUser, type AuthenticatedUser } from '../authenticated-user.js';
import { TokenService, type VerifiedAccessToken } from '../token.service.js';
import { assertCsrfSafe, isWrite } from './csrf-guard.util.js';
import { credentialOf, sessionCookieOf, type RequestCredential } from './request-credential.js';
import { APP_SESSION, type SessionScope } from './session-scope.js';

export interface Authentication {
  user: AuthenticatedUser;
  token: VerifiedAccessToken;
  via: RequestCredential['via'];
}

/**
 * Who sent a request: a bearer token, or the session cookie of `scope` (then a write must also pass
 * the CSRF check). One query loads the user, their delegations and whether the token was revoked.
 */
@Injectable()
export class AccessTokenAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UserDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `cookieOnly`: ignore a bearer header (ending a browser session must not revoke the client's API token). */
  async authenticate(req: Request, scope: SessionScope = APP_SESSION, cookieOnly = false): Promise<Authentication> {
    const credential = cookieOnly ? sessionCookieOf(req, scope.cookie) : credentialOf(req, scope.cookie);
    if (!credential) throw unauthenticated();
    const token = await this.tokens.verify(credential.token);
    if (!token) throw unauthenticated('Invalid or expired token');
    if (credential.via === 'cookie' && isWrite(req)) assertCsrfSafe(req, token.jti, this.config.jwt.secret);
    const tokenIds = token.parentTokenId === null ? [token.jti] : [token.jti, token.parentTokenId];
    const actor = await this.users.findActorById(token.sub, new Date(), tokenIds, token.issuedAt);
    if (!actor || !actor.active || actor.username !== token.username || actor.tokenRevoked) throw unauthenticated('Invalid or expired token');
    if (actor.sessionEnded) throw unauthenticated('The password was changed after this sign-in: sign in again');
    const { tokenRevoked: _revoked, sessionEnded: _ended, ...user } = actor;
    return { user: toAuthenticatedUser(user), token, via: credential.via };
  }
}
