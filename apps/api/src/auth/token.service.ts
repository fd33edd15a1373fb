import { Inject, Injectable } from '@nestjs/common';
import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '#config';
import { isLowercaseUuid } from '#workflow';

export interface AccessTokenClaims {
  sub: string;
  username: string;
}

/** A verified token: its subject, its id (what sign-out revokes) and when it expires. */
export interface VerifiedAccessToken extends AccessTokenClaims {
  jti: string;
  /** `iat`, to the second: a token older than the person's last new password is refused */
  issuedAt: Date;
  expiresAt: Date;
  /**
   * For a token traded for another (the queue dashboard's session): the id of the token it was traded
   * for, whose sign-out ends this one too; null otherwise. A traded token is not traded again.
   */
  parentTokenId: string | null;
}

/** The token another is traded for: the traded one ends no later than it, by expiry and by its sign-out. */
export interface TradedFrom {
  expiresAt: Date;
  tokenId: string;
}

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds from now. */
  expiresIn: number;
  tokenId: string;
  expiresAt: Date;
}

/** Tokens kept verified: more than the people of a province signed in at once. */
const VERIFIED_KEPT = 5_000;

/**
 * HS256 only; issuer and audience are checked on a token's first verification. A token verified once
 * is kept (the signature and the claims cannot change under the same string) and served again until
 * it expires; revocation and a later password change are the guard's to check on every request.
 */
@Injectable()
export class TokenService {
  /**
   * Given a string, jsonwebtoken first tries (and fails) to parse it as a public key on every call;
   * a ready KeyObject skips that work on the hot path.
   */
  private readonly key: KeyObject;

  private readonly verified = new LRUCache<string, Readonly<VerifiedAccessToken>>({ max: VERIFIED_KEPT });

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = createSecretKey(Buffer.from(config.jwt.secret, 'utf8'));
  }

  /**
   * Every token gets its own id (`jti`), so one can be revoked. A token traded for another (`tradedFrom`)
   * never outlives it: its expiry is capped at the other's, and it names the other's id (`ptid`), whose
   * revocation the guard checks too.
   */
  async issue(claims: AccessTokenClaims, tradedFrom?: TradedFrom): Promise<IssuedAccessToken> {
    const tokenId = randomUUID();
    const payload = tradedFrom ? { ...claims, ptid: tradedFrom.tokenId, exp: Math.floor(tradedFrom.expiresAt.getTime() / 1000) } : { ...claims };
    const accessToken = await this.jwt.signAsync(payload, {
      algorithm: 'HS256',
      secret: this.key as unknown as string,
      issuer: this.config.jwt.issuer,
      audience: this.config.jwt.audience,
      jwtid: tokenId,
      ...(tradedFrom ? {} : { expiresIn: this.config.jwt.ttl as `${number}h` }),
    });
    const { exp, iat } = this.jwt.decode<{ exp: number; iat: number }>(accessToken);
    return { accessToken, expiresIn: exp - iat, tokenId, expiresAt: new Date(exp * 1000) };
  }

  /** Returns null for anything but a valid, unexpired HS256 token of this issuer and audience with an id. */
  async verify(token: string): Promise<Readonly<VerifiedAccessToken> | null> {
    const kept = this.verified.get(token);
    if (kept !== undefined) {
      // as jsonwebtoken counts it: expired from the second `exp` names
      if (Date.now() < kept.expiresAt.getTime()) return kept;
      this.verified.delete(token);
      return null;
    }
    const verified = await this.verifyClaims(token);
    if (verified !== null) this.verified.set(token, verified);
    return verified;
  }

  private async verifyClaims(token: string): Promise<Readonly<VerifiedAccessToken> | null> {
    try {
      const claims = await this.jwt.verifyAsync<{ sub: unknown; username: unknown; jti: unknown; iat: unknown; exp: unknown; ptid?: unknown }>(token, {
        algorithms: ['HS256'],
        secret: this.key as unknown as string,
        issuer: this.config.jwt.issuer,
        audience: this.config.jwt.audience,
      });
      const { sub, username, jti, iat, exp, ptid } = claims;
      if (typeof sub !== 'string' || typeof username !== 'string' || typeof jti !== 'string' || !isLowercaseUuid(jti) || typeof exp !== 'number' || typeof iat !== 'number') return null;
      if (ptid !== undefined && (typeof ptid !== 'string' || !isLowercaseUuid(ptid))) return null;
      return Object.freeze({ sub, username, jti, issuedAt: new Date(iat * 1000), expiresAt: new Date(exp * 1000), parentTokenId: ptid ?? null });
    } catch {
      return null;
    }
  }
}
