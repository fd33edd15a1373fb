import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import Provider from 'oidc-provider';
import { createTestApp, TEST_DEMO_PASSWORD, type TestApp } from '#testing';

jest.setTimeout(60_000);

const APP = 'http://alur.test';
const REDIRECT = `${APP}/api/auth/oidc/callback`;
const CLIENTS = [
  { client_id: 'alur', client_secret: 'alur-client-secret', redirect_uris: [REDIRECT], grant_types: ['authorization_code'], response_types: ['code'] },
  { client_id: 'other', client_secret: 'other-client-secret', redirect_uris: [REDIRECT], grant_types: ['authorization_code'], response_types: ['code'] },
];

/** A real OpenID provider on 127.0.0.1; whoever signs in at it is `signInAs` (its login page is skipped). */
interface TestProvider {
  issuer: string;
  signInAs: string;
  close(): Promise<void>;
}

async function startProvider(): Promise<TestProvider> {
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
class Browser {
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

describe('single sign-on by OpenID Connect against a real provider', () => {
  let provider: TestProvider;
  let elsewhere: TestProvider;
  let t: TestApp;

  beforeAll(async () => {
    provider = await startProvider();
    elsewhere = await startProvider();
    t = await createTestApp({
      OIDC_ISSUER_URL: provider.issuer,
      OIDC_CLIENT_ID: 'alur',
      OIDC_CLIENT_SECRET: 'alur-client-secret',
      OIDC_REDIRECT_URL: REDIRECT,
      OIDC_USER_CLAIM: 'preferred_username',
      PASSWORD_LOGIN: 'false',
    });
  });
  afterAll(async () => {
    await t?.close();
    await provider?.close();
    await elsewhere?.close();
  });

  beforeEach(() => {
    provider.signInAs = 'kaltim.drafter';
  });

  async function signedInAs(browser: Browser): Promise<unknown> {
    const me = await t.http.get('/api/me').set({ Host: 'alur.test', Cookie: browser.cookies('alur.test') });
    return me.status === 200 ? me.body.username : me.status;
  }

  it('tells the sign-in page that SSO is configured and passwords are off (GET /api/auth/providers)', async () => {
    const res = await t.http.get('/api/auth/providers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ password: false, passwordReset: false, oidc: true });
  });

  it('signs kaltim.drafter in by the code flow with PKCE, then the session cookie reads /api/me', async () => {
    const browser = new Browser(t);
    const authorize = new URL(await browser.startSignIn());
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('client_id')).toBe('alur');
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const callback = await browser.toCallback(authorize.href);
    const done = await browser.step(callback);
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${APP}/`);
    expect(await signedInAs(browser)).toBe('kaltim.drafter');
  });

  it('matches the claim with a NIP as well as a username', async () => {
    const [{ nip }] = await t.dataSource.query(`SELECT nip FROM users WHERE username = 'kaltim.drafter'`);
    provider.signInAs = nip;
    const browser = new Browser(t);
    const done = await browser.step(await browser.toCallback(await browser.startSignIn()));
    expect(done.status).toBe(303);
    expect(await signedInAs(browser)).toBe('kaltim.drafter');
  });

  it('refuses a callback whose state was tampered with', async () => {
    const browser = new Browser(t);
    const callback = new URL(await browser.toCallback(await browser.startSignIn()));
    callback.searchParams.set('state', 'tampered');
    const res = await browser.step(callback.href);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Proses masuk tidak sah');
    expect(await signedInAs(browser)).toBe(401);
  });

  it('refuses an ID token whose nonce is not the one the sign-in sent', async () => {
    const browser = new Browser(t);
    const authorize = new URL(await browser.startSignIn());
    authorize.searchParams.set('nonce', 'another-nonce');
    const res = await browser.step(await browser.toCallback(authorize.href));
    expect(res.status).toBe(400);
    expect(res.text).toContain('Proses masuk tidak sah');
    expect(await signedInAs(browser)).toBe(401);
  });

  it('refuses an answer from another issuer (a provider at another URL)', async () => {
    const browser = new Browser(t);
    const authorize = new URL(await browser.startSignIn());
    const forged = new URL(authorize.pathname + authorize.search, elsewhere.issuer);
    const callback = await browser.toCallback(forged.href);
    expect(new URL(callback).searchParams.get('iss')).toBe(elsewhere.issuer);
    const res = await browser.step(callback);
    expect(res.status).toBe(400);
    expect(res.text).toContain('Proses masuk tidak sah');
    expect(await signedInAs(browser)).toBe(401);
  });

  it('refuses a code issued to another client (another audience)', async () => {
    const browser = new Browser(t);
    const authorize = new URL(await browser.startSignIn());
    authorize.searchParams.set('client_id', 'other');
    const res = await browser.step(await browser.toCallback(authorize.href));
    expect(res.status).toBe(400);
    expect(res.text).toContain('Proses masuk tidak sah');
    expect(await signedInAs(browser)).toBe(401);
  });

  it('refuses a callback without the sign-in cookie (started in another browser)', async () => {
    const callback = await new Browser(t).toCallback(await new Browser(t).startSignIn());
    const res = await new Browser(t).step(callback);
    expect(res.status).toBe(400);
    expect(res.text).toContain('sesi masuk sudah kedaluwarsa');
  });

  it('refuses a person unknown to alur with a 403 page in Bahasa Indonesia', async () => {
    provider.signInAs = 'orang.asing';
    const browser = new Browser(t);
    const res = await browser.step(await browser.toCallback(await browser.startSignIn()));
    expect(res.status).toBe(403);
    expect(res.text).toContain('Akun tidak dikenal');
    expect(await signedInAs(browser)).toBe(401);
  });

  it('refuses a deactivated person', async () => {
    await t.dataSource.query(`UPDATE users SET active = false WHERE username = 'kaltim.drafter2'`);
    provider.signInAs = 'kaltim.drafter2';
    const browser = new Browser(t);
    const res = await browser.step(await browser.toCallback(await browser.startSignIn()));
    expect(res.status).toBe(403);
    expect(res.text).toContain('Akun dinonaktifkan');
    expect(await signedInAs(browser)).toBe(401);
  });

  it('refuses passwords with PASSWORD_LOGIN=false, for tokens and browser sessions', async () => {
    for (const path of ['/api/auth/login', '/api/auth/session']) {
      const res = await t.http.post(path).set({ Host: 'alur.test', Origin: APP }).send({ username: 'kaltim.drafter', password: TEST_DEMO_PASSWORD });
      expect(res.status).toBe(403);
      expect(res.body).toEqual(expect.objectContaining({ statusCode: 403, code: 'PASSWORD_LOGIN_DISABLED', message: expect.stringContaining('SSO') }));
    }
  });
});
