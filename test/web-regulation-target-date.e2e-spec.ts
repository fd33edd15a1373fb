import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createRegulation, signIn, startBrowserApp, type BrowserApp } from '#testing';

jest.setTimeout(180_000);

/** A date in Asia/Makassar (WITA, the demo governments' zone), `days` from today there. */
function makassarDate(days = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe("the regulation form's target date", () => {
  let app: BrowserApp;
  // a browser far from WITA: for 18 hours of every day its date is not the government's
  beforeAll(async () => {
    app = await startBrowserApp({ timezoneId: 'Pacific/Honolulu' });
  });
  afterAll(() => app?.close());
  const page = () => app.page;
  const target = () => page().getByLabel('Target penetapan (opsional)');

  it("offers today on in the government's zone, and says in Indonesian why the API refused a date before today", async () => {
    const title = 'Sistem Kerja dengan Target Penetapan Kemarin';
    await signIn(app, 'kaltim.drafter', '/regulations/baru');
    await page().getByLabel('Judul (setelah "tentang")').fill(title);
    await page().getByLabel('Dasar hukum (satu per baris)').fill('Peraturan Menteri PANRB Nomor 7 Tahun 2022 tentang Sistem Kerja pada Instansi Pemerintah');
    await page().getByLabel('Batang tubuh').fill('Pasal 1\nDalam Peraturan Gubernur ini yang dimaksud dengan ...');
    await expect(target().getAttribute('min')).resolves.toBe(makassarDate());

    // typed rather than picked, the date still reaches the API, whose refusal is shown beside the field
    await target().fill(makassarDate(-1));
    await page().getByRole('button', { name: 'Simpan' }).click();
    await page().locator('#f-targetDate-err').filter({ hasText: 'Target penetapan tidak boleh sebelum hari ini: tanggal itu sudah lewat.' }).waitFor();
    await page().getByRole('alert').filter({ hasText: 'Periksa isian yang ditandai.' }).waitFor();
    await expect(target().getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await app.t.dataSource.query('SELECT count(*)::int AS n FROM documents WHERE title = $1', [title])).toEqual([{ n: 0 }]);

    await target().fill(makassarDate());
    await page().getByRole('button', { name: 'Simpan' }).click();
    await page().getByRole('heading', { name: title, level: 1 }).waitFor();
  });

  it('keeps a stored target date that has passed since choosable, and saves an edit of another field', async () => {
    const doc = await createRegulation(app.t, 'kaltim.drafter', { title: 'Sistem Kerja yang Targetnya Terlewati', targetDate: makassarDate(10) });
    const passed = makassarDate(-3);
    await app.t.dataSource.query(`UPDATE documents SET content = jsonb_set(content, '{targetDate}', to_jsonb($2::text)) WHERE id = $1`, [doc.id, passed]);

    await signIn(app, 'kaltim.drafter', `/regulations/${doc.id}/ubah`);
    await expect(target().inputValue()).resolves.toBe(passed);
    await expect(target().getAttribute('min')).resolves.toBe(passed);
    const title = 'Sistem Kerja yang Targetnya Terlewati, Judul Diperbaiki';
    await page().getByLabel('Judul (setelah "tentang")').fill(title);
    await page().getByRole('button', { name: 'Simpan' }).click();
    await page().getByRole('heading', { name: title, level: 1 }).waitFor();
    const stored = await app.t.http.get(`/api/regulations/${doc.id}`).set(await app.t.auth('kaltim.drafter'));
    expect([stored.body.title, stored.body.targetDate]).toEqual([title, passed]);
  });
});
