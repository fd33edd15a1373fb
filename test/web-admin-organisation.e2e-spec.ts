import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { screenshot, seriousA11yViolations, sidewaysOverflow, signIn, startBrowserApp, tablesOverflowingSideways, type BrowserApp } from '#testing';

jest.setTimeout(240_000);

const PASER_CSV = join(process.cwd(), 'examples', 'personnel-paser.csv');

describe.each([
  ['desktop', 1280],
  ['360px', 360],
])('Impor Pegawai, Unit Kerja and Pemerintah Daerah pages (browser, %s)', (label, width) => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width, height: 800 });
  });
  afterAll(() => app?.close());

  const people = async (admin: string, query: string) => (await app.t.http.get(`/api/users?${query}`).set(await app.t.auth(admin))).body;

  it('paser.admin tries examples/personnel-paser.csv, then applies it; an imported person gets a password and signs in', async () => {
    const { page } = app;
    await signIn(app, 'paser.admin', '/');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Impor Pegawai' }).click();
    await page.getByRole('heading', { name: 'Impor Pegawai' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Uji coba' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Pilih berkas CSV atau XLSX terlebih dahulu.');

    await page.getByLabel('Berkas pegawai').setInputFiles(PASER_CSV);
    await page.getByRole('button', { name: 'Uji coba' }).click();
    await page.getByRole('heading', { name: 'Hasil uji coba' }).waitFor();
    await expect(page.getByTestId('import-row').count()).resolves.toBe(20);
    await expect(page.locator('[data-testid="import-row"][data-status="created"]').count()).resolves.toBe(20);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('20 pegawai akan ditambahkan');
    expect((await people('paser.admin', 'search=paser.fahmi')).total).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await tablesOverflowingSideways(page)).toEqual([]); // a table on a desktop, a card per row at 360 px
    await screenshot(page, `${label}-impor-pegawai-uji-coba`);

    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByRole('heading', { name: 'Hasil impor' }).waitFor();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('20 pegawai telah ditambahkan');
    expect((await people('paser.admin', 'search=paser.fahmi')).items).toMatchObject([{ username: 'paser.fahmi', unitCode: 'setda', roles: ['REGIONAL_HEAD'] }]);
    await screenshot(page, `${label}-impor-pegawai-diterapkan`);

    // a second try: everything unchanged; a broken row is explained in Indonesian and "Terapkan" stays off
    const broken = join(tmpdir(), `alur-broken-${process.pid}.csv`);
    writeFileSync(broken, 'nip,name,email,username,unitCode,roles\n123,"Tanpa NIP",,paser.tanpa,gudang,DRAFTER\n');
    await page.getByLabel('Berkas pegawai').setInputFiles(broken);
    await page.getByRole('button', { name: 'Uji coba' }).click();
    await page.locator('[data-testid="import-row"][data-status="error"]').waitFor();
    await expect(page.locator('[data-testid="import-row"]').textContent()).resolves.toContain('NIP harus 18 angka. Unit kerja tidak ada pada pemerintah daerah ini.');
    await expect(page.getByRole('button', { name: 'Terapkan' }).isDisabled()).resolves.toBe(true);

    await page.goto(`${app.baseUrl}/pegawai/paser.fahmi`);
    await page.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
    const temporary = (await page.getByTestId('temporary-password').textContent())!;
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByLabel('Nama pengguna').fill('paser.fahmi');
    await page.getByLabel('Kata sandi').fill(temporary);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-fahmi-yang-panjang');
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-fahmi-yang-panjang');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByText('Drs. H. Fahmi Fadli, M.Si.').first().waitFor();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
  });

  it('kaltim.admin adds and edits a unit with its head, and a regency; a regency ADMIN is told the page is not theirs', async () => {
    const { page } = app;
    await signIn(app, 'kaltim.admin', '/');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Unit Kerja' }).click();
    await page.getByRole('heading', { name: 'Unit Kerja', exact: true }).waitFor();
    await page.getByTestId('unit').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page.getByRole('region', { name: 'Daftar unit kerja' }))).toEqual([]); // a table on a desktop, a card per unit at 360 px
    await screenshot(page, `${label}-unit-kerja`);

    await page.getByLabel('Kode').fill('Dinas Kesehatan');
    await page.getByLabel('Nama', { exact: true }).fill('Dinas Kesehatan');
    await page.getByRole('button', { name: 'Tambah unit kerja' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Kode hanya boleh huruf kecil, angka atau tanda hubung, tanpa spasi.');
    await page.getByLabel('Kode').fill('dinkes');
    await page.getByRole('button', { name: 'Tambah unit kerja' }).click();
    await page.getByText('Unit kerja ditambahkan.').waitFor();
    await page.getByRole('button', { name: 'Ubah Dinas Kesehatan' }).click();
    await page.getByLabel('Nama', { exact: true }).fill('Dinas Kesehatan Provinsi');
    await page.getByLabel('Nama pengguna kepala unit').fill('kaltim.kadis'); // of diskominfo, not this unit
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Kepala unit harus pegawai aktif unit kerja ini.');
    await page.getByLabel('Nama pengguna kepala unit').fill('');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Unit kerja diubah.').waitFor();
    await page.getByRole('button', { name: 'Ubah Dinas Komunikasi dan Informatika' }).click();
    await page.getByLabel('Nama pengguna kepala unit').fill('kaltim.kadis');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Unit kerja diubah.').waitFor();
    const units = (await app.t.http.get('/api/governments/kaltim/units').set(await app.t.auth('kaltim.admin'))).body.items;
    expect(units.find((u: { code: string }) => u.code === 'dinkes')).toMatchObject({ name: 'Dinas Kesehatan Provinsi', headUsername: null });
    expect(units.find((u: { code: string }) => u.code === 'diskominfo')).toMatchObject({ headUsername: 'kaltim.kadis' });

    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pemerintah Daerah' }).click();
    await page.getByTestId('government').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Kode').fill('mahulu');
    await page.getByLabel('Nama', { exact: true }).fill('Pemerintah Kabupaten Mahakam Ulu');
    await page.getByLabel('Nama wilayah').fill('Mahakam Ulu');
    await page.getByRole('button', { name: 'Tambah kabupaten/kota' }).click();
    await page.getByText('Pemerintah daerah ditambahkan.').waitFor();
    await page.getByRole('button', { name: 'Ubah Pemerintah Kabupaten Mahakam Ulu' }).click();
    await page.getByLabel('Nama wilayah').fill('Kabupaten Mahakam Ulu');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Pemerintah daerah diubah.').waitFor();
    expect(await sidewaysOverflow(page.getByRole('region', { name: 'Daftar kabupaten dan kota' }))).toEqual([]);
    await screenshot(page, `${label}-pemerintah-daerah`);
    const governments = (await app.t.http.get('/api/governments').set(await app.t.auth('kaltim.admin'))).body.items;
    expect(governments.find((g: { code: string }) => g.code === 'mahulu')).toMatchObject({ level: 'REGENCY', regionName: 'Kabupaten Mahakam Ulu', parentCode: 'kaltim' });

    await signIn(app, 'paser.admin', '/pemerintah-daerah');
    await page.getByText('Hanya administrator provinsi yang mengelola kabupaten dan kota.').waitFor();
    await expect(page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pemerintah Daerah' }).count()).resolves.toBe(0);
  });
});
