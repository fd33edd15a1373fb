import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestWorker, screenshot, seriousA11yViolations, signIn, startBrowserApp, type BrowserApp, type TestWorker } from '#testing';

jest.setTimeout(300_000);

/**
 * Status Sistem, the OPERATOR's page: whether the background worker runs (GET /health/worker), told in
 * words, before and after a real worker starts; PostgreSQL and Redis; the queue dashboard opened from it.
 */
describe.each([
  ['desktop', 1280],
  ['360px', 360],
])('Status Sistem (%s)', (label, width) => {
  let app: BrowserApp;
  let worker: TestWorker | null = null;
  beforeAll(async () => {
    app = await startBrowserApp({ width, height: 900 });
  });
  afterAll(async () => {
    await worker?.close();
    await app?.close();
  });
  const page = () => app.page;

  it('shows the OPERATOR that no worker runs, then that one does, and opens the queue dashboard', async () => {
    await signIn(app, 'kaltim.operator');
    await page().getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Status Sistem' }).click();
    await page().getByRole('heading', { name: 'Status Sistem', level: 1 }).waitFor();
    const status = page().getByTestId('worker-status');
    await status.getByText('Pekerja latar tidak berjalan: tidak ada proses yang melapor dalam satu jam terakhir.').waitFor();
    await expect(status.getAttribute('role')).resolves.toBe('alert');
    await status.getByText('Pengingat, eskalasi, dan pemberitahuan tertunda sampai pekerja latar meneruskannya kembali.').waitFor();
    await page().getByRole('definition').filter({ hasText: 'berjalan' }).first().waitFor();
    expect(await page().locator('.fields dd').allTextContents()).toEqual(['berjalan', 'berjalan']);
    expect(await seriousA11yViolations(page())).toEqual([]);
    await screenshot(page(), `${label}-status-sistem-tanpa-pekerja`);

    worker = await createTestWorker(app.t.env);
    await page().getByRole('button', { name: 'Periksa lagi' }).click();
    await status.getByText(/^Pekerja latar berjalan: 1 proses, terakhir melapor (baru saja|\d+ detik lalu)\.$/).waitFor({ timeout: 30_000 });
    await expect(status.getAttribute('role')).resolves.toBe('status');
    await status.getByText('Tidak ada tindakan yang menunggu diteruskan.').waitFor();
    expect(await seriousA11yViolations(page())).toEqual([]);
    await screenshot(page(), `${label}-status-sistem`);
    await worker.close();
    worker = null;

    const dashboard = page().waitForResponse((r) => new URL(r.url()).pathname === '/admin/queues');
    await page().getByRole('button', { name: 'Buka dasbor antrean' }).click();
    expect((await dashboard).status()).toBe(200);
    await page().waitForURL(/\/admin\/queues$/);
  });

  it('is in the menu of no one else, and shows no dashboard button to others who open it', async () => {
    await signIn(app, 'kaltim.admin');
    await page().getByRole('heading', { name: 'Kotak Masuk' }).waitFor();
    await expect(page().getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Status Sistem' }).count()).resolves.toBe(0);
    await page().goto(`${app.baseUrl}/status-sistem`);
    await page().getByTestId('worker-status').waitFor();
    await expect(page().getByRole('button', { name: 'Buka dasbor antrean' }).count()).resolves.toBe(0);
  });
});
