import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '#config';

export interface AccessTokenClaims {
  sub: string;
  username: string;
}

/** HS256 only; issuer and audience are checked on every verification. */
@Injectable()
export class TokenService {
  /**
   * Given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every call;
   * a ready KeyObject skips that work on the hot path.
   */
  private readonly key: KeyObject;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
  }

  async issue(claims: AccessTokenClaims): Promise<{ accessToken: string; expiresIn: number }> {
    const accessToken = await this.jwt.signAsync(claims, {
      algorithm: 'HS256',
      secret: this.key as unknown as string,
      issuer: this.config.jwt.issuer,
      audience: this.config.jwt.audience,
      expiresIn: this.config.jwt.ttl as `${number}h`,
    });
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, expiresIn: exp - iat };
  }

  /** Returns null for anything but a valid, unexpired HS256 token of this issuer and audience. */
  async verify(token: string): Promise<AccessTokenClaims | null> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims & { sub: unknown }>(token, {
        algorithms: ['HS256'],
        secret: this.key as unknown as string,
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
      });
      if (typeof claims.sub !== 'string' || typeof claims.username !== 'string') return null;
      return { sub: claims.sub, username: claims.username };
    } catch {
      return null;
    }
  }
}
