import { describe, expect, it } from '@jest/globals';
import { InvalidConfigurationError, loadAppConfig } from './app-config.js';

const OIDC = {
  OIDC_ISSUER_URL: 'https://sso.kaltimprov.go.id/realms/asn',
  OIDC_CLIENT_ID: 'alur',
  OIDC_CLIENT_SECRET: 'rahasia',
  OIDC_REDIRECT_URL: 'https://alur.kaltimprov.go.id/api/auth/oidc/callback',
};

function failure(env: Record<string, string>): InvalidConfigurationError {
  try {
    loadAppConfig(env);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error;
    throw error;
  }
  throw new Error('configuration was accepted');
}

describe('single sign-on and password sign-in settings', () => {
  it('leaves single sign-on off and passwords on by default', () => {
    const config = loadAppConfig({});
    expect(config.oidc).toBeNull();
    expect(config.passwordLogin).toBe(true);
  });

  it('reads the provider, the client and the claim, preferred_username by default', () => {
    expect(loadAppConfig(OIDC).oidc).toEqual({
      issuerUrl: OIDC.OIDC_ISSUER_URL,
      clientId: 'alur',
      clientSecret: 'rahasia',
      redirectUrl: OIDC.OIDC_REDIRECT_URL,
      userClaim: 'preferred_username',
    });
    expect(loadAppConfig({ ...OIDC, OIDC_USER_CLAIM: 'nip' }).oidc?.userClaim).toBe('nip');
  });

  it('switches password sign-in off with PASSWORD_LOGIN=false', () => {
    expect(loadAppConfig({ PASSWORD_LOGIN: 'false' }).passwordLogin).toBe(false);
  });

  it('stops on a bad value, naming the variable', () => {
    expect(failure({ ...OIDC, OIDC_ISSUER_URL: 'ftp://sso' }).variables).toEqual(['OIDC_ISSUER_URL']);
    expect(failure({ ...OIDC, OIDC_REDIRECT_URL: 'bukan url' }).variables).toEqual(['OIDC_REDIRECT_URL']);
    expect(failure({ ...OIDC, OIDC_USER_CLAIM: 'nip; drop' }).variables).toEqual(['OIDC_USER_CLAIM']);
    expect(failure({ PASSWORD_LOGIN: 'kadang' }).variables).toEqual(['PASSWORD_LOGIN']);
  });

  it('requires the client id, secret and callback URL once an issuer is set', () => {
    expect(failure({ OIDC_ISSUER_URL: OIDC.OIDC_ISSUER_URL }).variables.sort()).toEqual(['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL']);
  });
});
