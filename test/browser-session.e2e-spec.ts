import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, quickWinBody, TEST_DEMO_PASSWORD, type TestApp } from '#testing';

jest.setTimeout(60_000);

const HOST = 'alur.example.go.id';
const SITE = `http://${HOST}`;

function setCookies(res: { headers: Record<string, unknown> }): string[] {
  return ([] as string[]).concat((res.headers['set-cookie'] as string[] | undefined) ?? []);
}

function cookieNamed(res: { headers: Record<string, unknown> }, name: string): string {
  const cookie = setCookies(res).find((c) => c.startsWith(`${name}=`));
  if (!cookie) throw new Error(`no ${name} cookie in ${JSON.stringify(setCookies(res))}`);
  return cookie;
}

/** `name=value` of a Set-Cookie line, as a browser would send it back. */
const pair = (setCookie: string) => setCookie.split(';')[0]!;

describe('browser sessions: cookie, CSRF, sign-out', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function signIn(username: string, headers: Record<string, string> = {}) {
    const res = await t.http.post('/api/auth/session').set({ Host: HOST, Origin: SITE, ...headers }).send({ username, password: TEST_DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const session = cookieNamed(res, 'alur_session');
    const csrf = cookieNamed(res, 'XSRF-TOKEN');
    return { res, session, csrf, cookie: `${pair(session)}; ${pair(csrf)}`, csrfToken: res.body.csrfToken as string };
  }

  async function quickWinCount(): Promise<number> {
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM documents WHERE kind = 'quick-win'`);
    return n;
  }

  it('signs a browser in with an HttpOnly, SameSite=Strict cookie and a readable CSRF cookie, never handing the token to the page', async () => {
    const { res, session, csrf, cookie } = await signIn('kaltim.drafter');
    expect(res.body).toEqual({ tokenType: 'Cookie', expiresIn: 3600, csrfToken: expect.any(String), mustChangePassword: false, user: expect.objectContaining({ username: 'kaltim.drafter' }) });
    expect(JSON.stringify(res.body)).not.toContain(pair(session).split('=')[1]);
    expect(session).toMatch(/; Path=\//);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).not.toMatch(/; Secure/); // plain HTTP
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(pair(csrf)).toBe(`XSRF-TOKEN=${res.body.csrfToken}`);

    const me = await t.http.get('/api/me').set({ Host: HOST, Cookie: cookie });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe('kaltim.drafter');
  });

  it('accepts a cookie-authenticated write from its own pages with the CSRF header', async () => {
    const { cookie, csrfToken } = await signIn('kaltim.drafter');
    const res = await t.http.post('/api/quick-wins').set({ Host: HOST, Origin: SITE, Cookie: cookie, 'X-XSRF-TOKEN': csrfToken }).send(quickWinBody());
    expect(res.status).toBe(201);
  });

  it('refuses a cross-site cookie write (Origin evil.example, text/plain) and changes nothing', async () => {
    const { cookie, csrfToken } = await signIn('kaltim.drafter');
    const before = await quickWinCount();
    const forged = await t.http
      .post('/api/quick-wins')
      .set({ Host: HOST, Origin: 'https://evil.example', Cookie: cookie, 'Content-Type': 'text/plain' })
      .send(JSON.stringify(quickWinBody()));
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ statusCode: 403, code: 'CSRF_REJECTED' });
    // even a stolen CSRF token does not help a page of another site
    const withToken = await t.http.post('/api/quick-wins').set({ Host: HOST, Origin: 'https://evil.example', Cookie: cookie, 'X-XSRF-TOKEN': csrfToken }).send(quickWinBody());
    expect(withToken.status).toBe(403);
    expect(await quickWinCount()).toBe(before);
  });

  it('refuses a same-site cookie write without the CSRF token, with a wrong one, or with no Origin at all', async () => {
    const { cookie, csrfToken } = await signIn('kaltim.drafter');
    const other = await signIn('kaltim.drafter2');
    for (const headers of [
      { Origin: SITE },
      { Origin: SITE, 'X-XSRF-TOKEN': 'not-the-token' },
      { Origin: SITE, 'X-XSRF-TOKEN': other.csrfToken }, // another session's token
      { 'X-XSRF-TOKEN': csrfToken },
    ]) {
      const res = await t.http.post('/api/quick-wins').set({ Host: HOST, Cookie: cookie, ...headers }).send(quickWinBody());
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('CSRF_REJECTED');
    }
  });

  it('keeps bearer tokens working for API clients without any CSRF header', async () => {
    const res = await t.http.post('/api/quick-wins').set(await t.auth('kaltim.drafter')).set('Origin', 'https://tools.example').send(quickWinBody());
    expect(res.status).toBe(201);
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await t.http.post('/api/auth/session').set({ Host: HOST, Origin: 'https://evil.example' }).send({ username: 'kaltim.drafter', password: TEST_DEMO_PASSWORD });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_REJECTED');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('a wrong password gets 401 and no cookie', async () => {
    const res = await t.http.post('/api/auth/session').set({ Host: HOST, Origin: SITE }).send({ username: 'kaltim.drafter', password: 'salah-sandi' });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('makes the cookies Secure when the request came over HTTPS through the trusted proxy', async () => {
    const { session, csrf, cookie, csrfToken } = await signIn('kaltim.kadis', { 'X-Forwarded-Proto': 'https', Origin: `https://${HOST}` });
    expect(session).toMatch(/; Secure/);
    expect(csrf).toMatch(/; Secure/);
    // and behind HTTPS the site's origin is https://, so an http:// page is another site
    const plain = await t.http.post('/api/auth/logout').set({ Host: HOST, 'X-Forwarded-Proto': 'https', Origin: SITE, Cookie: cookie, 'X-XSRF-TOKEN': csrfToken });
    expect(plain.status).toBe(403);
    const secure = await t.http.post('/api/auth/logout').set({ Host: HOST, 'X-Forwarded-Proto': 'https', Origin: `https://${HOST}`, Cookie: cookie, 'X-XSRF-TOKEN': csrfToken });
    expect(secure.status).toBe(204);
  });

  it('trusts X-Forwarded-Proto only from the proxy addresses TRUST_PROXY names (loopback by default)', async () => {
    const elsewhere = await createTestApp({ TRUST_PROXY: '10.0.0.0/8' });
    try {
      // the test's requests come from loopback, which is now not the proxy: the scheme it claims is not believed
      const res = await elsewhere.http
        .post('/api/auth/session')
        .set({ Host: HOST, 'X-Forwarded-Proto': 'https', Origin: SITE })
        .send({ username: 'kaltim.kadis', password: TEST_DEMO_PASSWORD });
      expect(res.status).toBe(200);
      expect(cookieNamed(res, 'alur_session')).not.toMatch(/; Secure/);
      const claimedHttps = await elsewhere.http
        .post('/api/auth/session')
        .set({ Host: HOST, 'X-Forwarded-Proto': 'https', Origin: `https://${HOST}` })
        .send({ username: 'kaltim.kadis', password: TEST_DEMO_PASSWORD });
      expect(claimedHttps.status).toBe(403);
    } finally {
      await elsewhere.close();
    }
  });

  it('logout revokes a bearer token: reusing it is 401', async () => {
    const login = await t.http.post('/api/auth/login').send({ username: 'kaltim.sekda', password: TEST_DEMO_PASSWORD });
    const auth = { Authorization: `Bearer ${login.body.accessToken}` };
    expect((await t.http.get('/api/me').set(auth)).status).toBe(200);
    const out = await t.http.post('/api/auth/logout').set(auth);
    expect(out.status).toBe(204);
    const reuse = await t.http.get('/api/me').set(auth);
    expect(reuse.status).toBe(401);
    expect(reuse.body.code).toBe('UNAUTHENTICATED');
    expect((await t.http.post('/api/auth/logout').set(auth)).status).toBe(401);
    // another token of the same user is untouched
    const again = await t.http.post('/api/auth/login').send({ username: 'kaltim.sekda', password: TEST_DEMO_PASSWORD });
    expect((await t.http.get('/api/me').set('Authorization', `Bearer ${again.body.accessToken}`)).status).toBe(200);
  });

  it('logout of a browser session revokes its token on the server and clears both cookies', async () => {
    const { cookie, csrfToken } = await signIn('kaltim.organisasi');
    const refused = await t.http.post('/api/auth/logout').set({ Host: HOST, Origin: 'https://evil.example', Cookie: cookie });
    expect(refused.status).toBe(403);
    expect((await t.http.get('/api/me').set({ Host: HOST, Cookie: cookie })).status).toBe(200);

    const out = await t.http.post('/api/auth/logout').set({ Host: HOST, Origin: SITE, Cookie: cookie, 'X-XSRF-TOKEN': csrfToken });
    expect(out.status).toBe(204);
    expect(cookieNamed(out, 'alur_session')).toMatch(/^alur_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    expect(cookieNamed(out, 'XSRF-TOKEN')).toMatch(/^XSRF-TOKEN=; Path=\/; Expires=Thu, 01 Jan 1970/);
    // a copy of the cookie kept by anyone is worthless now
    const reuse = await t.http.get('/api/me').set({ Host: HOST, Cookie: cookie });
    expect(reuse.status).toBe(401);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM revoked_tokens WHERE expires_at > now()`);
    expect(n).toBeGreaterThanOrEqual(1);
  });
});

describe('queue dashboard session: the same Secure and CSRF rules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function dashboardSession(headers: Record<string, string> = {}) {
    const res = await t.http.post('/admin/session').set({ Host: HOST, ...(await t.auth('kaltim.operator')), ...headers });
    expect(res.status).toBe(204);
    return { res, session: cookieNamed(res, 'alur_admin_session'), csrf: cookieNamed(res, 'XSRF-TOKEN') };
  }

  it('sets Secure cookies behind HTTPS (X-Forwarded-Proto from the trusted proxy), limited to /admin', async () => {
    const { session, csrf } = await dashboardSession({ 'X-Forwarded-Proto': 'https' });
    for (const cookie of [session, csrf]) {
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; Path=\/admin/);
      expect(cookie).toMatch(/; SameSite=Strict/);
    }
    expect(session).toMatch(/; HttpOnly/);
    const plain = await dashboardSession();
    expect(plain.session).not.toMatch(/; Secure/);
  });

  it('refuses a cross-site cookie-only write to the dashboard (Origin evil.example, text/plain)', async () => {
    const { session, csrf } = await dashboardSession();
    const res = await t.http
      .put('/admin/queues/api/queues/notifications/pause')
      .set({ Host: HOST, Origin: 'https://evil.example', 'Content-Type': 'text/plain', Cookie: `${pair(session)}; ${pair(csrf)}` })
      .send('x');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('CSRF_REJECTED');
  });

  it('ends no later than the token it was traded for: signing that token out ends the dashboard session too', async () => {
    const login = await t.http.post('/api/auth/login').set({ Host: HOST }).send({ username: 'kaltim.operator', password: TEST_DEMO_PASSWORD });
    const bearer = { Authorization: `Bearer ${login.body.accessToken}` };
    const traded = await t.http.post('/admin/session').set({ Host: HOST, ...bearer });
    expect(traded.status).toBe(204);
    const cookie = pair(cookieNamed(traded, 'alur_admin_session'));
    expect((await t.http.get('/admin/queues').set({ Host: HOST, Cookie: cookie })).status).toBe(200);
    // the dashboard's own token (sent as a bearer header) is not traded again: that session would outlive its sign-out
    const dashboardToken = decodeURIComponent(cookie.slice('alur_admin_session='.length));
    const again = await t.http.post('/admin/session').set({ Host: HOST, Authorization: `Bearer ${dashboardToken}` });
    expect([again.status, again.body.code]).toEqual([403, 'FORBIDDEN']);
    expect(again.headers['set-cookie']).toBeUndefined();

    expect((await t.http.post('/api/auth/logout').set({ Host: HOST, ...bearer })).status).toBe(204);
    expect((await t.http.get('/admin/queues').set({ Host: HOST, Cookie: cookie })).status).toBe(401);
    expect((await t.http.get('/api/me').set({ Authorization: `Bearer ${dashboardToken}` })).status).toBe(401);
    expect((await t.http.get('/admin/queues').set(await t.auth('kaltim.operator'))).status).toBe(200);
  });

  it('DELETE /admin/session revokes the dashboard token, and leaves the bearer token it was traded for working', async () => {
    const bearer = await t.auth('kaltim.operator');
    const { session, csrf } = await dashboardSession();
    const cookie = `${pair(session)}; ${pair(csrf)}`;
    expect((await t.http.get('/admin/queues').set({ Host: HOST, Cookie: cookie })).status).toBe(200);
    const noCsrf = await t.http.delete('/admin/session').set({ Host: HOST, Origin: SITE, Cookie: cookie });
    expect(noCsrf.status).toBe(403);
    const out = await t.http.delete('/admin/session').set({ Host: HOST, Origin: SITE, Cookie: cookie, 'X-XSRF-TOKEN': pair(csrf).split('=')[1]! });
    expect(out.status).toBe(204);
    expect((await t.http.get('/admin/queues').set({ Host: HOST, Cookie: cookie })).status).toBe(401);
    expect((await t.http.get('/admin/queues').set(bearer)).status).toBe(200);
  });
});
