import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { formatIndonesianDateTime } from '#workflow';
import { fireAction, makassarLocal, screenshot, seriousA11yViolations, signIn, startBrowserApp, tablesOverflowingSideways, unevenFilterControls, type BrowserApp } from '#testing';

jest.setTimeout(600_000);

/**
 * The whole Quick Win flow through the pages, by the people who would do it (issue 12): created and
 * submitted by the drafter, endorsed, verified, returned with a note by the Sekda, edited and
 * resubmitted, endorsed and verified again, approved by kaltim.plh as the Sekda's Plh, then a progress report.
 */
describe.each([
  ['desktop', 1280],
  ['360px', 360],
])('Quick Win through the pages (%s)', (label, width) => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width, height: 900 });
  });
  afterAll(() => app?.close());
  const page = () => app.page;

  async function checkPage(name: string) {
    expect([name, await seriousA11yViolations(page())]).toEqual([name, []]);
    expect([name, await tablesOverflowingSideways(page())]).toEqual([name, []]);
    expect([name, await unevenFilterControls(page())]).toEqual([name, []]);
    await screenshot(page(), `${label}-${name}`);
  }

  async function openFromInbox(username: string, title: string) {
    await signIn(app, username);
    await page().getByRole('heading', { name: 'Kotak Masuk' }).waitFor();
    await page().getByRole('link', { name: title }).click();
    await page().getByRole('heading', { name: title, level: 1 }).waitFor();
  }

  it('runs from draft to a progress report', async () => {
    const title = `Layanan Izin Daring ${label}`;
    // the drafter creates it; the form refuses bad input in Indonesian first
    await signIn(app, 'kaltim.drafter', '/quick-wins/baru');
    await page().getByRole('heading', { name: 'Buat Quick Win' }).waitFor();
    await checkPage('buat-quick-win');
    await page().getByRole('button', { name: 'Simpan' }).click();
    await page().getByText('Judul wajib diisi.').waitFor(); // visible
    const form = page();
    await form.getByLabel('Judul', { exact: true }).fill(title);
    await form.getByLabel('Uraian').fill('Perizinan diajukan dan dilacak secara daring.');
    await form.getByLabel('Tahun').fill('2026');
    await form.getByLabel('Kategori').selectOption('RB_TEMATIK');
    await form.getByLabel('Area perubahan').selectOption('DIGITALISASI_ADMINISTRASI');
    await form.getByLabel('Indikator').fill('Persentase izin daring');
    await form.getByLabel('Target (angka)').fill('80');
    await form.getByLabel('Satuan target').fill('persen');
    await form.getByLabel('Keluaran').fill('Aplikasi perizinan');
    await form.getByLabel('Tanggal mulai').fill('2026-01-05');
    // the day in words under the field, its description: a browser on an English system shows 01/05/2026
    await expect(form.getByLabel('Tanggal mulai').getAttribute('aria-describedby')).resolves.toContain('f-startDate-echo');
    await expect(page().locator('#f-startDate-echo').textContent()).resolves.toBe('Senin, 5 Januari 2026');
    await checkPage('buat-quick-win-tanggal');
    await form.getByLabel('Tanggal selesai').fill('2027-06-30');
    await form.getByLabel('Anggaran (rupiah)').fill('150000000');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page().getByText('Quick Win paling lama 12 bulan sejak tanggal mulai.').waitFor(); // visible
    await form.getByLabel('Tanggal selesai').fill('2026-12-31');
    // a rule only the API checks (the year's range) comes back beside its field, in Indonesian
    await form.getByLabel('Tahun').fill('1999');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page().getByText('Tahun harus bilangan bulat antara 2000 dan 2100.').waitFor(); // visible
    expect(await page().locator('main').textContent()).not.toMatch(/\bmust\b|\bshould\b|less than/);
    await form.getByLabel('Tahun').fill('2026');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page().getByRole('heading', { name: title, level: 1 }).waitFor();
    await page().getByText('Rp150.000.000').waitFor(); // visible
    await fireAction(page(), 'SUBMIT');
    await page().getByRole('heading', { name: /Tahap: Persetujuan Kepala Perangkat Daerah/ }).waitFor();

    await openFromInbox('kaltim.kadis', title);
    // the workflow drawn: the stage the document is in is the one marked
    const here = page().locator('.flow [aria-current="step"]');
    await expect(here.getAttribute('data-state')).resolves.toBe('endorsement');
    await expect(here.locator('.flow-box strong').textContent()).resolves.toBe('Persetujuan Kepala Perangkat Daerah');
    await here.getByText('Tahap sekarang').waitFor(); // visible
    await page().locator('.flow [data-state="approval"]').getByText('Tolak → Ditolak').waitFor(); // its transitions shown
    await checkPage('dokumen');
    await fireAction(page(), 'ENDORSE');

    await openFromInbox('kaltim.organisasi', title);
    await fireAction(page(), 'VERIFY');

    // the Sekda returns it: an empty note is refused in the dialog
    await openFromInbox('kaltim.sekda', title);
    await page().locator('[data-action="RETURN"]').click();
    const dialog = page().getByRole('dialog');
    await dialog.getByLabel('Catatan').waitFor(); // visible
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await expect(dialog.getByRole('alert').textContent()).resolves.toBe('Catatan wajib diisi.');
    await checkPage('dialog-kembalikan');
    await dialog.getByLabel('Catatan').fill('Lengkapi indikator dengan baseline tahun 2025.');
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await page().getByRole('heading', { name: /Tahap: Perbaikan oleh Pemrakarsa/ }).waitFor();

    // the Sekda names kaltim.plh as Plh for the days ahead
    await page().getByRole('link', { name: 'Pendelegasian' }).click();
    await page().getByRole('heading', { name: 'Pendelegasian', level: 1 }).waitFor();
    await page().getByLabel('Nama pengguna penerima').fill('kaltim.plh');
    await page().getByLabel('Jenis').selectOption('PLH');
    const startsAt = new Date();
    await page().getByLabel('Mulai').fill(makassarLocal(startsAt));
    await expect(page().locator('#d-start-echo').textContent()).resolves.toBe(formatIndonesianDateTime(startsAt, 'Asia/Makassar'));
    await page().getByLabel('Berakhir').fill(makassarLocal(new Date(Date.now() + 3 * 86_400_000)));
    await page().getByLabel('Alasan').fill('Sekda dinas luar daerah');
    // the first answer is lost on the way (the API made the delegation); "Simpan" again makes no second one
    await page().route('**/api/delegations', async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page().getByRole('button', { name: 'Simpan' }).click();
    await page().getByRole('alert').filter({ hasText: 'Tidak dapat menghubungi server.' }).waitFor();
    await page().unroute('**/api/delegations');
    await page().getByRole('button', { name: 'Simpan' }).click();
    await page().getByRole('status').filter({ hasText: 'Pendelegasian tersimpan.' }).waitFor();
    await expect(page().locator('#d-start-echo').textContent()).resolves.toBe(''); // the form was emptied, its words too
    const plh = await app.t.dataSource.query(`SELECT d.id FROM delegations d JOIN users u ON u.id = d.delegate_id WHERE u.username = 'kaltim.plh' AND d.revoked_at IS NULL`);
    expect(plh).toHaveLength(1);
    // the list names both people, not their usernames
    await page().getByTestId('delegation').filter({ hasText: 'H. Ahmad Zulkifli, S.H., M.Si. atas nama Dr. Hj. Nurhayati Usman, M.Pd.' }).waitFor();
    await checkPage('pendelegasian');

    // the drafter edits and resubmits; the versions can be compared
    await signIn(app, 'kaltim.drafter', '/quick-wins');
    await page().getByRole('link', { name: title }).click();
    await page().getByText('Lengkapi indikator dengan baseline tahun 2025.').waitFor(); // visible
    await page().getByRole('link', { name: 'Ubah' }).click();
    await page().getByLabel('Indikator').fill('Persentase izin daring (baseline 2025: 35%)');
    await page().getByRole('button', { name: 'Simpan' }).click();
    await page().getByRole('heading', { name: title, level: 1 }).waitFor();
    await page().locator('table.compare tr.changed').filter({ hasText: 'Indikator' }).waitFor(); // shown
    // each version names who saved it and when, in the government's zone: above its column, and in the
    // choices (at 360 px only the day, which a closed select has room for; the column headers give the rest)
    const documentId = new URL(page().url()).pathname.split('/').at(-1);
    const saved: Array<{ version: number; createdAt: Date }> = await app.t.dataSource.query(
      `SELECT version, created_at AS "createdAt" FROM content_versions WHERE document_id = $1 ORDER BY version`,
      [documentId],
    );
    const inMakassar = (at: Date, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Makassar', ...options }).format(at);
    const day = (at: Date) => inMakassar(at, { day: 'numeric', month: 'long', year: 'numeric' });
    const when = (at: Date) => `${inMakassar(at, { weekday: 'long' })}, ${day(at)} pukul ${inMakassar(at, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })} WITA`;
    expect(saved.map((v) => v.version)).toEqual([1, 2]);
    const full = saved.map((v) => `Versi ${v.version} — Rina Wulandari, S.Kom., ${when(v.createdAt)}`);
    await expect(page().locator('table.compare thead th').allTextContents()).resolves.toEqual(['Isian', ...full]);
    const choices = label === '360px' ? saved.map((v) => `Versi ${v.version} — ${day(v.createdAt)}`) : full;
    await expect(page().getByRole('combobox', { name: /^Bandingkan/ }).locator('option').allTextContents()).resolves.toEqual(choices);
    await expect(page().getByRole('combobox', { name: /^dengan/ }).locator('option').allTextContents()).resolves.toEqual(choices);
    await checkPage('dokumen-versi');
    await fireAction(page(), 'RESUBMIT');

    await openFromInbox('kaltim.kadis', title);
    await fireAction(page(), 'ENDORSE');
    await openFromInbox('kaltim.organisasi', title);
    await fireAction(page(), 'VERIFY');

    // kaltim.plh sees it "atas nama" the Sekda and approves
    const asked: string[] = [];
    const record = (r: { url(): string }) => asked.push(new URL(r.url()).pathname);
    await signIn(app, 'kaltim.plh', '/pemberitahuan');
    page().on('request', record);
    await page().getByRole('link', { name: 'Kotak Masuk' }).click();
    const task = page().getByTestId('task').filter({ hasText: title });
    await task.getByText('atas nama Dr. Hj. Nurhayati Usman, M.Pd.').waitFor(); // by name, not username
    page().off('request', record);
    // the inbox is one request, whatever the number of tasks: nothing is fetched per row
    expect(asked.filter((p) => p === '/api/tasks')).toHaveLength(1);
    expect(asked.filter((p) => /^\/api\/(quick-wins|regulations)\//.test(p))).toEqual([]);
    await checkPage('kotak-masuk');
    await task.getByRole('link', { name: title }).click();
    await fireAction(page(), 'APPROVE');
    await page().getByRole('heading', { name: /Tahap: Pelaksanaan dan Laporan Kemajuan/ }).waitFor();
    await page().locator('.timeline li').filter({ hasText: 'Setujui oleh H. Ahmad Zulkifli, S.H., M.Si. atas nama Dr. Hj. Nurhayati Usman, M.Pd.' }).waitFor(); // shown
    await expect(page().getByTestId('chain').textContent()).resolves.toBe('Rantai riwayat utuh.');

    // the drafter reports progress with evidence
    await signIn(app, 'kaltim.drafter', '/quick-wins');
    await page().getByRole('link', { name: title }).click();
    await fireAction(page(), 'REPORT_PROGRESS', {
      'Periode (bulan)': '2026-03',
      'Capaian (%)': '40',
      Realisasi: 'Modul pengajuan daring berjalan di 3 layanan.',
      'Bukti dukung (satu per baris)': 'https://diskominfo.kaltimprov.go.id/laporan-maret.pdf',
    }, async (dialog) => {
      // the month in words under its field (Firefox and Safari draw a month field as a plain text box)
      await expect(dialog.locator('#f-period-echo').textContent()).resolves.toBe('Maret 2026');
      await expect(dialog.getByLabel('Periode (bulan)', { exact: true }).getAttribute('aria-describedby')).resolves.toContain('f-period-echo');
    });
    await page().getByTestId('progress-reports').getByText('Maret 2026: capaian 40%').waitFor();
    await page().locator('.timeline li').filter({ hasText: 'Laporkan Kemajuan oleh Rina Wulandari, S.Kom.' }).waitFor(); // shown
    await checkPage('dokumen-pelaksanaan');

    // the notifications of the flow reached the drafter; one is marked read
    await page().getByRole('link', { name: /Pemberitahuan/ }).click();
    await page().getByRole('heading', { name: 'Pemberitahuan' }).waitFor();
    await checkPage('pemberitahuan');
  });
});
