import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from '@jest/globals';
import Provider from 'oidc-provider';
import type { TestApp } from './test-app.js';

/** Where the test app pretends to be served, as the provider's registered redirect sees it. */
export const APP = 'http://alur.test';
export const REDIRECT = `${APP}/api/auth/oidc/callback`;
const CLIENTS = [
  { client_id: 'alur', client_secret: 'alur-client-secret', redirect_uris: [REDIRECT], grant_types: ['authorization_code'], response_types: ['code'] },
  { client_id: 'other', client_secret: 'other-client-secret', redirect_uris: [REDIRECT], grant_types: ['authorization_code'], response_types: ['code'] },
];

/** A real OpenID provider on 127.0.0.1; whoever signs in at it is `signInAs` (its login page is skipped). */
export interface TestProvider {
  issuer: string;
  signInAs: string;
  close(): Promise<void>;
}

export async function startProvider(): Promise<TestProvider> {
  let provider: Provider | undefined;
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      void provider!.interactionFinished(req, res, { login: { accountId: handle.signInAs } }, { mergeWithLastSubmission: false });
      return;
    }
    void provider!.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: CLIENTS,
    cookies: { keys: ['test-provider-cookie-key'] },
    claims: { openid: ['sub'], profile: ['preferred_username'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id, preferred_username: id }) }),
    // Consent is not what is tested: every client gets `openid profile` without asking.
    loadExistingGrant: async (ctx: { oidc: { client?: { clientId: string }; session?: { accountId?: string } } }) => {
      const grant = new provider!.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
  });
  const handle: TestProvider = {
    issuer,
    signInAs: 'kaltim.drafter',
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return handle;
}

/** A browser driven by plain HTTP: one request at a time, cookies kept per host. */
export class OidcBrowser {
  private readonly jar = new Map<string, Map<string, string>>();

  constructor(private readonly app: TestApp) {}

  cookies(host: string): string {
    return [...(this.jar.get(host) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** One request; answers the status, the absolute Location and the body. */
  async step(url: string): Promise<{ status: number; location: string | null; text: string }> {
    const target = new URL(url);
    let status: number;
    let location: string | null;
    let text: string;
    let setCookies: string[];
    if (target.origin === APP) {
      const res = await this.app.http.get(target.pathname + target.search).set({ Host: target.host, Cookie: this.cookies(target.host) });
      ({ status, text } = res);
      location = (res.headers.location as string | undefined) ?? null;
      setCookies = ([] as string[]).concat((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []);
    } else {
      const res = await fetch(target, { redirect: 'manual', headers: { cookie: this.cookies(target.host) } });
      status = res.status;
      location = res.headers.get('location');
      text = await res.text();
      setCookies = res.headers.getSetCookie();
    }
    for (const line of setCookies) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const jar = this.jar.get(target.host) ?? new Map<string, string>();
      this.jar.set(target.host, jar);
      const [name, value] = [pair!.slice(0, eq), pair!.slice(eq + 1)];
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return { status, location: location === null ? null : new URL(location, target).href, text };
  }

  /** Follows redirects from `url` and stops before the request to the app's callback, answering its URL. */
  async toCallback(url: string): Promise<string> {
    let next = url;
    for (let hop = 0; hop < 15; hop += 1) {
      if (next.startsWith(REDIRECT)) return next;
      const res = await this.step(next);
      if (!res.location) throw new Error(`stopped at ${next}: ${res.status} ${res.text.slice(0, 300)}`);
      next = res.location;
    }
    throw new Error('too many redirects');
  }

  /** The provider authorization URL the app's sign-in redirects to. */
  async startSignIn(): Promise<string> {
    const res = await this.step(`${APP}/api/auth/oidc/login`);
    expect(res.status).toBe(302);
    return res.location!;
  }
}

/** The app's settings for signing in at `provider` as the client `alur`. */
export function oidcSettings(provider: TestProvider): Record<string, string> {
  return {
    OIDC_ISSUER_URL: provider.issuer,
    OIDC_CLIENT_ID: 'alur',
    OIDC_CLIENT_SECRET: 'alur-client-secret',
    OIDC_REDIRECT_URL: REDIRECT,
    OIDC_USER_CLAIM: 'preferred_username',
  };
}

/** Signs in at the provider as `provider.signInAs` and answers the app's session cookie holder. */
export async function signInBySso(app: TestApp, provider: TestProvider, who: string): Promise<OidcBrowser> {
  provider.signInAs = who;
  const browser = new OidcBrowser(app);
  const done = await browser.step(await browser.toCallback(await browser.startSignIn()));
  expect(done.status).toBe(303);
  return browser;
}
