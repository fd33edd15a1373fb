import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { createTestApp, createTestDatabase, quickWinBody, type TestApp } from '#testing';
import { runBootstrap } from './support/bootstrap-command.js';
import { APP, oidcSettings, signInBySso, startProvider, type TestProvider } from './support/oidc.js';

jest.setTimeout(120_000);

const SAMPLE = readFileSync('examples/personnel-paser.csv', 'utf8');
const RINA_NIP = '199103152015032017';

/** README "First deployment", steps 1-7 in one go, on an empty database without the demo data. */
describe('first deployment: from an empty database to a Quick Win in the Kepala OPD inbox', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let provider: TestProvider;
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase({ empty: true });
    provider = await startProvider();
    t = await createTestApp({ DATABASE_URL: db.url, DEMO_SEED: 'false', ...oidcSettings(provider) });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await provider?.close();
    await db?.drop();
  });

  async function passwordFor(username: string): Promise<Record<string, string>> {
    const reset = await t.http.post(`/api/users/${username}/password-reset`).set(admin);
    expect(reset.status).toBe(200);
    const login = await t.http.post('/api/auth/login').send({ username, password: reset.body.temporaryPassword });
    expect([login.status, login.body.mustChangePassword]).toEqual([200, true]);
    const bearer = { Authorization: `Bearer ${login.body.accessToken}` };
    const changed = await t.http.post('/api/me/password').set(bearer).send({ currentPassword: reset.body.temporaryPassword, newPassword: `${username}-sandi-2026` });
    expect(changed.status).toBe(204);
    return bearer;
  }

  it('1-2: bootstraps the province and its ADMIN, who chooses a password', async () => {
    const bootstrap = await runBootstrap(db.url, ['--province', 'kaltim', '--name', 'Pemerintah Provinsi Kalimantan Timur', '--time-zone', 'Asia/Makassar', '--admin', 'kaltim.admin']);
    expect([bootstrap.code, bootstrap.stderr]).toEqual([0, '']);
    const temporary = /sekali\): (\S+)/.exec(bootstrap.stdout)![1]!;
    const login = await t.http.post('/api/auth/login').send({ username: 'kaltim.admin', password: temporary });
    const bearer = { Authorization: `Bearer ${login.body.accessToken}` };
    expect((await t.http.post('/api/me/password').set(bearer).send({ currentPassword: temporary, newPassword: 'admin-kaltim-2026' })).status).toBe(204);
    const again = await t.http.post('/api/auth/login').send({ username: 'kaltim.admin', password: 'admin-kaltim-2026' });
    expect([again.status, again.body.mustChangePassword]).toEqual([200, false]);
    admin = { Authorization: `Bearer ${again.body.accessToken}` };
  });

  it('3: creates the regency paser with two units', async () => {
    const paser = await t.http.post('/api/governments').set(admin).send({ code: 'paser', name: 'Pemerintah Kabupaten Paser', regionName: 'Paser', level: 'REGENCY', timeZone: 'Asia/Makassar' });
    expect(paser.status).toBe(201);
    for (const unit of [{ code: 'setda', name: 'Sekretariat Daerah' }, { code: 'diskominfo', name: 'Dinas Komunikasi dan Informatika' }]) {
      expect((await t.http.post('/api/governments/paser/units').set(admin).send(unit)).status).toBe(201);
    }
    const units = await t.http.get('/api/governments/paser/units').set(admin);
    expect(units.body.items.map((u: { code: string }) => u.code).sort()).toEqual(['diskominfo', 'setda']);
  });

  it('4: imports the sample file, a dry run first, and makes paser.rizal the head of diskominfo', async () => {
    const upload = (query: string) => t.http.post(`/api/users/import?governmentCode=paser${query}`).set(admin).attach('file', Buffer.from(SAMPLE), 'pegawai.csv');
    const dry = await upload('&dryRun=true');
    expect([dry.status, dry.body.dryRun, dry.body.summary]).toEqual([200, true, { created: 20, updated: 0, unchanged: 0, error: 0 }]);
    expect((await t.http.get('/api/users?governmentCode=paser').set(admin)).body.items).toEqual([]);
    const applied = await upload('');
    expect([applied.status, applied.body.summary]).toEqual([200, { created: 20, updated: 0, unchanged: 0, error: 0 }]);
    const head = await t.http.patch('/api/governments/paser/units/diskominfo').set(admin).send({ headUsername: 'paser.rizal' });
    expect(head.status).toBe(200);
  });

  it('5-7: paser.rina signs in by password and by SSO, submits a Quick Win, and it waits in the inbox of paser.rizal, signed in by SSO', async () => {
    const rina = await passwordFor('paser.rina');
    const created = await t.http.post('/api/quick-wins').set(rina).send(quickWinBody({ title: 'Layanan Pengaduan Daring Terpadu' }));
    expect(created.status).toBe(201);
    expect((await t.http.post(`/api/quick-wins/${created.body.id}/actions`).set(rina).send({ action: 'SUBMIT' })).status).toBe(200);

    const rinaBySso = await signInBySso(t, provider, RINA_NIP);
    const mine = await t.http.get(`/api/quick-wins/${created.body.id}`).set({ Host: new URL(APP).host, Cookie: rinaBySso.cookies(new URL(APP).host) });
    expect([mine.status, mine.body.state]).toEqual([200, 'endorsement']);

    const rizal = await signInBySso(t, provider, 'paser.rizal');
    const tasks = await t.http.get('/api/tasks').set({ Host: new URL(APP).host, Cookie: rizal.cookies(new URL(APP).host) });
    expect(tasks.status).toBe(200);
    expect(tasks.body.items).toEqual([expect.objectContaining({ id: created.body.id, state: 'endorsement', allowedActions: expect.arrayContaining(['ENDORSE']) })]);
  });
});
