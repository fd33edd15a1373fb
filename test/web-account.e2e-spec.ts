import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '#testing';
import { TEST_DEMO_PASSWORD } from './support/test-database.js';

jest.setTimeout(180_000);

const HOUR = 3_600_000;

describe.each([
  ['desktop', 1280],
  ['360px', 360],
])('Akun Saya (browser, %s)', (label, width) => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width, height: 900 });
  });
  afterAll(() => app?.close());

  it('says who the person is and the Plh they hold, and changes their password: refusals in Indonesian, then only the new one signs in', async () => {
    const { page, t } = app;
    const delegated = await t.http.post('/api/delegations').set(await t.auth('kaltim.sekda')).send({
      delegate: 'kaltim.plh',
      role: 'SECRETARY',
      kind: 'PLH',
      reason: 'Sekda dinas luar ke Jakarta',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 72 * HOUR).toISOString(),
    });
    expect(delegated.status).toBe(201);
    const otherSession = await t.auth('kaltim.plh'); // signed in elsewhere before the change

    await signIn(app, 'kaltim.plh');
    await page.getByRole('link', { name: 'Akun Saya: H. Ahmad Zulkifli, S.H., M.Si.' }).click();
    await page.getByRole('heading', { name: 'Akun Saya', level: 1 }).waitFor();
    const facts = Object.fromEntries(
      await page.locator('dl.fields > div').evaluateAll((rows) => rows.map((row) => [row.querySelector('dt')?.textContent, row.querySelector('dd')?.textContent])),
    );
    expect(facts).toEqual({
      Nama: 'H. Ahmad Zulkifli, S.H., M.Si.',
      'Nama pengguna': 'kaltim.plh',
      NIP: expect.stringMatching(/^\d{18}$/),
      'Unit kerja': 'Sekretariat Daerah',
      'Pemerintah daerah': 'Pemerintah Provinsi Kalimantan Timur',
      Peran: '-',
    });
    await expect(page.getByTestId('held-delegation').textContent()).resolves.toMatch(/^Plh Sekretaris Daerah atas nama Dr\. Hj\. Nurhayati Usman, M\.Pd\.sampai /);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `${label}-akun`);

    const form = page.getByRole('form', { name: 'Ganti kata sandi' });
    const attempt = async (current: string, next: string, repeat = next) => {
      await form.getByLabel('Kata sandi sekarang').fill(current);
      await form.getByLabel('Kata sandi baru', { exact: true }).fill(next);
      await form.getByLabel('Ulangi kata sandi baru').fill(repeat);
      await form.getByRole('button', { name: 'Simpan kata sandi' }).click();
    };
    const alert = form.getByRole('alert');
    await attempt('bukan-kata-sandinya-1', 'kata-sandi-baru-plh-2026');
    await expect(alert.textContent()).resolves.toBe('Kata sandi sekarang salah.');
    await attempt(TEST_DEMO_PASSWORD, 'kata-sandi-baru-plh-2026', 'kata-sandi-lain-plh-2026');
    await expect(alert.textContent()).resolves.toBe('Kedua isian kata sandi baru tidak sama.');
    await attempt(TEST_DEMO_PASSWORD, 'pendek');
    await expect(alert.textContent()).resolves.toBe('Kata sandi baru paling sedikit 12 karakter.');
    expect((await t.http.post('/api/auth/login').send({ username: 'kaltim.plh', password: TEST_DEMO_PASSWORD })).status).toBe(200); // nothing changed yet

    await attempt(TEST_DEMO_PASSWORD, 'kata-sandi-baru-plh-2026');
    await expect(form.getByRole('status').textContent()).resolves.toBe('Kata sandi Anda telah diganti. Sesi Anda di perangkat lain telah diakhiri.');
    await expect(form.getByLabel('Kata sandi sekarang').inputValue()).resolves.toBe(''); // nothing typed stays in the fields
    await attempt('kata-sandi-baru-plh-2026', 'kata-sandi-baru-plh-2026');
    await expect(alert.textContent()).resolves.toBe('Kata sandi baru harus berbeda dari kata sandi sekarang.');
    // this browser stays signed in; the session started elsewhere has ended; only the new password signs in
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Kotak Masuk' }).click();
    await page.getByRole('heading', { name: 'Kotak Masuk', level: 1 }).waitFor();
    expect((await t.http.get('/api/me').set(otherSession)).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ username: 'kaltim.plh', password: TEST_DEMO_PASSWORD })).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ username: 'kaltim.plh', password: 'kata-sandi-baru-plh-2026' })).status).toBe(200);
    // the administration audit says who changed it and when, never the password
    const audit = await t.dataSource.query(
      `SELECT a.action, u.username AS actor, a.before, a.after FROM admin_audit a JOIN users u ON u.id = a.actor_id WHERE a.target_key = 'kaltim.plh'`,
    );
    expect(audit).toEqual([{ action: 'USER_PASSWORD_CHANGED', actor: 'kaltim.plh', before: { mustChangePassword: false }, after: { mustChangePassword: false } }]);
  });

  it('a person who signs in only through SSO is told their password is kept there, with no form to change it', async () => {
    const { page, t } = app;
    await signIn(app, 'kaltim.drafter');
    await t.dataSource.query(`UPDATE users SET password_hash = NULL WHERE username = 'kaltim.drafter'`); // as a person SSO created
    await page.goto(`${app.baseUrl}/akun`);
    await page.getByText('Anda masuk melalui SSO instansi Anda; kata sandi Anda diatur di sana, bukan di alur.').waitFor();
    await expect(page.getByLabel('Kata sandi sekarang').count()).resolves.toBe(0);
    await expect(page.locator('dl.fields').textContent()).resolves.toContain('Dinas Komunikasi dan Informatika');
  });
});
