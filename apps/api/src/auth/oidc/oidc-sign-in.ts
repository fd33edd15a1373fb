import { Inject, Injectable } from '@nestjs/common';
import * as client from 'openid-client';
import { APP_CONFIG, type AppConfig, type OidcConfig } from '#config';
import { UserDirectory, type UserRecord } from '#persistence';
import { claimedIdentity, type OidcLoginState } from './oidc-login-state.js';

/** Why a single sign-on did not sign anybody in (each has its page, see oidc-refusal-page.ts). */
export type OidcRefusal = 'NOT_CONFIGURED' | 'PROVIDER_ERROR' | 'INVALID_RESPONSE' | 'UNKNOWN_PERSON' | 'DEACTIVATED';

export class OidcSignInRefused extends Error {
  constructor(readonly reason: OidcRefusal, detail: string) {
    super(detail);
    this.name = 'OidcSignInRefused';
  }
}

/**
 * Single sign-on by OpenID Connect (authorization code flow with PKCE): the redirect to the provider,
 * then the callback checked (state, nonce, PKCE, issuer, audience) and matched to an active user.
 */
@Injectable()
export class OidcSignIn {
  private configuration?: Promise<client.Configuration>;

  constructor(
    private readonly users: UserDirectory,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The provider's authorization URL and what the callback must check. */
  async begin(): Promise<{ url: string; state: OidcLoginState }> {
    const oidc = this.settings();
    const configuration = await this.discover(oidc);
    const state: OidcLoginState = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: oidc.redirectUrl,
      scope: 'openid profile',
      response_type: 'code',
      state: state.state,
      nonce: state.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(state.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url: url.href, state };
  }

  /** The user the provider's answer names; `query` is the callback's query string. */
  async complete(query: string, expected: OidcLoginState | null): Promise<UserRecord> {
    const oidc = this.settings();
    if (!expected) throw new OidcSignInRefused('INVALID_RESPONSE', 'no sign-in in progress (state cookie missing, altered or expired)');
    const configuration = await this.discover(oidc);
    const callbackUrl = new URL(oidc.redirectUrl);
    callbackUrl.search = query;
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims() };
      if (claimedIdentity(claims, oidc.userClaim) === null) {
        claims = { ...claims, ...(await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub))) };
      }
    } catch (error) {
      const reason = error instanceof client.AuthorizationResponseError ? 'PROVIDER_ERROR' : 'INVALID_RESPONSE';
      throw new OidcSignInRefused(reason, error instanceof Error ? error.message : String(error));
    }
    const identity = claimedIdentity(claims, oidc.userClaim);
    const user = identity === null ? null : await this.users.findByNipOrUsername(identity);
    if (!user) throw new OidcSignInRefused('UNKNOWN_PERSON', `no user has ${oidc.userClaim} ${identity ?? '(absent)'}`);
    if (!user.active) throw new OidcSignInRefused('DEACTIVATED', `${user.username} is deactivated`);
    return user;
  }

  private settings(): OidcConfig {
    if (!this.config.oidc) throw new OidcSignInRefused('NOT_CONFIGURED', 'OIDC_ISSUER_URL is not set');
    return this.config.oidc;
  }

  /** The provider's metadata, fetched once (again after a failure); its issuer must be OIDC_ISSUER_URL. */
  private discover(oidc: OidcConfig): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(new URL(oidc.issuerUrl), oidc.clientId, oidc.clientSecret, undefined, {
        execute: new URL(oidc.issuerUrl).protocol === 'http:' ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw new OidcSignInRefused('PROVIDER_ERROR', `discovery failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    return this.configuration;
  }
}
