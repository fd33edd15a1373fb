import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, createTestDatabase, type TestApp } from '#testing';
import { runBootstrap, type RunResult } from './support/bootstrap-command.js';

jest.setTimeout(60_000);

const ARGS = ['--province', 'kaltim', '--name', 'Pemerintah Provinsi Kalimantan Timur', '--time-zone', 'Asia/Makassar', '--admin', 'kaltim.admin', '--admin-nip', '198001012005011001'];

describe('bootstrap on an empty database', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let t: TestApp;
  let first: RunResult;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    first = await runBootstrap(db.url, ARGS);
    t = await createTestApp({ DATABASE_URL: db.url, DEMO_SEED: 'false' });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await db.drop();
  });

  it('creates the province, its unit and its ADMIN, and shows the temporary password once', async () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Provinsi kaltim (Pemerintah Provinsi Kalimantan Timur, Asia/Makassar) dibuat, dengan unit setda.');
    const governments = await t.dataSource.query(`SELECT code, name, region_name, level, parent_id, time_zone FROM governments`);
    expect(governments).toEqual([
      { code: 'kaltim', name: 'Pemerintah Provinsi Kalimantan Timur', region_name: 'Kalimantan Timur', level: 'PROVINCE', parent_id: null, time_zone: 'Asia/Makassar' },
    ]);
    const audit = await t.dataSource.query(`SELECT action, target_key, actor_id FROM admin_audit ORDER BY id`);
    expect(audit).toEqual([
      { action: 'GOVERNMENT_CREATED', target_key: 'kaltim', actor_id: null },
      { action: 'UNIT_CREATED', target_key: 'kaltim/setda', actor_id: null },
      { action: 'USER_CREATED', target_key: 'kaltim.admin', actor_id: null },
    ]);
  });

  it('lets the ADMIN sign in with it, change it first, then work with the new one', async () => {
    const password = /sekali\): (\S+)/.exec(first.stdout)?.[1] ?? '';
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const login = await t.http.post('/api/auth/login').send({ username: 'kaltim.admin', password });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ mustChangePassword: true, user: { username: 'kaltim.admin', governmentCode: 'kaltim', unitCode: 'setda', roles: ['ADMIN', 'OPERATOR'] } });
    const bearer = { Authorization: `Bearer ${login.body.accessToken}` };

    const refused = await t.http.get('/api/me').set(bearer);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const dashboard = await t.http.get('/admin/queues').set(bearer);
    expect([dashboard.status, dashboard.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);

    const short = await t.http.post('/api/me/password').set(bearer).send({ currentPassword: password, newPassword: 'pendek-11ch' });
    expect(short.status).toBe(400);
    expect(short.body.message).toContain('newPassword must be 12 to 200 characters long');
    const wrong = await t.http.post('/api/me/password').set(bearer).send({ currentPassword: 'bukan-sandinya', newPassword: 'sandi-baru-admin-kaltim' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('currentPassword');

    const changed = await t.http.post('/api/me/password').set(bearer).send({ currentPassword: password, newPassword: 'sandi-baru-admin-kaltim' });
    expect(changed.status).toBe(204);
    expect((await t.http.get('/api/me').set(bearer)).status).toBe(200);
    expect((await t.http.get('/admin/queues').set(bearer)).status).toBe(200);
    const [{ password_hash: hash }] = await t.dataSource.query(`SELECT password_hash FROM users WHERE username = 'kaltim.admin'`);
    expect(hash).toMatch(/^\$argon2id\$/);

    expect((await t.http.post('/api/auth/login').send({ username: 'kaltim.admin', password })).status).toBe(401);
    const again = await t.http.post('/api/auth/login').send({ username: 'kaltim.admin', password: 'sandi-baru-admin-kaltim' });
    expect(again.status).toBe(200);
    expect(again.body.mustChangePassword).toBe(false);
  });

  it('refuses to run a second time and changes nothing', async () => {
    const second = await runBootstrap(db.url, ['--province', 'kalteng', '--name', 'Pemerintah Provinsi Kalimantan Tengah', '--time-zone', 'Asia/Jakarta', '--admin', 'kalteng.admin']);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain('bootstrap hanya berjalan sekali');
    expect(await t.dataSource.query(`SELECT code FROM governments`)).toEqual([{ code: 'kaltim' }]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 1 }]);
  });

  it('explains bad arguments without touching the database', async () => {
    const bad = await runBootstrap(db.url, ['--province', 'kaltim']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--name wajib diisi');
    expect(bad.stderr).toContain('Pemakaian:');
  });
});
