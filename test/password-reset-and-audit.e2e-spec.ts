import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, type TestApp } from '#testing';

jest.setTimeout(90_000);

describe('password reset', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('only an ADMIN of their government resets: 403 for others, 404 outside their reach', async () => {
    for (const username of ['paser.sekda', 'paser.kadis']) {
      const res = await t.http.post('/api/users/paser.drafter/password-reset').set(await t.auth(username));
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    for (const target of ['kaltim.drafter', 'berau.drafter']) {
      expect((await t.http.post(`/api/users/${target}/password-reset`).set(await t.auth('paser.admin'))).status).toBe(404);
    }
    expect((await t.http.post('/api/auth/login').send({ username: 'kaltim.drafter', password: 'demo12345' })).status).toBe(200);
  });

  it('answers a temporary password once; its token may only change it; the new password then works and the old ones do not', async () => {
    const oldToken = await t.auth('paser.drafter2');
    await new Promise((r) => setTimeout(r, 1000)); // tokens carry their issue time to the second
    const reset = await t.http.post('/api/users/paser.drafter2/password-reset').set(await t.auth('kaltim.admin'));
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ username: 'paser.drafter2', delivery: 'TEMPORARY_PASSWORD', temporaryPassword: expect.stringMatching(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/) });
    const temporary = reset.body.temporaryPassword as string;

    // the session that existed before the reset has ended
    const ended = await t.http.get('/api/me').set(oldToken);
    expect([ended.status, ended.body.code, ended.body.message]).toEqual([401, 'UNAUTHENTICATED', 'The password was changed after this sign-in: sign in again']);
    expect((await t.http.post('/api/auth/login').send({ username: 'paser.drafter2', password: 'demo12345' })).status).toBe(401);

    const login = await t.http.post('/api/auth/login').send({ username: 'paser.drafter2', password: temporary });
    expect([login.status, login.body.mustChangePassword]).toEqual([200, true]);
    const bearer = { Authorization: `Bearer ${login.body.accessToken}` };
    for (const call of [
      t.http.get('/api/me').set(bearer),
      t.http.get('/api/tasks').set(bearer),
      t.http.get('/api/quick-wins').set(bearer),
      t.http.post('/api/quick-wins').set(bearer).send({}),
      t.http.get('/api/notifications').set(bearer),
    ]) {
      const res = await call;
      expect([res.status, res.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
    }
    const same = await t.http.post('/api/me/password').set(bearer).send({ currentPassword: temporary, newPassword: temporary });
    expect(same.status).toBe(400);
    expect((await t.http.post('/api/me/password').set(bearer).send({ currentPassword: temporary, newPassword: 'kata-sandi-baru-paser' })).status).toBe(204);
    expect((await t.http.get('/api/tasks').set(bearer)).status).toBe(200); // the session the change was sent with stays
    expect((await t.http.get('/api/me').set(oldToken)).status).toBe(401); // one from before the reset does not come back
    // one time: the temporary password is gone
    expect((await t.http.post('/api/auth/login').send({ username: 'paser.drafter2', password: temporary })).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ username: 'paser.drafter2', password: 'kata-sandi-baru-paser' })).status).toBe(200);
  });

  it("a new password chosen by the person ends their other sessions, not the one they chose it in; the person may sign in again", async () => {
    const signIn = async () => {
      const res = await t.http.post('/api/auth/login').send({ username: 'paser.drafter', password: 'demo12345' });
      expect(res.status).toBe(200);
      return { Authorization: `Bearer ${res.body.accessToken}` };
    };
    const laptop = await signIn();
    const phone = await signIn();
    await new Promise((r) => setTimeout(r, 1000)); // tokens carry their issue time to the second
    const changed = await t.http.post('/api/me/password').set(laptop).send({ currentPassword: 'demo12345', newPassword: 'kata-sandi-drafter-baru' });
    expect(changed.status).toBe(204);
    expect((await t.http.get('/api/me').set(laptop)).status).toBe(200);
    const other = await t.http.get('/api/me').set(phone);
    expect([other.status, other.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const again = await t.http.post('/api/auth/login').send({ username: 'paser.drafter', password: 'kata-sandi-drafter-baru' });
    expect((await t.http.get('/api/me').set({ Authorization: `Bearer ${again.body.accessToken}` })).status).toBe(200);
  });

  it('gives a person created without a password their first one', async () => {
    const admin = await t.auth('paser.admin');
    expect((await t.http.post('/api/users').set(admin).send({ username: 'paser.tanpa', name: 'Tanpa Sandi', unitCode: 'setda', roles: [] })).status).toBe(201);
    const reset = await t.http.post('/api/users/paser.tanpa/password-reset').set(admin);
    const login = await t.http.post('/api/auth/login').send({ username: 'paser.tanpa', password: reset.body.temporaryPassword });
    expect([login.status, login.body.mustChangePassword]).toEqual([200, true]);
  });

  it('self-service: anyone changes their own password, at least 12 characters, knowing the current one', async () => {
    const auth = await t.auth('berau.hukum');
    const short = await t.http.post('/api/me/password').set(auth).send({ currentPassword: 'demo12345', newPassword: '12345678901' });
    expect([short.status, short.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const wrong = await t.http.post('/api/me/password').set(auth).send({ currentPassword: 'salah-sandi', newPassword: 'hukum-berau-2026' });
    expect(wrong.status).toBe(400);
    const extra = await t.http.post('/api/me/password').set(auth).send({ currentPassword: 'demo12345', newPassword: 'hukum-berau-2026', username: 'berau.sekda' });
    expect(extra.status).toBe(400);
    expect((await t.http.post('/api/me/password').set(auth).send({ currentPassword: 'demo12345', newPassword: 'hukum-berau-2026' })).status).toBe(204);
    const [{ password_hash: hash }] = await t.dataSource.query(`SELECT password_hash FROM users WHERE username = 'berau.hukum'`);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect((await t.http.post('/api/auth/login').send({ username: 'berau.hukum', password: 'hukum-berau-2026' })).status).toBe(200);
  });

  it("a government's ADMIN does not take over the deployment's OPERATOR: no password reset, no new e-mail address or NIP to sign in by (403), by hand or by import", async () => {
    const admin = await t.auth('kaltim.admin');
    const signIn = `SELECT password_hash, must_change_password, email, nip FROM users WHERE username = 'kaltim.operator'`;
    const before = await t.dataSource.query(signIn);

    const reset = await t.http.post('/api/users/kaltim.operator/password-reset').set(admin);
    expect([reset.status, reset.body.code, reset.body.temporaryPassword]).toEqual([403, 'FORBIDDEN', undefined]);
    // a new address would receive the reset link ("Lupa kata sandi"), a new NIP would be matched by single sign-on
    for (const body of [{ email: 'admin.pribadi@example.com' }, { nip: '198001012006041999' }, { nip: null }]) {
      const res = await t.http.patch('/api/users/kaltim.operator').set(admin).send(body);
      expect([JSON.stringify(body), res.status, res.body.code]).toEqual([JSON.stringify(body), 403, 'FORBIDDEN']);
    }
    const file = `nip,name,email,username,unitCode,roles\n198905142014021003,"Teguh Prasetyo, S.Kom., M.T.I.",admin.pribadi@example.com,kaltim.operator,diskominfo,\n`;
    const imported = await t.http.post('/api/users/import?dryRun=true').set(admin).attach('file', Buffer.from(file), 'pegawai.csv');
    expect(imported.status).toBe(200);
    expect(imported.body.rows[0]).toMatchObject({ username: 'kaltim.operator', status: 'error' });
    expect((await t.http.post('/api/users/import').set(admin).attach('file', Buffer.from(file), 'pegawai.csv')).status).toBe(400);

    // the rest of the person stays the ADMIN's to edit, and the operator signs in as before
    expect((await t.http.patch('/api/users/kaltim.operator').set(admin).send({ name: 'Teguh Prasetyo, S.Kom.' })).status).toBe(200);
    expect(await t.dataSource.query(signIn)).toEqual(before);
    expect((await t.http.post('/api/auth/login').send({ username: 'kaltim.operator', password: 'demo12345' })).status).toBe(200);

    // an ADMIN who is an OPERATOR as well (the bootstrap's first ADMIN) still may
    await t.dataSource.query(`UPDATE users SET roles = roles || '{OPERATOR}'::text[] WHERE username = 'kaltim.admin'`);
    expect((await t.http.patch('/api/users/kaltim.operator').set(admin).send({ email: 'operator@diskominfo.kaltimprov.go.id' })).status).toBe(200);
    const allowed = await t.http.post('/api/users/kaltim.operator/password-reset').set(admin);
    expect([allowed.status, allowed.body.delivery]).toEqual([200, 'TEMPORARY_PASSWORD']);
  });
});

describe('audit of administration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.http.post('/api/governments/paser/units').set(await t.auth('paser.admin')).send({ code: 'dinkes', name: 'Dinas Kesehatan' });
    await t.http.patch('/api/users/paser.drafter').set(await t.auth('kaltim.admin')).send({ roles: ['DRAFTER', 'UNIT_HEAD'] });
    await t.http.patch('/api/users/berau.drafter').set(await t.auth('berau.admin')).send({ name: 'Nama Baru' });
    await t.http.post('/api/users/kaltim.drafter/password-reset').set(await t.auth('kaltim.admin'));
  });
  afterAll(() => t.close());

  it('lists who changed what, when, before and after, newest first, for the ADMIN of those governments', async () => {
    const res = await t.http.get('/api/admin/audit').set(await t.auth('paser.admin'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 2, page: 1, limit: 50 });
    expect(res.body.items).toEqual([
      {
        id: expect.any(String),
        at: expect.any(String),
        actor: 'kaltim.admin',
        actorName: 'Dewi Lestari, S.Kom.',
        action: 'USER_UPDATED',
        targetType: 'USER',
        targetKey: 'paser.drafter',
        governmentCode: 'paser',
        before: expect.objectContaining({ roles: ['DRAFTER'] }),
        after: expect.objectContaining({ roles: ['DRAFTER', 'UNIT_HEAD'] }),
      },
      expect.objectContaining({ actor: 'paser.admin', action: 'UNIT_CREATED', targetKey: 'paser/dinkes', before: null, after: expect.objectContaining({ code: 'dinkes', name: 'Dinas Kesehatan' }) }),
    ]);
    const province = await t.http.get('/api/admin/audit?limit=10').set(await t.auth('kaltim.admin'));
    expect(province.body.items.map((e: { targetKey: string }) => e.targetKey)).toEqual(['kaltim.drafter', 'berau.drafter', 'paser.drafter', 'paser/dinkes']);
    expect(province.body.items[0]).toMatchObject({ action: 'USER_PASSWORD_RESET', after: { mustChangePassword: true } });
    expect(JSON.stringify(province.body)).not.toMatch(/argon2|temporaryPassword/);
    const units = await t.http.get('/api/admin/audit?targetType=UNIT').set(await t.auth('kaltim.admin'));
    expect(units.body.items.map((e: { targetKey: string }) => e.targetKey)).toEqual(['paser/dinkes']);
    // one person's entries (their page's "Riwayat perubahan"), and only within what the caller administers
    const one = await t.http.get('/api/admin/audit?targetKey=paser.drafter').set(await t.auth('kaltim.admin'));
    expect(one.body.items.map((e: { targetKey: string; action: string }) => [e.targetKey, e.action])).toEqual([['paser.drafter', 'USER_UPDATED']]);
    expect((await t.http.get('/api/admin/audit?targetKey=kaltim.drafter').set(await t.auth('paser.admin'))).body).toMatchObject({ items: [], total: 0 });
    const badKey = await t.http.get('/api/admin/audit?targetKey=Paser%20Drafter').set(await t.auth('kaltim.admin'));
    expect([badKey.status, badKey.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('an edit that changes nothing records nothing: `{}` or the values held answer 200 as they are, with no audit entry and the person not marked updated', async () => {
    const admin = await t.auth('berau.admin');
    const audited = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM admin_audit`))[0].n as number;
    const entries = await audited();
    const person = (await t.http.get('/api/users/berau.drafter').set(admin)).body;
    const unit = (await t.http.get('/api/governments/berau/units').set(admin)).body.items.find((u: { code: string }) => u.code === 'diskominfo');
    const government = (await t.http.get('/api/governments').set(admin)).body.items[0];
    const edits: Array<[string, object]> = [
      ['/api/users/berau.drafter', {}],
      ['/api/users/berau.drafter', { name: person.name, email: person.email, nip: person.nip, unitCode: person.unitCode, roles: person.roles, active: true }],
      ['/api/governments/berau', {}],
      ['/api/governments/berau', { name: government.name, regionName: government.regionName, timeZone: government.timeZone }],
      ['/api/governments/berau/units/diskominfo', {}],
      ['/api/governments/berau/units/diskominfo', { name: unit.name }],
    ];
    for (const [path, body] of edits) {
      const res = await t.http.patch(path).set(admin).send(body);
      expect({ path, body, status: res.status }).toEqual({ path, body, status: 200 });
    }
    expect(await audited()).toBe(entries);
    expect((await t.http.get('/api/users/berau.drafter').set(admin)).body).toEqual(person);
    // a real change is still recorded, once
    expect((await t.http.patch('/api/governments/berau/units/diskominfo').set(admin).send({ name: 'Dinas Kominfo Berau' })).status).toBe(200);
    expect(await audited()).toBe(entries + 1);
  });

  it('is for ADMINs only, and bad filters are 400', async () => {
    const res = await t.http.get('/api/admin/audit').set(await t.auth('kaltim.sekda'));
    expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    expect((await t.http.get('/api/admin/audit?targetType=DOCUMENT').set(await t.auth('kaltim.admin'))).status).toBe(400);
    expect((await t.http.get('/api/admin/audit?limit=0').set(await t.auth('kaltim.admin'))).status).toBe(400);
  });
});
