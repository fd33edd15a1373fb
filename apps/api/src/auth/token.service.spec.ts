import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import type { AppConfig } from '#config';
import { TokenService } from './token.service.js';

const config = { jwt: { secret: 'rahasia-untuk-uji-token-yang-cukup-panjang', ttl: '8h', issuer: 'alur', audience: 'alur-api' } } as AppConfig;

function tokenService() {
  const jwt = new JwtService({});
  const checks = jest.spyOn(jwt, 'verifyAsync');
  return { tokens: new TokenService(jwt, config), checks };
}

const claims = { sub: '0b6f3c1e-2d4a-4f5b-8c7d-9e0f1a2b3c4d', username: 'siti.drafter' };

describe('TokenService.verify', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('checks a token once and serves the same claims on later requests', async () => {
    const { tokens, checks } = tokenService();
    const { accessToken, tokenId } = await tokens.issue(claims);
    const first = await tokens.verify(accessToken);
    const again = await tokens.verify(accessToken);
    expect(first).toMatchObject({ ...claims, jti: tokenId, parentTokenId: null });
    expect(again).toEqual(first);
    expect(checks).toHaveBeenCalledTimes(1);
  });

  it('refuses a token kept from before once it has expired, to the second', async () => {
    const { tokens } = tokenService();
    const parent = await tokens.issue(claims);
    const expiresAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 60_000);
    const { accessToken } = await tokens.issue(claims, { tokenId: parent.tokenId, expiresAt });
    expect(await tokens.verify(accessToken)).not.toBeNull();
    const now = jest.spyOn(Date, 'now').mockReturnValue(expiresAt.getTime() - 1);
    expect(await tokens.verify(accessToken)).not.toBeNull();
    now.mockReturnValue(expiresAt.getTime());
    expect(await tokens.verify(accessToken)).toBeNull();
  });

  it('keeps no token that failed its check: a tampered one is refused every time', async () => {
    const { tokens, checks } = tokenService();
    const { accessToken } = await tokens.issue(claims);
    const [header, payload, signature] = accessToken.split('.');
    const forged = [header, Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), username: 'kepala' })).toString('base64url'), signature].join('.');
    expect(await tokens.verify(forged)).toBeNull();
    expect(await tokens.verify(forged)).toBeNull();
    expect(checks).toHaveBeenCalledTimes(2);
    expect(await tokens.verify(accessToken)).not.toBeNull();
  });

  it('keeps at most 5,000 tokens, the least recently used going first', async () => {
    const { tokens, checks } = tokenService();
    const issued = await Promise.all(Array.from({ length: 5_001 }, () => tokens.issue(claims)));
    for (const { accessToken } of issued) await tokens.verify(accessToken);
    checks.mockClear();
    await tokens.verify(issued[5_000].accessToken);
    await tokens.verify(issued[1].accessToken);
    expect(checks).toHaveBeenCalledTimes(0);
    expect(await tokens.verify(issued[0].accessToken)).not.toBeNull();
    expect(checks).toHaveBeenCalledTimes(1);
  });
});
