import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { seriousA11yViolations, signIn, startBrowserApp, type BrowserApp } from '#testing';

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
});
