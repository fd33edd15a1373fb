import { describe, expect, it } from '@jest/globals';
import { claimedIdentity, OIDC_STATE_TTL_MS, openLoginState, sealLoginState } from './oidc-login-state.js';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const STATE = { state: 's1', nonce: 'n1', codeVerifier: 'v1' };

describe('OpenID Connect sign-in state cookie', () => {
  it('opens what it sealed', () => {
    expect(openLoginState(sealLoginState(STATE, SECRET), SECRET)).toEqual(STATE);
  });

  it('refuses a cookie altered, signed with another secret, expired or missing', () => {
    const sealed = sealLoginState(STATE, SECRET, 1_000);
    const [payload, signature] = sealed.split('.');
    const forged = Buffer.from(JSON.stringify({ ...STATE, nonce: 'other', exp: 1_000 + OIDC_STATE_TTL_MS })).toString('base64url');
    expect(openLoginState(`${forged}.${signature}`, SECRET, 1_000)).toBeNull();
    expect(openLoginState(`${payload}.${signature}x`, SECRET, 1_000)).toBeNull();
    expect(openLoginState(sealed, 'another-secret-another-secret-another', 1_000)).toBeNull();
    expect(openLoginState(sealed, SECRET, 1_000 + OIDC_STATE_TTL_MS + 1)).toBeNull();
    expect(openLoginState(null, SECRET)).toBeNull();
    expect(openLoginState('garbage', SECRET)).toBeNull();
  });
});

describe('the claim a user is matched by', () => {
  it('takes a string claim, trimmed', () => {
    expect(claimedIdentity({ preferred_username: ' kaltim.drafter ' }, 'preferred_username')).toBe('kaltim.drafter');
    expect(claimedIdentity({ nip: '197001012000031001' }, 'nip')).toBe('197001012000031001');
  });

  it('has none when the claim is absent, empty or not a string', () => {
    expect(claimedIdentity({ nip: 197001012000031001 }, 'nip')).toBeNull();
    expect(claimedIdentity({}, 'nip')).toBeNull();
    expect(claimedIdentity({ nip: '  ' }, 'nip')).toBeNull();
    expect(claimedIdentity({ nip: ['1'] }, 'nip')).toBeNull();
    expect(claimedIdentity({ nip: true }, 'nip')).toBeNull();
  });
});
