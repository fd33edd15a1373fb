import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { screenshot, seriousA11yViolations, sidewaysOverflow, signIn, startBrowserApp, tablesOverflowingSideways, unevenFilterControls, waitFor, type BrowserApp } from '#testing';

jest.setTimeout(240_000);

describe.each([
  ['desktop', 1280],
  ['360px', 360],
])('Pegawai pages: an ADMIN adds a person, resets their password, and they sign in (browser, %s)', (label, width) => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width, height: 800 });
  });
  afterAll(() => app?.close());

  const stored = async (username: string) => app.t.http.get(`/api/users/${username}`).set(await app.t.auth('kaltim.admin'));

  it('lists and filters people, refuses a bad NIP in Indonesian, creates, edits, confirms a deactivation and resets the password', async () => {
    const { page } = app;
    await signIn(app, 'kaltim.admin', '/');
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pegawai', exact: true }).click();
    await page.getByRole('heading', { name: 'Pegawai', exact: true }).waitFor();
    await page.getByTestId('person').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page.getByRole('region', { name: 'Daftar pegawai' }))).toEqual([]); // a table on a desktop, a card per person at 360 px
    expect(await unevenFilterControls(page)).toEqual([]);
    await screenshot(page, `${label}-pegawai`);

    await page.getByLabel('Cari nama, NIP atau nama pengguna').fill('199408102020122012');
    await page.getByRole('button', { name: 'Saring' }).click();
    await page.getByText(/^1 pegawai · halaman 1 dari 1$/).waitFor();
    await expect(page.getByTestId('person').count()).resolves.toBe(1);
    await expect(page.getByTestId('person').textContent()).resolves.toContain('kaltim.admin');
    await page.getByLabel('Cari nama, NIP atau nama pengguna').fill('tidak-ada-orang-ini');
    await page.getByRole('button', { name: 'Saring' }).click();
    await page.getByText('Tidak ada pegawai yang sesuai.').waitFor();
    // the province's ADMIN chooses whose people: a regency's, with its units; under "Semua" a unit is the province's own
    await page.getByLabel('Cari nama, NIP atau nama pengguna').fill('');
    await page.getByLabel('Pemerintah daerah').selectOption({ label: 'Pemerintah Kabupaten Paser' });
    await page.getByRole('button', { name: 'Saring' }).click();
    await page.waitForURL((url) => url.searchParams.get('governmentCode') === 'paser');
    await page.getByLabel('Unit kerja').locator('option', { hasText: /^Bagian Hukum$/ }).waitFor({ state: 'attached' });
    await page.getByTestId('person').first().waitFor();
    // the government codes of the listed people (each username's part before its dot), once the page shows the new list
    const governmentsListed = async (expected: string) => {
      const codes = async () => [...new Set((await page.locator('[data-testid="person"] td:nth-of-type(2)').allTextContents()).map((cell) => cell.replace('Nama pengguna', '').trim().split('.')[0]))];
      await waitFor(async () => (await codes()).join() === expected, { what: `only ${expected}'s people listed`, timeoutMs: 10_000 }).catch(() => undefined);
      return codes();
    };
    expect(await governmentsListed('paser')).toEqual(['paser']);
    await page.getByLabel('Pemerintah daerah').selectOption({ label: 'Semua' });
    await page.getByRole('button', { name: 'Saring' }).click();
    await page.waitForURL((url) => !url.searchParams.has('governmentCode'));
    // under "Semua" a regency's person is shown with their unit's name and their government's
    const berauSekda = page.getByTestId('person').filter({ hasText: 'berau.sekda' });
    await expect(berauSekda.locator('td').nth(2).textContent()).resolves.toBe('Unit kerjaSekretariat DaerahPemerintah Kabupaten Berau');
    const ownDrafter = page.getByTestId('person').filter({ hasText: 'kaltim.drafter' }).first();
    await expect(ownDrafter.locator('td').nth(2).textContent()).resolves.toBe('Unit kerjaDinas Komunikasi dan Informatika');
    await page.getByLabel('Unit kerja').selectOption({ label: 'Dinas Komunikasi dan Informatika' });
    await page.getByRole('button', { name: 'Saring' }).click();
    await page.waitForURL((url) => url.searchParams.get('governmentCode') === 'kaltim' && url.searchParams.get('unitCode') === 'diskominfo');
    await page.getByTestId('person').first().waitFor();
    expect(await governmentsListed('kaltim')).toEqual(['kaltim']);

    await page.getByRole('link', { name: 'Tambah pegawai' }).click();
    await page.getByRole('heading', { name: 'Tambah pegawai' }).waitFor();
    await page.getByLabel('Nama pengguna').fill('kaltim.budi');
    await page.getByLabel('Nama', { exact: true }).fill('Budi Santoso, S.Kom.');
    await page.getByLabel('NIP').fill('12345');
    await page.getByLabel('Surel').fill('budi@kaltimprov.go.id');
    await page.getByLabel('Unit kerja').selectOption('diskominfo');
    await page.getByLabel('Pemrakarsa').check();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `${label}-pegawai-baru`);
    await page.getByRole('button', { name: 'Tambah pegawai' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('NIP harus 18 angka.');
    expect((await stored('kaltim.budi')).status).toBe(404);

    await page.getByLabel('NIP').fill('199501012020121001');
    await page.getByRole('button', { name: 'Tambah pegawai' }).click();
    await page.getByRole('heading', { name: 'Budi Santoso, S.Kom.' }).waitFor();
    const addedNotice = page.getByText('Pegawai ditambahkan. Atur ulang kata sandi untuk memberi kata sandi sementara.');
    await addedNotice.waitFor();
    expect((await stored('kaltim.budi')).body).toMatchObject({ nip: '199501012020121001', unitCode: 'diskominfo', roles: ['DRAFTER'], active: true, hasPassword: false });

    await page.getByLabel('Kepala Perangkat Daerah').check();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Perubahan disimpan.').waitFor();
    expect((await stored('kaltim.budi')).body.roles).toEqual(['DRAFTER', 'UNIT_HEAD']);

    // deactivation asks first: declined, nothing changes; accepted, they are inactive
    await page.getByLabel('Aktif').uncheck();
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByLabel('Aktif').isChecked()).resolves.toBe(false);
    expect((await stored('kaltim.budi')).body.active).toBe(true);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Perubahan disimpan.').waitFor();
    expect((await stored('kaltim.budi')).body.active).toBe(false);
    await page.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Pegawai nonaktif: aktifkan kembali sebelum mengatur ulang kata sandi.');

    await page.getByLabel('Aktif').check();
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Perubahan disimpan.').waitFor();
    await page.getByRole('button', { name: 'Atur ulang kata sandi' }).click();
    const temporary = (await page.getByTestId('temporary-password').textContent())!;
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    // once they have a password, the page no longer asks for one
    await page.getByText('Memakai kata sandi sementara.').waitFor();
    await expect(addedNotice.count()).resolves.toBe(0);
    await screenshot(page, `${label}-pegawai-kata-sandi-sementara`);

    // the temporary password is shown once: not after a reload
    await page.reload();
    await page.getByRole('heading', { name: 'Budi Santoso, S.Kom.' }).waitFor();
    await expect(page.getByTestId('temporary-password').count()).resolves.toBe(0);

    // the new person signs in with it, must choose their own, then reaches the inbox
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByLabel('Nama pengguna').fill('kaltim.budi');
    await page.getByLabel('Kata sandi').fill(temporary);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { name: 'Ganti kata sandi' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-budi-yang-panjang');
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-budi-yang-lain');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Kedua isian kata sandi baru tidak sama.');
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-budi-yang-panjang');
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    await page.getByText('Budi Santoso, S.Kom.').first().waitFor();
    await expect(page.getByRole('link', { name: 'Pegawai', exact: true }).count()).resolves.toBe(0);
    expect((await stored('kaltim.budi')).body.mustChangePassword).toBe(false);
  });

  it("Riwayat Administrasi says who did what to the person just added, newest first and in words, and narrows to people", async () => {
    const { page } = app;
    await signIn(app, 'kaltim.admin', '/pegawai');
    await page.getByRole('link', { name: 'Riwayat Administrasi' }).click();
    await page.getByRole('heading', { name: 'Riwayat Administrasi', level: 1 }).waitFor();
    await page.getByLabel('Yang diubah').selectOption({ label: 'Pegawai' });
    await page.getByRole('button', { name: 'Saring' }).click();
    await page.waitForURL((url) => url.searchParams.get('targetType') === 'USER');
    const budi = page.getByTestId('audit-entry').filter({ hasText: 'kaltim.budi' });
    await budi.first().waitFor();
    const rows = await budi.evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelectorAll('td')[1]?.textContent?.replace('Oleh', ''), [...tr.querySelectorAll('.changes li')].map((li) => li.textContent)]),
    );
    expect(rows).toEqual([
      ['Kata sandi diganti sendiri', 'Budi Santoso, S.Kom.kaltim.budi', ['Wajib ganti kata sandi: Ya → Tidak']],
      ['Kata sandi diatur ulang oleh admin', 'Dewi Lestari, S.Kom.kaltim.admin', ['Punya kata sandi: Tidak → Ya', 'Wajib ganti kata sandi: Ya']],
      ['Pegawai diaktifkan kembali', 'Dewi Lestari, S.Kom.kaltim.admin', ['Status: Nonaktif → Aktif']],
      ['Pegawai dinonaktifkan', 'Dewi Lestari, S.Kom.kaltim.admin', ['Status: Aktif → Nonaktif']],
      ['Data pegawai diubah', 'Dewi Lestari, S.Kom.kaltim.admin', ['Peran: Pemrakarsa → Pemrakarsa, Kepala Perangkat Daerah']],
      ['Pegawai ditambahkan', 'Dewi Lestari, S.Kom.kaltim.admin', ['Nama: Budi Santoso, S.Kom.', 'NIP: 199501012020121001', 'Surel: budi@kaltimprov.go.id', 'Unit kerja: diskominfo', 'Peran: Pemrakarsa', 'Status: Aktif', 'Punya kata sandi: Tidak', 'Wajib ganti kata sandi: Tidak']],
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await tablesOverflowingSideways(page)).toEqual([]);
    expect(await unevenFilterControls(page)).toEqual([]);
    await screenshot(page, `${label}-riwayat-administrasi`);

    // the person's own page tells the same, newest first
    await page.goto(`${app.baseUrl}/pegawai/kaltim.budi`);
    const changes = page.getByTestId('person-change');
    await changes.first().waitFor();
    await expect(changes.count()).resolves.toBe(6);
    await expect(changes.first().textContent()).resolves.toMatch(/^Kata sandi diganti sendiri oleh Budi Santoso, S\.Kom\. · .+Wajib ganti kata sandi: Ya → Tidak$/);
    await expect(changes.nth(4).textContent()).resolves.toMatch(/^Data pegawai diubah oleh Dewi Lestari, S\.Kom\. · .+Peran: Pemrakarsa → Pemrakarsa, Kepala Perangkat Daerah$/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `${label}-pegawai-riwayat`);
  });

  it('shows a person it cannot find as a message, and no Pegawai menu to someone who is not an ADMIN', async () => {
    const { page } = app;
    await signIn(app, 'kaltim.admin', '/pegawai/tidak.ada');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Tidak ditemukan.');
    await signIn(app, 'kaltim.drafter', '/pegawai');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Tidak berwenang untuk melakukan tindakan ini.');
    await expect(page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Pegawai', exact: true }).count()).resolves.toBe(0);
    await page.goto(`${app.baseUrl}/riwayat-administrasi`);
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Tidak berwenang untuk melakukan tindakan ini.');
  });
});
