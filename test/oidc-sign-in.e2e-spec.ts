import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { createTestApp, TEST_DEMO_PASSWORD, type TestApp } from '#testing';
import { APP, OidcBrowser as Browser, oidcSettings, startProvider, type TestProvider } from './support/oidc.js';

jest.setTimeout(60_000);

describe('single sign-on by OpenID Connect against a real provider', () => {
  let provider: TestProvider;
  let elsewhere: TestProvider;
  let t: TestApp;

  beforeAll(async () => {
    provider = await startProvider();
    elsewhere = await startProvider();
    t = await createTestApp({ ...oidcSettings(provider), PASSWORD_LOGIN: 'false' });
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

  it('a real callback with its query or its sign-in cookie changed at random: a page, never a 5xx, never signed in', async () => {
    const text = fc.oneof(fc.constantFrom('', 'x', 'tampered', '%zz', '%00', 'a'.repeat(3000), '..%2F'), fc.stringMatching(/^[A-Za-z0-9._~-]{0,60}$/));
    const change = fc.oneof(
      fc.record({ drop: fc.constantFrom('code', 'state', 'iss') }),
      fc.record({ set: fc.constantFrom('code', 'state', 'iss', 'error', 'error_description', 'session_state', 'id_token'), to: text }),
      fc.record({ repeat: fc.constantFrom('code', 'state', 'iss') }),
      fc.record({ cookie: text }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 3 }), async (changes) => {
        const browser = new Browser(t);
        const callback = new URL(await browser.toCallback(await browser.startSignIn()));
        const raw = new URLSearchParams(callback.search);
        let cookie: string | undefined;
        for (const c of changes) {
          if ('drop' in c) raw.delete(c.drop);
          else if ('set' in c) raw.set(c.set, c.to);
          else if ('repeat' in c) raw.append(c.repeat, raw.get(c.repeat) ?? 'x');
          else cookie = c.cookie;
        }
        // what proves the answer: the code, the state and the issuer as the provider sent them, and the sign-in cookie
        const proof = (q: URLSearchParams) => JSON.stringify(['code', 'state', 'iss'].map((k) => q.getAll(k)));
        const tampered = proof(raw) !== proof(callback.searchParams) || cookie !== undefined;
        const headers = { Host: 'alur.test', Cookie: cookie === undefined ? browser.cookies('alur.test') : `alur_oidc=${cookie}` };
        const res = await t.http.get(`/api/auth/oidc/callback?${raw}`).set(headers).redirects(0);
        const session = ([] as string[]).concat(res.headers['set-cookie'] ?? []).some((c) => /^alur_session=[^;]/.test(c));
        // another parameter (error_description alone, session_state) may be ignored; a tampered proof never signs in
        if (tampered || res.status !== 303) {
          expect([400, 403]).toContain(res.status);
          expect(res.type).toBe('text/html');
          expect(session).toBe(false);
        } else expect(session).toBe(true);
      }),
      { numRuns: 60 },
    );
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
