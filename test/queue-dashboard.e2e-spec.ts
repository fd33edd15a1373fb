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

  it('shows the dashboard to an ADMIN with a bearer token (200 HTML)', async () => {
    const res = await t.http.get('/admin/queues').set(await t.auth('kaltim.admin'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('alur: antrean');
  });

  it('lists every queue of QueueName through its API', async () => {
    const res = await t.http.get('/admin/queues/api/queues').set(await t.auth('paser.admin'));
    expect(res.status).toBe(200);
    const names = (res.body.queues as Array<{ name: string }>).map((q) => q.name);
    expect(names.sort()).toEqual(Object.values(QueueName).sort());
  });

  it('refuses a user who is not an ADMIN (403), in the api.md error shape', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const res = await t.http.get(path).set(await t.auth('kaltim.sekda'));
      expect(res.status).toBe(403);
      expect(res.body).toEqual(errorShape(403, 'FORBIDDEN'));
    }
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
    it('an ADMIN trades the bearer token for an HttpOnly cookie limited to /admin, which opens the dashboard', async () => {
      const res = await t.http.post('/admin/session').set(await t.auth('berau.admin'));
      expect(res.status).toBe(204);
      const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      expect(setCookie).toHaveLength(1);
      const cookie = setCookie[0]!;
      expect(cookie).toMatch(/^alur_admin_session=[\w-]+\.[\w-]+\.[\w-]+;/);
      expect(cookie).toMatch(/; Path=\/admin/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Expires=/);

      const page = await t.http.get('/admin/queues').set('Cookie', cookie.split(';')[0]!);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
    });

    it('is refused to non-admins (403) and to anonymous callers (401)', async () => {
      const sekda = await t.http.post('/admin/session').set(await t.auth('berau.sekda'));
      expect(sekda.status).toBe(403);
      expect(sekda.body).toEqual(errorShape(403, 'FORBIDDEN'));
      expect(sekda.headers['set-cookie']).toBeUndefined();
      const anonymous = await t.http.post('/admin/session');
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toEqual(errorShape(401, 'UNAUTHENTICATED'));
    });

    it("a non-admin's token in the cookie is refused too", async () => {
      const token = (await t.auth('kaltim.drafter')).Authorization.slice('Bearer '.length);
      const res = await t.http.get('/admin/queues').set('Cookie', `alur_admin_session=${token}`);
      expect(res.status).toBe(403);
    });

    it('DELETE /admin/session clears the cookie', async () => {
      const res = await t.http.delete('/admin/session');
      expect(res.status).toBe(204);
      expect(([] as string[]).concat(res.headers['set-cookie'] ?? [])[0]).toMatch(/^alur_admin_session=; Path=\/admin; Expires=Thu, 01 Jan 1970/);
    });
  });
});
