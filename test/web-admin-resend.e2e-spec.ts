import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { signIn, startBrowserApp, type BrowserApp } from '#testing';

jest.setTimeout(180_000);

/**
 * An administrator's create whose answer is lost on the way (the API made the row, the browser saw
 * the connection drop) is sent again with the same Idempotency-Key when they press the button again:
 * the page shows it made, not "already exists", and there is one row.
 */
describe('administration forms sent again after a lost answer (browser)', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(() => app?.close());

  /** Lets the first POST to `path` reach the API and drops its answer; returns the keys the POSTs carried. */
  async function loseFirstAnswer(page: Page, path: string): Promise<string[]> {
    const keys: string[] = [];
    let first = true;
    await page.route(`**${path}`, async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      keys.push(route.request().headers()['idempotency-key']);
      if (!first) return route.fallback();
      first = false;
      await route.fetch();
      await route.abort('connectionreset');
    });
    return keys;
  }

  async function pressTwice(page: Page, button: string) {
    await page.getByRole('button', { name: button }).click();
    await page.getByRole('alert').filter({ hasText: 'Tidak dapat menghubungi server.' }).waitFor();
    await page.getByRole('button', { name: button }).click();
  }

  const count = async (sql: string) => (await app.t.dataSource.query(sql))[0].n as number;

  /** Both sendings carried one key, and one row was made. */
  async function sentOnce(keys: string[], rows: string) {
    expect(keys).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/), keys[0]]);
    expect(await count(rows)).toBe(1);
  }

  it('Unit kerja', async () => {
    const { page } = app;
    await signIn(app, 'kaltim.admin', '/unit-kerja');
    const keys = await loseFirstAnswer(page, '/api/governments/kaltim/units');
    await page.getByLabel('Kode').fill('bapenda');
    await page.getByLabel('Nama', { exact: true }).fill('Badan Pendapatan Daerah');
    await pressTwice(page, 'Tambah unit kerja');
    await page.getByText('Unit kerja ditambahkan.').waitFor();
    await sentOnce(keys, `SELECT count(*)::int AS n FROM units WHERE code = 'bapenda'`);
  });

  it('Pemerintah Daerah', async () => {
    const { page } = app;
    await signIn(app, 'kaltim.admin', '/pemerintah-daerah');
    const keys = await loseFirstAnswer(page, '/api/governments');
    await page.getByLabel('Kode').fill('kutim');
    await page.getByLabel('Nama', { exact: true }).fill('Pemerintah Kabupaten Kutai Timur');
    await page.getByLabel('Nama wilayah').fill('Kutai Timur');
    await pressTwice(page, 'Tambah kabupaten/kota');
    await page.getByText('Pemerintah daerah ditambahkan.').waitFor();
    await sentOnce(keys, `SELECT count(*)::int AS n FROM governments WHERE code = 'kutim'`);
  });

  it('Tambah pegawai', async () => {
    const { page } = app;
    await signIn(app, 'kaltim.admin', '/pegawai/baru');
    const keys = await loseFirstAnswer(page, '/api/users');
    await page.getByLabel('Nama pengguna').fill('kaltim.ayu');
    await page.getByLabel('Nama', { exact: true }).fill('Ayu Lestari, S.Kom.');
    await page.getByLabel('NIP').fill('199803032020122001');
    await page.getByLabel('Unit kerja').selectOption('diskominfo');
    await page.getByLabel('Pemrakarsa').check();
    await pressTwice(page, 'Tambah pegawai');
    await page.getByRole('heading', { name: 'Ayu Lestari, S.Kom.' }).waitFor();
    await sentOnce(keys, `SELECT count(*)::int AS n FROM users WHERE username = 'kaltim.ayu'`);
  });

  it('Hari libur, and the next holiday gets a key of its own', async () => {
    const { page } = app;
    await signIn(app, 'kaltim.admin', '/pengaturan');
    const keys = await loseFirstAnswer(page, '/api/holidays');
    await page.getByLabel('Tanggal', { exact: true }).fill('2031-09-01');
    await page.getByLabel('Nama hari libur').fill('Libur Uji Kirim Ulang');
    await pressTwice(page, 'Tambah hari libur');
    await page.getByRole('status').filter({ hasText: 'ditambahkan' }).waitFor();
    await page.getByLabel('Tanggal', { exact: true }).fill('2031-09-02');
    await page.getByLabel('Nama hari libur').fill('Libur Uji Berikutnya');
    await page.getByRole('button', { name: 'Tambah hari libur' }).click();
    await page.getByRole('status').filter({ hasText: '2 September 2031' }).waitFor();
    expect(keys).toEqual([expect.stringMatching(/^[0-9a-f]{32}$/), keys[0], expect.stringMatching(/^[0-9a-f]{32}$/)]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(await count(`SELECT count(*)::int AS n FROM holidays WHERE date IN ('2031-09-01', '2031-09-02')`)).toBe(2);
  });
});
