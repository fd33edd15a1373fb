import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { QueueName } from '#queue';
import { createTestApp, type TestApp } from '#testing';

// Generous for a loaded machine (app start, argon2 logins); nothing here measures time.
jest.setTimeout(60_000);

describe('queue dashboard at /admin/queues', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const errorShape = (statusCode: number, code: string) => ({ statusCode, code, error: expect.any(String), message: expect.any(String) });

  it("shows the dashboard to the deployment's OPERATOR with a bearer token (200 HTML)", async () => {
    const res = await t.http.get('/admin/queues').set(await t.auth('kaltim.operator'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('alur: antrean');
  });

  it('lists every queue of QueueName through its API', async () => {
    const res = await t.http.get('/admin/queues/api/queues').set(await t.auth('kaltim.operator'));
    expect(res.status).toBe(200);
    const names = (res.body.queues as Array<{ name: string }>).map((q) => q.name);
    expect(names.sort()).toEqual(Object.values(QueueName).sort());
  });

  it("refuses everyone who is not an OPERATOR (403), any government's ADMIN included, in the api.md error shape", async () => {
    for (const username of ['kaltim.sekda', 'kaltim.admin', 'paser.admin', 'berau.admin']) {
      for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
        const res = await t.http.get(path).set(await t.auth(username));
        expect([username, path, res.status]).toEqual([username, path, 403]);
        expect(res.body).toEqual(errorShape(403, 'FORBIDDEN'));
      }
    }
  });

  it('is read-only by default: no pause, no job added by hand, even for the OPERATOR', async () => {
    const operator = await t.auth('kaltim.operator');
    const pause = await t.http.put('/admin/queues/api/queues/notifications/pause').set(operator);
    expect(pause.status).toBe(403);
    expect(pause.body).toEqual(errorShape(403, 'FORBIDDEN'));
    expect(pause.body.message).toMatch(/read-only/);
    const add = await t.http
      .post('/admin/queues/api/queues/notifications/add')
      .set(operator)
      .send({ name: 'transition-notification', data: { notification: 'REJECTED' } });
    expect(add.status).toBe(403);
    const queues = await t.http.get('/admin/queues/api/queues').set(operator);
    expect((queues.body.queues as Array<{ isPaused: boolean }>).every((q) => !q.isPaused)).toBe(true);
  });

  it("berau's ADMIN can neither pause kaltim's queue nor list its delayed jobs (the finding)", async () => {
    const admin = await t.auth('berau.admin');
    expect((await t.http.put('/admin/queues/api/queues/notifications/pause').set(admin)).status).toBe(403);
    expect((await t.http.get('/admin/queues/api/queues?activeQueue=deadlines&status=delayed').set(admin)).status).toBe(403);
  });

  it("keeps the dashboard's answers out of every cache, as the API's: its page, its JSON (every government's jobs) and its session", async () => {
    const operator = await t.auth('kaltim.operator');
    for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/queues/api/queues?activeQueue=deadlines&status=delayed']) {
      const res = await t.http.get(path).set(operator);
      expect([path, res.status, res.headers['cache-control']]).toEqual([path, 200, 'no-store']);
    }
    const session = await t.http.post('/admin/session').set(operator);
    expect([session.status, session.headers['cache-control']]).toEqual([204, 'no-store']);
    const page = await t.http.get('/admin/queues').set('Cookie', ([] as string[]).concat(session.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '));
    expect([page.status, page.headers['cache-control']]).toEqual([200, 'no-store']);
  });

  it('refuses a request without a token or with a forged one (401)', async () => {
    const anonymous = await t.http.get('/admin/queues');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual(errorShape(401, 'UNAUTHENTICATED'));
    const forged = await t.http.get('/admin/queues/api/queues').set({ Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.x' });
    expect(forged.status).toBe(401);
    const cookie = await t.http.get('/admin/queues').set('Cookie', 'alur_admin_session=nonsense');
    expect(cookie.status).toBe(401);
  });

  describe('browser session', () => {
    it('an OPERATOR trades the bearer token for an HttpOnly cookie limited to /admin, which opens the dashboard', async () => {
      const res = await t.http.post('/admin/session').set(await t.auth('kaltim.operator'));
      expect(res.status).toBe(204);
      const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      expect(setCookie).toHaveLength(2); // the session and its CSRF token (see browser-session.e2e-spec.ts)
      const cookie = setCookie.find((c) => c.startsWith('alur_admin_session='))!;
      expect(cookie).toMatch(/^alur_admin_session=[\w-]+\.[\w-]+\.[\w-]+;/);
      expect(cookie).toMatch(/; Path=\/admin/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Expires=/);

      const page = await t.http.get('/admin/queues').set('Cookie', cookie.split(';')[0]!);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
    });

    it('is refused to anyone but an OPERATOR (403) and to anonymous callers (401)', async () => {
      for (const username of ['berau.sekda', 'berau.admin']) {
        const refused = await t.http.post('/admin/session').set(await t.auth(username));
        expect(refused.status).toBe(403);
        expect(refused.body).toEqual(errorShape(403, 'FORBIDDEN'));
        expect(refused.headers['set-cookie']).toBeUndefined();
      }
      const anonymous = await t.http.post('/admin/session');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual(errorShape(401, 'UNAUTHENTICATED'));
    });

    it("a non-operator's token in the cookie is refused too", async () => {
      for (const username of ['kaltim.drafter', 'kaltim.admin']) {
        const token = (await t.auth(username)).Authorization.slice('Bearer '.length);
        const res = await t.http.get('/admin/queues').set('Cookie', `alur_admin_session=${token}`);
        expect(res.status).toBe(403);
      }
    });

    it('DELETE /admin/session clears the cookie', async () => {
      const res = await t.http.delete('/admin/session');
      expect(res.status).toBe(204);
      expect(([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]).toMatch(/^alur_admin_session=; Path=\/admin; Expires=Thu, 01 Jan 1970/);
    });
  });

  describe('with QUEUE_DASHBOARD_ACTIONS on', () => {
    let withActions: TestApp;

    beforeAll(async () => {
      withActions = await createTestApp({ QUEUE_DASHBOARD_ACTIONS: 'true' });
    });
    afterAll(() => withActions.close());

    /** The dashboard's cookies as a browser sends them back, and the CSRF token its page (bull-board's axios) echoes. */
    const operatorCookie = async (): Promise<{ cookie: string; csrf: string }> => {
      const res = await withActions.http.post('/admin/session').set(await withActions.auth('kaltim.operator'));
      const pairs = ([] as string[]).concat(res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
      return { cookie: pairs.join('; '), csrf: pairs.find((p) => p.startsWith('XSRF-TOKEN='))!.slice('XSRF-TOKEN='.length) };
    };

    it('the OPERATOR pauses and resumes a queue with the bearer token; an ADMIN still cannot', async () => {
      expect((await withActions.http.put('/admin/queues/api/queues/notifications/pause').set(await withActions.auth('kaltim.admin'))).status).toBe(403);
      const operator = await withActions.auth('kaltim.operator');
      expect((await withActions.http.put('/admin/queues/api/queues/notifications/pause').set(operator)).status).toBe(200);
      const paused = await withActions.http.get('/admin/queues/api/queues').set(operator);
      expect((paused.body.queues as Array<{ name: string; isPaused: boolean }>).find((q) => q.name === 'notifications')?.isPaused).toBe(true);
      expect((await withActions.http.put('/admin/queues/api/queues/notifications/resume').set(operator)).status).toBe(200);
    });

    it('still never adds or edits a job by hand', async () => {
      const operator = await withActions.auth('kaltim.operator');
      const add = await withActions.http
        .post('/admin/queues/api/queues/notifications/add')
        .set(operator)
        .send({ name: 'transition-notification', data: { notification: 'REJECTED' } });
      expect(add.status).toBe(403);
      expect(add.body).toEqual(errorShape(403, 'FORBIDDEN'));
      expect((await withActions.http.patch('/admin/queues/api/queues/notifications/1/update-data').set(operator).send({ data: {} })).status).toBe(403);
    });

    it('refuses a cookie-carried change from another site (Origin) or without its CSRF token, accepts it from the dashboard itself', async () => {
      const { cookie, csrf } = await operatorCookie();
      const crossSite = await withActions.http
        .put('/admin/queues/api/queues/notifications/pause')
        .set({ Cookie: cookie, Origin: 'https://evil.example', 'Content-Type': 'text/plain', 'X-XSRF-TOKEN': csrf })
        .send('x');
      expect(crossSite.status).toBe(403);
      const noOrigin = await withActions.http.put('/admin/queues/api/queues/notifications/pause').set({ Cookie: cookie, 'X-XSRF-TOKEN': csrf });
      expect(noOrigin.status).toBe(403);
      const noToken = await withActions.http.put('/admin/queues/api/queues/notifications/pause').set({ Cookie: cookie, Origin: 'http://127.0.0.1', Host: '127.0.0.1' });
      expect(noToken.status).toBe(403);
      expect(noToken.body.code).toBe('CSRF_REJECTED');
      const sameSite = await withActions.http
        .put('/admin/queues/api/queues/notifications/pause')
        .set({ Cookie: cookie, Origin: 'http://127.0.0.1', Host: '127.0.0.1', 'X-XSRF-TOKEN': csrf });
      expect(sameSite.status).toBe(200);
      expect((await withActions.http.put('/admin/queues/api/queues/notifications/resume').set(await withActions.auth('kaltim.operator'))).status).toBe(200);
    });
  });
});
