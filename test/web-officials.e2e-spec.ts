import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { driveTo } from './support/quick-win.js';
import { act, createQuickWin, createRegulation, createTestWorker, notificationsOf, screenshot, seriousA11yViolations, signIn, startBrowserApp, TEST_DEMO_PASSWORD, type BrowserApp } from '#testing';

jest.setTimeout(300_000);

/** What officials met in the pages that the other browser tests did not cover. */
describe.each([
  ['desktop', 1280],
  ['360px', 360],
])('web app as officials use it (%s)', (label, width) => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width, height: 900 });
  });
  afterAll(() => app?.close());

  it('offers "Buat Quick Win" / "Buat Rancangan Peraturan" only to whom the API lets create: a drafter or their Plt/Plh', async () => {
    const { page } = app;
    // the Sekda is no drafter: the API answers 403 to a new document, so no button and no form to fill in vain
    await signIn(app, 'kaltim.sekda', '/quick-wins');
    await page.getByRole('heading', { name: 'Quick Win', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Terapkan' }).waitFor();
    expect(await page.getByRole('link', { name: 'Buat Quick Win' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Rancangan Peraturan', exact: true }).click();
    await page.getByRole('heading', { name: 'Rancangan Peraturan', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Terapkan' }).waitFor();
    expect(await page.getByRole('link', { name: 'Buat Rancangan Peraturan' }).count()).toBe(0);
    // the form's address typed in: the page says why instead of a form the API will refuse
    await page.goto(`${app.baseUrl}/quick-wins/baru`);
    await page.getByRole('heading', { name: 'Buat Quick Win' }).waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/^Tidak berwenang: hanya pemrakarsa/);
    expect(await page.getByRole('button', { name: 'Simpan' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // kaltim.plh holds the drafter's role as Plh: the API lets them create, so the page does too
    const granted = await app.t.http
      .post('/api/delegations')
      .set(await app.t.auth('kaltim.drafter'))
      .send({ delegate: 'kaltim.plh', role: 'DRAFTER', kind: 'PLH', reason: `Cuti tahunan (${label})`, startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(granted.status).toBe(201);
    await signIn(app, 'kaltim.plh', '/quick-wins');
    await page.getByRole('link', { name: 'Buat Quick Win' }).click();
    await page.getByLabel('Judul', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Simpan' }).count()).toBe(1);
    const revoked = await app.t.http.delete(`/api/delegations/${granted.body.id}`).set(await app.t.auth('kaltim.drafter'));
    expect(revoked.status).toBeLessThan(300);

    await signIn(app, 'kaltim.drafter', '/regulations');
    await page.getByRole('link', { name: 'Buat Rancangan Peraturan' }).waitFor();
  });

  it("a task's deadline explanation, opened by keyboard, stays inside the screen", async () => {
    const { page } = app;
    const doc = await createQuickWin(app.t, 'kaltim.drafter', { title: `Penjelasan Batas Waktu (${label})` });
    expect((await act(app.t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    await signIn(app, 'kaltim.kadis');
    const card = page.getByTestId('task').filter({ hasText: `Penjelasan Batas Waktu (${label})` });
    await card.locator('.has-tip').focus();
    const tip = card.getByRole('tooltip');
    await expect(tip.textContent()).resolves.toMatch(/^3 hari kerja/);
    const box = (await tip.boundingBox())!;
    expect(box.x >= 0 && box.x + box.width <= width).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]); // no sideways scrolling while it is open
    expect(await card.getByText('Segera jatuh tempo').count()).toBe(0); // 3 working days away

    // 25 hours away is always within 2 working days: "Segera jatuh tempo", as the reports count it
    await app.t.dataSource.query(`UPDATE deadlines SET due_at = $2 WHERE document_id = $1 AND status = 'PENDING'`, [doc.id, new Date(Date.now() + 25 * 3_600_000)]);
    await page.reload();
    await card.getByText('Segera jatuh tempo').waitFor();
    // and on the document's own page, beside its due time
    await page.goto(`${app.baseUrl}/quick-wins/${doc.id}`);
    const stage = page.locator('section[aria-labelledby="tahap"]');
    await stage.getByText('Segera jatuh tempo').waitFor();
    expect(await stage.getByText('Terlambat').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `${label}-dokumen-segera-jatuh-tempo`);
  });

  it("a person's roles and \"Aktif\" have each box beside its name, so nobody reads the next role's box as this one's", async () => {
    const { page } = app;
    await signIn(app, 'kaltim.admin', '/pegawai/kaltim.drafter');
    await page.getByRole('group', { name: 'Peran' }).waitFor();
    await expect(page.getByRole('checkbox', { name: 'Pemrakarsa' }).isChecked()).resolves.toBe(true);
    await expect(page.getByRole('checkbox', { name: 'Administrator' }).isChecked()).resolves.toBe(false);
    for (const id of ['p-role-DRAFTER', 'p-role-ADMIN', 'p-active']) {
      const box = (await page.locator(`#${id}`).boundingBox())!;
      // where the label's words (its last text) are drawn
      const text = await page.evaluate<{ x: number; y: number; height: number }>(
        `(() => { const range = document.createRange(); range.selectNodeContents(document.querySelector('label[for="${id}"]').lastChild); const r = range.getBoundingClientRect(); return { x: r.x, y: r.y, height: r.height }; })()`,
      );
      // the name starts right of its box, on the same line
      expect([id, text.x > box.x + box.width - 1, Math.abs(text.y + text.height / 2 - (box.y + box.height / 2)) < 12]).toEqual([id, true, true]);
    }
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('a return note with a long link wraps on the document page and in Pemberitahuan instead of widening the page', async () => {
    const { page } = app;
    const worker = await createTestWorker(app.t.env); // relays the outbox and writes notifications
    try {
      const doc = await createQuickWin(app.t, 'kaltim.drafter', { title: `Catatan Bertautan (${label})` });
      expect((await act(app.t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
      const note = 'Sesuaikan dengan format di https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789?usp=sharing lalu ajukan kembali.';
      expect((await act(app.t, 'quick-wins', doc.id, 'kaltim.kadis', 'RETURN', { comment: note })).status).toBe(200);
      while (!(await notificationsOf(app.t.dataSource, doc.id)).some((n) => n.username === 'kaltim.drafter' && n.type === 'RETURNED')) await new Promise((r) => setTimeout(r, 100));
      await signIn(app, 'kaltim.drafter', `/quick-wins/${doc.id}`);
      await page.locator('blockquote').filter({ hasText: 'drive.google.com' }).waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.goto(`${app.baseUrl}/pemberitahuan`);
      await page.locator('.card .message').filter({ hasText: 'drive.google.com' }).first().waitFor();
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await worker.close();
    }
  });

  it('a session that ends while a form is filled in keeps what was typed: sign in again, then "Simpan" saves it', async () => {
    const { page } = app;
    const title = `Sistem Kerja yang Tidak Hilang (${label})`;
    await signIn(app, 'kaltim.drafter', '/regulations/baru');
    await page.getByLabel('Judul (setelah "tentang")').fill(title);
    await page.getByLabel('Dasar hukum (satu per baris)').fill('Peraturan Menteri PANRB Nomor 7 Tahun 2022');
    const body = 'Pasal 1\nSistem kerja adalah rangkaian tata kerja yang diketik lama sekali.';
    await page.getByLabel('Batang tubuh').fill(body);
    // the session ends on the server meanwhile (it expired, or "Keluar" in another tab)
    await expect(
      page.evaluate<number>(`fetch('/api/auth/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]*)/)[1]) } }).then((r) => r.status)`),
    ).resolves.toBe(204);
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: 'Masuk ke alur' }).waitFor();
    await page.getByRole('dialog').getByText('Sesi Anda telah berakhir.').waitFor(); // visible
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Nama pengguna').fill('kaltim.drafter');
    await page.getByLabel('Kata sandi').fill(TEST_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Buat Rancangan Peraturan' }).waitFor();
    await expect(page.getByLabel('Judul (setelah "tentang")').inputValue()).resolves.toBe(title);
    await expect(page.getByLabel('Batang tubuh').inputValue()).resolves.toBe(body);
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();

    // someone else signing in at that moment gets fresh pages, not the first person's form
    await page.goto(`${app.baseUrl}/regulations/baru`);
    await page.getByLabel('Judul (setelah "tentang")').fill(`${title} (kedua)`);
    await page.getByLabel('Dasar hukum (satu per baris)').fill('Peraturan Menteri PANRB Nomor 7 Tahun 2022');
    await page.getByLabel('Batang tubuh').fill('Rahasia orang pertama');
    await page.evaluate(`fetch('/api/auth/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]*)/)[1]) } })`);
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByLabel('Nama pengguna').fill('kaltim.drafter2');
    await page.getByLabel('Kata sandi').fill(TEST_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Buat Rancangan Peraturan' }).waitFor();
    await expect(page.getByLabel('Batang tubuh').inputValue()).resolves.toBe('');
  });

  it('a session that ends while an action dialog is open: signing in again over it, the note is still there and "Kirim" sends it', async () => {
    const { page } = app;
    const doc = await createQuickWin(app.t, 'kaltim.drafter', { title: `Layanan yang Dikembalikan (${label})` });
    expect((await act(app.t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    await signIn(app, 'kaltim.kadis', `/quick-wins/${doc.id}`);
    await page.locator('[data-action="RETURN"]').click();
    const note = 'Mohon rincian anggaran diperbaiki sesuai DPA.';
    await page.getByRole('dialog').getByLabel('Catatan').fill(note);
    await page.evaluate(`fetch('/api/auth/logout', { method: 'POST', headers: { 'X-XSRF-TOKEN': decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]*)/)[1]) } })`);
    await page.getByRole('dialog').getByRole('button', { name: 'Kirim' }).click();
    // the sign-in form can be used (the open action dialog does not hold the page), and it is the one named
    await page.getByRole('dialog', { name: 'Masuk ke alur' }).waitFor();
    await page.getByLabel('Nama pengguna').fill('kaltim.kadis');
    await page.getByLabel('Kata sandi').fill(TEST_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kembalikan' });
    await expect(dialog.getByLabel('Catatan').inputValue()).resolves.toBe(note);
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await page.getByRole('status').filter({ hasText: 'berhasil' }).waitFor();
    await page.getByRole('heading', { name: /Tahap: Perbaikan oleh Pemrakarsa/ }).waitFor();
  });
});

/** What the stages recorded (progress reports, the evaluation, the Berita Acara, publication) is on the document page. */
describe('the document page shows what the stages recorded', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width: 360, height: 900 });
  });
  afterAll(() => app?.close());

  it('the Kepala OPD reads the progress reports before "Nyatakan Selesai", and the evaluation shows once made', async () => {
    const { page } = app;
    const title = 'Layanan Izin Reklame Daring';
    const doc = await createQuickWin(app.t, 'kaltim.drafter', { title });
    await driveTo(app.t, doc.id, 'reported');
    await signIn(app, 'kaltim.kadis', `/quick-wins/${doc.id}`);
    await page.locator('[data-action="COMPLETE"]').waitFor();
    const reports = page.getByTestId('progress-reports');
    await expect(reports.locator('li strong').first().textContent()).resolves.toBe('Maret 2026: capaian 40%');
    await reports.getByText('Aplikasi perizinan daring sudah dipakai di tiga kecamatan.').waitFor(); // visible
    await reports.getByText('Jaringan internet belum merata').waitFor();
    await reports.getByRole('link', { name: 'https://diskominfo.kaltimprov.go.id/laporan/2026-03.pdf' }).waitFor();
    await reports.getByText(/^Dilaporkan oleh .+ pukul \d{2}\.\d{2} WITA$/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    expect((await act(app.t, 'quick-wins', doc.id, 'kaltim.kadis', 'COMPLETE')).status).toBe(200);
    expect((await act(app.t, 'quick-wins', doc.id, 'kaltim.inspektur', 'EVALUATE', { data: { score: 87.5, notes: 'Manfaat dirasakan masyarakat.' } })).status).toBe(200);
    await page.reload();
    const evaluation = page.getByTestId('evaluation');
    await evaluation.getByText('87,5', { exact: true }).waitFor();
    await evaluation.getByText('Manfaat dirasakan masyarakat.').waitFor();
  });

  it('a regulation shows its Berita Acara Selesai Harmonisasi to the Asisten who initials next', async () => {
    const { page } = app;
    const doc = await createRegulation(app.t, 'kaltim.drafter');
    for (const [user, action, data] of [
      ['kaltim.drafter', 'SUBMIT'],
      ['kaltim.kadis', 'ENDORSE'],
      ['kaltim.hukum', 'REQUEST_HARMONIZATION'],
      ['kaltim.hukum', 'RECORD_HARMONIZATION', { reportNumber: 'W18-PP.04.02-123', reportDate: '2026-05-04' }],
    ] as const) {
      const res = await act(app.t, 'regulations', doc.id, user, action, data ? { data } : {});
      expect([action, res.status]).toEqual([action, 200]);
    }
    await signIn(app, 'kaltim.asisten', `/regulations/${doc.id}`);
    await page.locator('[data-action="PARAF"]').waitFor();
    await expect(page.getByTestId('harmonization').textContent()).resolves.toBe('Berita Acara Selesai Harmonisasi Nomor W18-PP.04.02-123 tanggal 4 Mei 2026');
  });
});

/** Money and figures typed as officials write them (Rp150.000.000, 2,5) are read as meant, never as 150. */
describe('numbers typed the Indonesian way', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width: 360, height: 900 });
  });
  afterAll(() => app?.close());

  it('"150.000.000" in Anggaran is Rp150.000.000, "2,5" in Target is 2,5, and "87,5" is the Inspektorat\'s score', async () => {
    const { page } = app;
    const title = 'Sistem Antrean Daring Puskesmas';
    await signIn(app, 'kaltim.drafter', '/quick-wins/baru');
    await page.getByLabel('Judul', { exact: true }).fill(title);
    await page.getByLabel('Uraian').fill('Antrean diambil dari rumah.');
    await page.getByLabel('Tahun').fill('2026');
    await page.getByLabel('Kategori').selectOption('RB_GENERAL');
    await page.getByLabel('Area perubahan').selectOption('PELAYANAN_PUBLIK');
    await page.getByLabel('Indikator').fill('Rata-rata waktu tunggu');
    await page.getByLabel('Satuan target').fill('jam');
    await page.getByLabel('Keluaran').fill('Aplikasi antrean');
    await page.getByLabel('Tanggal mulai').fill('2026-01-05');
    await page.getByLabel('Tanggal selesai').fill('2026-12-31');
    // typed key by key, as a person does (fill() would bypass what the field lets through)
    await page.getByLabel('Target (angka)').pressSequentially('2,5');
    await page.getByLabel('Anggaran (rupiah)').pressSequentially('150.000.000');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    await page.getByText('Rp150.000.000', { exact: true }).waitFor(); // visible
    await page.getByText('2,5 jam', { exact: true }).waitFor();
    const id = page.url().split('/').pop()!;
    const stored = (await app.t.http.get(`/api/quick-wins/${id}`).set(await app.t.auth('kaltim.drafter'))).body;
    expect([stored.budget, stored.target.value]).toEqual([150_000_000, 2.5]);

    // what cannot be read one way only is refused beside its field, not guessed
    await page.goto(`${app.baseUrl}/quick-wins/${id}/ubah`);
    await expect(page.getByLabel('Anggaran (rupiah)').inputValue()).resolves.toBe('150.000.000');
    await page.getByLabel('Anggaran (rupiah)').fill('150.00.000');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Tulis anggaran sebagai angka rupiah, misalnya 150.000.000.').waitFor();
    // "Batal" leaves the form for the document, and a new draft's form for the list, whatever was open before
    await page.getByRole('button', { name: 'Batal' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/quick-wins/${id}`);
    await page.goto(`${app.baseUrl}/quick-wins/baru`);
    await page.getByRole('button', { name: 'Batal' }).click();
    await page.waitForURL((url) => url.pathname === '/quick-wins');

    // the Inspektorat's score with a decimal comma
    await driveTo(app.t, id, 'evaluation');
    await signIn(app, 'kaltim.inspektur', `/quick-wins/${id}`);
    await page.locator('[data-action="EVALUATE"]').click();
    await page.getByRole('dialog').getByLabel('Nilai (0-100)').pressSequentially('87,5');
    await page.getByRole('dialog').getByLabel('Catatan evaluasi').fill('Waktu tunggu turun dari 3 jam menjadi 30 menit.');
    await page.getByRole('dialog').getByRole('button', { name: 'Kirim' }).click();
    await page.getByRole('status').filter({ hasText: 'berhasil' }).waitFor();
    expect((await app.t.http.get(`/api/quick-wins/${id}`).set(await app.t.auth('kaltim.inspektur'))).body.evaluation.score).toBe(87.5);
  });
});

/** Removals that undo someone's standing (a holiday, a Plh) are asked first, and each button says which row it removes. */
describe('removing a holiday or a delegation', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width: 360, height: 900 });
  });
  afterAll(() => app?.close());

  it('"Hapus" of two days of the same name are told apart, and a holiday goes only once confirmed', async () => {
    const { page } = app;
    const year = new Date().getFullYear();
    const name = 'Cuti Bersama Hari Jadi Provinsi';
    const admin = await app.t.auth('kaltim.admin');
    for (const date of [`${year}-10-13`, `${year}-10-14`]) {
      const res = await app.t.http.post('/api/holidays').set(admin).send({ date, name, governmentCode: 'kaltim' });
      expect([date, res.status]).toEqual([date, 201]);
    }
    await signIn(app, 'kaltim.admin', '/pengaturan');
    const list = page.getByRole('list', { name: `Hari libur ${year}` });
    await list.getByText(name).first().waitFor();
    const labels = await list.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label')));
    expect(new Set(labels).size).toBe(labels.length);
    const remove = list.getByRole('button', { name: `Hapus ${name}, 13 Oktober ${year}` });
    const count = async () => (await app.t.dataSource.query(`SELECT count(*)::int AS n FROM holidays WHERE name = $1`, [name]))[0].n as number;

    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    await remove.click();
    await expect(asked).resolves.toMatch(/^Hapus hari libur daerah Cuti Bersama Hari Jadi Provinsi, 13 Oktober \d{4}\?/);
    expect(await count()).toBe(2);
    page.once('dialog', (dialog) => void dialog.accept());
    await remove.click();
    await page.getByRole('status').filter({ hasText: `Hari libur 13 Oktober ${year} dihapus.` }).waitFor();
    expect(await count()).toBe(1);
  });

  it('a changed stage deadline says it applies to documents entering the stage from now on, not to running ones', async () => {
    const { page } = app;
    await signIn(app, 'kaltim.admin', '/pengaturan');
    const row = page.getByRole('region', { name: 'Batas Waktu Tahap Quick Win' }).getByRole('row', { name: /^Verifikasi oleh Biro\/Bagian Organisasi/ });
    await row.getByRole('button', { name: 'Ubah batas waktu Verifikasi oleh Biro/Bagian Organisasi' }).click();
    await row.getByLabel('Jumlah hari').fill('4');
    await row.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Batas waktu Verifikasi' }).textContent()).resolves.toBe(
      'Batas waktu Verifikasi oleh Biro/Bagian Organisasi tersimpan: 4 hari kerja. Berlaku untuk dokumen yang masuk tahap ini mulai sekarang; batas waktu yang sedang berjalan tidak berubah.',
    );
  });

  it('"Cabut" of a Plh is asked first', async () => {
    const { page } = app;
    const granted = await app.t.http
      .post('/api/delegations')
      .set(await app.t.auth('kaltim.sekda'))
      .send({ delegate: 'kaltim.plh', role: 'SECRETARY', kind: 'PLH', reason: 'Dinas luar', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString() });
    expect(granted.status).toBe(201);
    await signIn(app, 'kaltim.sekda', '/pendelegasian');
    const revoke = page.getByTestId('delegation').getByRole('button', { name: /^Cabut Plh Sekretaris Daerah / });
    page.once('dialog', (dialog) => void dialog.dismiss());
    await revoke.click();
    await page.waitForTimeout(300);
    expect((await app.t.dataSource.query(`SELECT revoked_at FROM delegations WHERE id = $1`, [granted.body.id]))[0].revoked_at).toBeNull();
    page.once('dialog', (dialog) => void dialog.accept());
    await revoke.click();
    await page.getByRole('status').filter({ hasText: 'Pendelegasian dicabut.' }).waitFor();
  });
});

/** Counts as ui.md writes numbers (1.500.000), also where a province's personnel run into the thousands. */
describe('counts in Indonesian number format', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width: 360, height: 900 });
  });
  afterAll(() => app?.close());

  it('Pegawai says "1.2xx pegawai", and a trial import of 1.001 rows says "1.001 pegawai akan ditambahkan"', async () => {
    const { page } = app;
    await app.t.dataSource.query(
      `INSERT INTO users (username, name, password_hash, government_id, unit_id, roles)
       SELECT 'kaltim.massal' || g, 'Pegawai Massal ' || g, password_hash, government_id, unit_id, ARRAY['DRAFTER'] FROM users, generate_series(1, 1200) g WHERE username = 'kaltim.drafter'`,
    );
    const total = (await app.t.http.get('/api/users?limit=1').set(await app.t.auth('kaltim.admin'))).body.total as number;
    expect(total).toBeGreaterThan(1200);
    await signIn(app, 'kaltim.admin', '/pegawai');
    const said = page.getByRole('status').filter({ hasText: 'pegawai' });
    await expect(said.textContent()).resolves.toMatch(new RegExp(`^1\\.${String(total).slice(1)} pegawai · halaman 1 dari \\d+$`));

    const csv = join(tmpdir(), `alur-seribu-${process.pid}.csv`);
    const rows = Array.from({ length: 1001 }, (_, i) => `198001${String(1 + Math.floor(i / 40)).padStart(2, '0')}2005011${String(1 + (i % 40)).padStart(3, '0')},"Pegawai Impor ${i}",,kaltim.impor${i},diskominfo,DRAFTER`);
    writeFileSync(csv, `nip,name,email,username,unitCode,roles\n${rows.join('\n')}\n`);
    await page.goto(`${app.baseUrl}/impor-pegawai`);
    await page.getByLabel('Berkas pegawai').setInputFiles(csv);
    await page.getByRole('button', { name: 'Uji coba' }).click();
    await page.getByRole('heading', { name: 'Hasil uji coba' }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: 'Uji coba' }).textContent()).resolves.toContain('1.001 pegawai akan ditambahkan');
    await expect(page.getByTestId('import-row-number').last().textContent()).resolves.toMatch(/^1\.00[12]$/); // its row in the file
  });
});

/**
 * Times are the government's (ui.md: "14.30 WITA"), shown and read so, whatever zone the browser's clock
 * is set to: many laptops in Kalimantan Timur are left on WIB (UTC+7), and a regency may be in WIB.
 */
describe('times in the government\'s zone, not the browser\'s', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width: 360, height: 900, timezoneId: 'Asia/Jakarta' });
  });
  afterAll(() => app?.close());

  it('a Plh window typed as 08.00-16.00 on a browser set to WIB is 08.00-16.00 WITA for kaltim', async () => {
    const { page } = app;
    await signIn(app, 'kaltim.sekda', '/pendelegasian');
    const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10); // tomorrow in WITA
    await page.getByLabel('Nama pengguna penerima').fill('kaltim.plh');
    await page.getByLabel('Peran').selectOption('SECRETARY');
    await page.getByLabel('Mulai').fill(`${tomorrow}T08:00`);
    await page.getByLabel('Berakhir').fill(`${tomorrow}T16:00`);
    await page.getByLabel('Alasan').fill('Sekda dinas luar ke Jakarta');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Pendelegasian tersimpan.' }).waitFor();
    const [stored] = await app.t.dataSource.query(`SELECT d.starts_at AS "startsAt", d.ends_at AS "endsAt" FROM delegations d JOIN users u ON u.id = d.delegate_id WHERE u.username = 'kaltim.plh' AND d.revoked_at IS NULL`);
    expect([new Date(stored.startsAt).toISOString(), new Date(stored.endsAt).toISOString()]).toEqual([`${tomorrow}T00:00:00.000Z`, `${tomorrow}T08:00:00.000Z`]);
    await expect(page.getByTestId('delegation').locator('.meta').textContent()).resolves.toMatch(/pukul 08\.00 WITA sampai .* pukul 16\.00 WITA/);
    // and the fields say in which zone they are read
    await page.getByLabel('Mulai (WITA)').waitFor();
    await page.getByLabel('Berakhir (WITA)').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('Jam Kerja and Pemerintah Daerah name a zone as officials do: WITA (Asia/Makassar)', async () => {
    const { page } = app;
    await signIn(app, 'kaltim.admin', '/pengaturan');
    await page.getByText(/Zona waktu: WITA \(Asia\/Makassar\)\./).waitFor();
    await page.goto(`${app.baseUrl}/pemerintah-daerah`);
    const berau = page.getByRole('row').filter({ hasText: 'Pemerintah Kabupaten Berau' });
    await expect(berau.getByRole('cell').filter({ hasText: 'Zona waktu' }).textContent()).resolves.toBe('Zona waktuWITA (Asia/Makassar)');
  });

  it('a regency in WIB reads its notifications in WIB', async () => {
    const { page } = app;
    const moved = await app.t.http.patch('/api/governments/paser').set(await app.t.auth('kaltim.admin')).send({ timeZone: 'Asia/Jakarta' });
    expect(moved.status).toBe(200);
    const worker = await createTestWorker(app.t.env); // relays the outbox and writes notifications
    let createdAt: Date;
    try {
      const doc = await createQuickWin(app.t, 'paser.drafter', { title: 'Layanan Kependudukan Keliling' });
      expect((await act(app.t, 'quick-wins', doc.id, 'paser.drafter', 'SUBMIT')).status).toBe(200);
      let told: Array<{ username: string; createdAt: Date }> = [];
      while (!(told = (await notificationsOf(app.t.dataSource, doc.id)).filter((n) => n.username === 'paser.kadis')).length) await new Promise((r) => setTimeout(r, 100));
      createdAt = told[0]!.createdAt;
    } finally {
      await worker.close();
    }
    const wib = new Date(new Date(createdAt).getTime() + 7 * 3600_000).toISOString();
    await signIn(app, 'paser.kadis', '/pemberitahuan');
    const card = page.locator('.cards li').first();
    await expect(card.locator('.meta').textContent()).resolves.toContain(`pukul ${wib.slice(11, 13)}.${wib.slice(14, 16)} WIB`);
  });
});

/** Two officials on one document: the one who acts second keeps what they typed and sees the document as it is now. */
describe('acting on a document someone else has just acted on', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width: 1280, height: 900 });
  });
  afterAll(() => app?.close());

  it('keeps the note in the dialog, reloads the page behind it, and says why the action did not go through', async () => {
    const { page } = app;
    const doc = await createQuickWin(app.t, 'kaltim.drafter', { title: 'Dua pejabat satu dokumen' });
    await driveTo(app.t, doc.id, 'verification');
    await signIn(app, 'kaltim.organisasi', `/quick-wins/${doc.id}`);
    await page.locator('[data-action="VERIFY"]').click();
    const dialog = page.getByRole('dialog');
    const note = 'Sudah diperiksa bersama Bagian Organisasi; indikator sesuai.';
    await dialog.getByLabel('Catatan').fill(note);

    // meanwhile it is returned from another computer (the same verifier's other session)
    expect((await act(app.t, 'quick-wins', doc.id, 'kaltim.organisasi', 'RETURN', { comment: 'Lengkapi anggaran.' })).status).toBe(200);

    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Dokumen telah diubah oleh orang lain sejak halaman ini dibuka.' }).waitFor();
    await expect(dialog.getByLabel('Catatan').inputValue()).resolves.toBe(note);
    await page.getByRole('heading', { name: /^Tahap: Perbaikan/ }).waitFor(); // the page behind it, reloaded

    // sent again on the reloaded document: the stage has moved on, and the note is still there to copy
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Tindakan ini tidak dapat dilakukan pada tahap dokumen sekarang' }).waitFor();
    await expect(dialog.getByLabel('Catatan').inputValue()).resolves.toBe(note);
  });
});
