import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import request from 'supertest';
import { createTestApp, spawnApi, TEST_DEMO_PASSWORD, type SpawnedApi, type TestApp } from '#testing';

// Two API processes start on a shared, loaded machine; nothing here measures time.
jest.setTimeout(120_000);

/**
 * Each API process keeps the access tokens it has verified (TokenService). What ends a token early is
 * PostgreSQL's to say on every request, so a token ended through one process is refused by another
 * that verified it before.
 */
describe('a session ended through one API process, in another that knew the token', () => {
  let t: TestApp;
  let apis: SpawnedApi[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    apis = await Promise.all([spawnApi(t.env), spawnApi(t.env)]);
  });
  afterAll(async () => {
    await Promise.all(apis.map((api) => api.kill()));
    await t?.close();
  });

  const signIn = async (api: SpawnedApi, username: string, password = TEST_DEMO_PASSWORD) => {
    const res = await request(api.base).post('/api/auth/login').send({ username, password });
    expect(res.status).toBe(200);
    return { Authorization: `Bearer ${res.body.accessToken as string}` };
  };
  const me = (api: SpawnedApi, auth: Record<string, string>) => request(api.base).get('/api/me').set(auth);

  it('a sign-out is refused by every process, also one that has verified the token before', async () => {
    const [a, b] = apis as [SpawnedApi, SpawnedApi];
    const auth = await signIn(a, 'kaltim.kadis');
    expect((await me(a, auth)).status).toBe(200);
    expect((await me(b, auth)).status).toBe(200);
    expect((await request(a.base).post('/api/auth/logout').set(auth)).status).toBe(204);
    for (const api of [a, b]) {
      const refused = await me(api, auth);
      expect([refused.status, refused.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it("a new password chosen through one process ends the person's other sessions in the other", async () => {
    const [a, b] = apis as [SpawnedApi, SpawnedApi];
    const phone = await signIn(b, 'kaltim.organisasi');
    expect((await me(b, phone)).status).toBe(200); // b has verified it
    const laptop = await signIn(a, 'kaltim.organisasi');
    // the iat of a token is in seconds: a password changed in the same second as the sign-in would not end it
    await new Promise((r) => setTimeout(r, 1_100));
    const changed = await request(a.base).post('/api/me/password').set(laptop).send({ currentPassword: TEST_DEMO_PASSWORD, newPassword: 'kata-sandi-organisasi-baru' });
    expect(changed.status).toBe(204);
    const ended = await me(b, phone);
    expect([ended.status, ended.body.message]).toEqual([401, 'The password was changed after this sign-in: sign in again']);
    expect((await me(b, laptop)).status).toBe(200); // the session the change was made in stays, in either process
  });

  it('a deactivated person is refused by a process that had verified their token', async () => {
    const [a, b] = apis as [SpawnedApi, SpawnedApi];
    const auth = await signIn(a, 'kaltim.drafter');
    expect((await me(b, auth)).status).toBe(200);
    await t.dataSource.query(`UPDATE users SET active = false WHERE username = 'kaltim.drafter'`);
    for (const api of [a, b]) expect((await me(api, auth)).status).toBe(401);
  });
});
