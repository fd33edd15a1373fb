import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { hashPassword, UserDirectory, verifyPassword } from '#persistence';
import { AppException, unauthenticated } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { HashGateFull, PasswordHashGate, type HashGateClient } from './password-hash-gate.js';
import { toAuthenticatedUser, type AuthenticatedUser } from './authenticated-user.js';
import { TokenService } from './token.service.js';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  user: AuthenticatedUserView;
  /** Signed in with a temporary password: the token is refused everywhere but `POST /api/me/password`. */
  mustChangePassword: boolean;
}

export type AuthenticatedUserView = Pick<AuthenticatedUser, 'username' | 'name' | 'governmentCode' | 'unitCode' | 'roles'>;

const WRONG_LOGIN = 'Wrong username or password';

@Injectable()
export class LoginUseCase {
  /** Verified against when the user does not exist, so both failures take the same time. */
  private decoyHash?: Promise<string>;

  constructor(
    private readonly users: UserDirectory,
    private readonly tokens: TokenService,
    private readonly gate: PasswordHashGate,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** `address` is the client's (req.ip): it and the username each hold at most their share of the hash gate. */
  async execute(username: string, password: string, address: string): Promise<LoginResult> {
    const user = await this.verifyCredentials(username, password, address);
    const { accessToken, expiresIn } = await this.tokens.issue({ sub: user.id, username: user.username });
    return { accessToken, tokenType: 'Bearer', expiresIn, user: toUserView(user), mustChangePassword: user.mustChangePassword };
  }

  /** The active user with this username and password, else 401 (a bearer login and a browser sign-in both start here). */
  async verifyCredentials(username: string, password: string, address: string): Promise<AuthenticatedUser> {
    if (!this.config.passwordLogin) {
      throw new AppException(ErrorCode.PASSWORD_LOGIN_DISABLED, 'Masuk dengan kata sandi dimatikan di instalasi ini; masuklah dengan SSO.');
    }
    // The user is looked up inside the gate too: a flood waits for (or is refused by) the gate before
    // it takes a database connection, so it never starves the pool that /health and everyone else use.
    const { user, valid } = await this.gated(async () => {
      const found = await this.users.findByUsername(username);
      const hash = found?.active && found.passwordHash ? found.passwordHash : await (this.decoyHash ??= hashPassword('alur-decoy-password'));
      return { user: found, valid: await verifyPassword(hash, password) };
    }, { address, username });
    if (!user?.active || !valid) throw unauthenticated(WRONG_LOGIN);
    return toAuthenticatedUser(user);
  }

  /** Password hashing through the gate: a flood is refused (503, Retry-After) instead of queueing every sign-in behind it. */
  private async gated<T>(check: () => Promise<T>, client: HashGateClient): Promise<T> {
    try {
      return await this.gate.run(check, client);
    } catch (error) {
      if (!(error instanceof HashGateFull)) throw error;
      throw new AppException(ErrorCode.SERVICE_UNAVAILABLE, error.message, undefined, { 'Retry-After': String(error.retryAfterSeconds) });
    }
  }
}

export function toUserView(user: AuthenticatedUser): AuthenticatedUserView {
  return { username: user.username, name: user.name, governmentCode: user.governmentCode, unitCode: user.unitCode, roles: user.roles };
}
