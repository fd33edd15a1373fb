import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '#config';
import { isLowercaseUuid } from '#workflow';

export interface AccessTokenClaims {
  sub: string;
  username: string;
}

/** A verified token: its subject, its id (what sign-out revokes) and when it expires. */
export interface VerifiedAccessToken extends AccessTokenClaims {
  jti: string;
  expiresAt: Date;
}

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds from now. */
  expiresIn: number;
  tokenId: string;
  expiresAt: Date;
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

  /**
   * Every token gets its own id (`jti`), so one can be revoked. `notAfter` caps its expiry (a token
   * traded for another never outlives the first).
   */
  async issue(claims: AccessTokenClaims, notAfter?: Date): Promise<IssuedAccessToken> {
    const tokenId = randomUUID();
    const payload = notAfter ? { ...claims, exp: Math.floor(notAfter.getTime() / 1000) } : { ...claims };
    const accessToken = await this.jwt.signAsync(payload, {
      algorithm: 'HS256',
      secret: this.key as unknown as string,
      issuer: this.config.jwt.issuer,
      audience: this.config.jwt.audience,
      jwtid: tokenId,
      ...(notAfter ? {} : { expiresIn: this.config.jwt.ttl as `${number}h` }),
    });
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, expiresIn: exp - iat, tokenId, expiresAt: new Date(exp * 1000) };
  }

  /** Returns null for anything but a valid, unexpired HS256 token of this issuer and audience with an id. */
  async verify(token: string): Promise<VerifiedAccessToken | null> {
    try {
      const claims = await this.jwt.verifyAsync<{ sub: unknown; username: unknown; jti: unknown; exp: unknown }>(token, {
        algorithms: ['HS256'],
        secret: this.key as unknown as string,
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
      });
      const { sub, username, jti, exp } = claims;
      if (typeof sub !== 'string' || typeof username !== 'string' || typeof jti !== 'string' || !isLowercaseUuid(jti) || typeof exp !== 'number') return null;
      return { sub, username, jti, expiresAt: new Date(exp * 1000) };
    } catch {
      return null;
    }
  }
}
