import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '#testing';

jest.setTimeout(180_000);

describe('settings page: office hours beside the holidays (browser)', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width: 360, height: 800 });
  });
  afterAll(() => app?.close());

  const stored = async () => (await app.t.http.get('/api/governments/paser/office-hours').set(await app.t.auth('paser.admin'))).body;

  it("shows the national hours, saves a government's own week, refuses a close before the opening, and goes back", async () => {
    const { page } = app;
    const section = page.getByRole('region', { name: 'Jam Kerja' });
    await signIn(app, 'paser.admin', '/pengaturan');
    await page.getByRole('heading', { name: 'Jam Kerja' }).waitFor();
    await expect(page.getByLabel('Jam tutup Jumat').inputValue()).resolves.toBe('16:30');
    await expect(page.getByLabel('Sabtu buka').isChecked()).resolves.toBe(false);
    await expect(page.getByText('Saat ini memakai jam kerja nasional ASN.', { exact: false }).count()).resolves.toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '360px-jam-kerja');

    await page.getByLabel('Jam tutup Jumat').fill('07:00');
    await page.getByRole('button', { name: 'Simpan jam kerja' }).click();
    await expect(section.getByRole('alert').textContent()).resolves.toBe('Jam tutup Jumat harus setelah jam buka.');
    expect((await stored()).isDefault).toBe(true);

    await page.getByLabel('Jam tutup Jumat').fill('11:00');
    await page.getByLabel('Sabtu buka').check();
    await page.getByLabel('Jam buka Sabtu').fill('08:00');
    await page.getByLabel('Jam tutup Sabtu').fill('12:00');
    await page.getByRole('button', { name: 'Simpan jam kerja' }).click();
    await expect(section.getByRole('status').textContent()).resolves.toMatch(/^Jam kerja disimpan; \d+ batas waktu dihitung ulang\.$/);
    const saved = await stored();
    expect(saved).toMatchObject({ isDefault: false, updatedBy: 'paser.admin' });
    expect(saved.days.friday).toEqual({ opens: '07:30', closes: '11:00' });
    expect(saved.days.saturday).toEqual({ opens: '08:00', closes: '12:00' });

    await page.getByRole('button', { name: 'Kembalikan ke jam kerja nasional' }).click();
    await page.getByText('Saat ini memakai jam kerja nasional ASN.', { exact: false }).waitFor();
    expect((await stored()).isDefault).toBe(true);
    await expect(page.getByLabel('Jam tutup Jumat').inputValue()).resolves.toBe('16:30');
  });
});
