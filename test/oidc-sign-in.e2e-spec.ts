import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
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
