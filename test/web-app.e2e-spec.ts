import { createHash, randomBytes } from 'node:crypto';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { LoginRateLimiter } from '../apps/api/src/auth/login-rate-limiter.js';
import { act, createQuickWin, createRegulation, createTestWorker, notificationsOf, screenshot, seriousA11yViolations, signIn, startBrowserApp, tablesOverflowingSideways, unevenFilterControls, type BrowserApp } from '#testing';
import { historyOf } from './support/quick-win.js';
import { regulationIn } from './support/regulation.js';
import { addUser } from './support/users.js';

jest.setTimeout(180_000);

describe('web app: served by the API', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    // SMTP and single sign-on configured (neither is reached by these tests: the API only offers them)
    app = await startBrowserApp({
      env: {
        SMTP_URL: 'smtp://127.0.0.1:9',
        OIDC_ISSUER_URL: 'http://127.0.0.1:9/oidc',
        OIDC_CLIENT_ID: 'alur',
        OIDC_CLIENT_SECRET: 'alur-client-secret',
        OIDC_REDIRECT_URL: 'http://127.0.0.1:9/api/auth/oidc/callback',
      },
    });
  });
  afterAll(() => app?.close());

  it('serves the app at / and at any page path, while unknown API paths stay JSON 404s', async () => {
    const home = await app.t.http.get('/').set('Accept', 'text/html');
    expect(home.status).toBe(200);
    expect(home.text).toContain('<div id="app">');
    expect(home.text).not.toMatch(/<script>(?!<\/script>)/); // no inline script (the CSP forbids them)
    const deep = await app.t.http.get('/quick-wins/00000000-0000-0000-0000-000000000000').set('Accept', 'text/html');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('<div id="app">');
    const api = await app.t.http.get('/api/nothing-here').set('Accept', 'text/html');
    expect(api.status).toBe(404);
    expect(api.body.code).toBe('NOT_FOUND');
    const asset = home.text.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(asset).toBeDefined();
    const js = await app.t.http.get(asset!);
    expect(js.status).toBe(200);
    expect(js.headers['cache-control']).toMatch(/immutable/);

    // compressed once by the build: brotli or gzip as the client takes it, the same bytes unpacked
    const fetchRaw = (acceptEncoding: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        httpGet(`${app.baseUrl}${asset}`, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on('error', reject);
      });
    const plain = await fetchRaw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    const brotli = await fetchRaw('gzip, deflate, br');
    expect([brotli.headers['content-encoding'], brotli.headers['content-type'], brotli.headers['cache-control'], brotli.headers.vary]).toEqual([
      'br',
      expect.stringMatching(/^(text|application)\/javascript/),
      expect.stringMatching(/immutable/),
      expect.stringMatching(/Accept-Encoding/i),
    ]);
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
    expect(brotli.body.length).toBeLessThan(plain.body.length / 2);
    const gzip = await fetchRaw('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    // and the browser takes brotli
    const [script] = await Promise.all([
      app.page.waitForResponse((response) => new URL(response.url()).pathname === asset),
      app.page.goto(`${app.baseUrl}/masuk`),
    ]);
    expect(await script.headerValue('content-encoding')).toBe('br');
  });

  it('the sign-in page offers "Masuk dengan SSO" and "Lupa kata sandi?"; the e-mailed link\'s page sets a new password', async () => {
    const { page } = app;
    await page.goto(`${app.baseUrl}/masuk`);
    const sso = page.getByRole('link', { name: 'Masuk dengan SSO' });
    await sso.waitFor();
    expect(await sso.getAttribute('href')).toBe('/api/auth/oidc/login');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.getByLabel('Nama pengguna atau e-mail').fill('kaltim.drafter');
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.getByTestId('reset-requested').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    // the token the worker makes when it sends the e-mail, stored as it stores it (the e-mail itself: email.e2e-spec)
    const token = randomBytes(32).toString('base64url');
    const [, updated] = await app.t.dataSource.query(
      `UPDATE password_resets SET token_hash = $1 WHERE user_id = (SELECT id FROM users WHERE username = 'kaltim.drafter') AND used_at IS NULL AND expires_at > now()`,
      [createHash('sha256').update(token).digest('hex')],
    );
    expect(updated).toBe(1);
    await page.goto(`${app.baseUrl}/atur-kata-sandi?token=${token}`);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('sandi-baru-dari-tautan');
    await page.getByLabel('Ulangi kata sandi baru').fill('sandi-baru-dari-tautan');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await page.getByTestId('password-reset-done').waitFor();
    await screenshot(page, 'atur-kata-sandi');
    const signedIn = await app.t.http.post('/api/auth/login').send({ username: 'kaltim.drafter', password: 'sandi-baru-dari-tautan' });
    expect(signedIn.status).toBe(200);
  });
});

describe.each([
  ['desktop', 1280],
  ['360px', 360],
])('web app in the browser (%s)', (label, width) => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startBrowserApp({ width, height: 800 });
  });
  afterAll(() => app?.close());

  it('the sign-in page has labelled fields, refuses a wrong password with a clear message, and passes axe', async () => {
    const { page } = app;
    await page.goto(app.baseUrl);
    await page.getByRole('heading', { name: 'Masuk ke alur' }).waitFor(); // visible
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `${label}-masuk`);
    await page.getByLabel('Nama pengguna').fill('kaltim.drafter');
    await page.getByLabel('Kata sandi').fill('salah-sandi');
    await page.keyboard.press('Enter'); // keyboard only
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Nama pengguna atau kata sandi salah.');
    expect(await page.getByRole('button', { name: 'Keluar' }).count()).toBe(0);
  });

  it('a throttled sign-in (429) says so in Indonesian, with how long to wait', async () => {
    // the API's own limiter counts this address and username up to its limit (as many failed attempts would)
    const limiter = app.t.app.get(LoginRateLimiter);
    const username = `tertahan.${label === 'desktop' ? 'lebar' : 'sempit'}`;
    for (let i = 0; i < Number(app.t.env.LOGIN_THROTTLE_LIMIT); i += 100) {
      await Promise.all(Array.from({ length: 100 }, () => limiter.hit('127.0.0.1', username)));
    }
    const { page } = app;
    await page.goto(app.baseUrl);
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi').fill('salah-sandi');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(
      /^Terlalu banyak percobaan masuk\. Demi keamanan, percobaan masuk ditahan sementara\. Coba lagi dalam \d+ (menit|detik)\.$/,
    );
  });

  it('signs in, shows the inbox, and "Keluar" ends the session on the server', async () => {
    const { page, context } = app;
    await signIn(app, 'kaltim.drafter');
    await page.getByRole('heading', { name: 'Kotak Masuk' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'alur_session')!;
    expect(session.httpOnly).toBe(true);
    expect(session.sameSite).toBe('Strict');
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    expect((await context.cookies()).find((c) => c.name === 'alur_session')).toBeUndefined();
    const reuse = await app.t.http.get('/api/me').set('Cookie', `alur_session=${session.value}`);
    expect(reuse.status).toBe(401);
  });

  it('a drafter who opens another government\'s document URL sees "Tidak ditemukan"', async () => {
    const paserDoc = await createQuickWin(app.t, 'paser.drafter');
    await signIn(app, 'kaltim.drafter', `/quick-wins/${paserDoc.id}`);
    await page().getByRole('heading', { name: 'Tidak ditemukan' }).waitFor();
    expect(await page().getByText('Tidak ditemukan.').count()).toBe(1);
    expect(await seriousA11yViolations(page())).toEqual([]);
    await screenshot(page(), `${label}-tidak-ditemukan`);
    // an ADMIN's list the API refuses her (403) is a message, not a blank page
    await page().goto(`${app.baseUrl}/pegawai`);
    await page().getByRole('alert').filter({ hasText: 'Tidak berwenang untuk melakukan tindakan ini.' }).waitFor();
    expect(await page().getByRole('button', { name: 'Coba lagi' }).count()).toBe(0);
  });

  it('an action whose answer is lost on the way is sent again safely: carried out once, and the page says what happened', async () => {
    const doc = await createQuickWin(app.t, 'kaltim.drafter');
    await signIn(app, 'kaltim.drafter', `/quick-wins/${doc.id}`);
    await page().locator('[data-action="SUBMIT"]').click();
    const dialog = page().getByRole('dialog');
    const actions = '**/api/quick-wins/*/actions';
    const sendings = () => page().waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/actions'));
    const claimed = async (key: string) => (await app.t.dataSource.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key])).length === 1;

    // the first sending reaches the API, which is still carrying it out (another transaction holds the
    // document) when the browser loses the connection
    const holder = app.t.dataSource.createQueryRunner();
    await holder.startTransaction();
    await holder.query('SELECT 1 FROM documents WHERE id = $1 FOR UPDATE', [doc.id]);
    const firstKey = sendings().then((request) => request.headers()['idempotency-key']);
    let carriedOut: Promise<unknown> | undefined;
    await page().route(actions, async (route) => {
      carriedOut = route.fetch();
      for (let i = 0; !(await claimed(await firstKey)); i++) {
        if (i === 400) throw new Error('the first sending never reached the API');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await route.abort('connectionreset');
    });
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Tidak dapat menghubungi server.' }).waitFor();
    await page().unroute(actions);
    expect(await firstKey).toMatch(/^[0-9a-f]{32}$/);

    // sent again while the first is still being carried out: the page says so, and nothing is done twice
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Tindakan yang Anda kirim sebelumnya masih diproses.' }).waitFor();
    await holder.commitTransaction();
    await holder.release();
    await carriedOut;
    expect((await historyOf(app.t, doc.id)).entries.map((e) => e.action)).toEqual(['CREATE', 'SUBMIT']);

    // sent again once it is done: the first answer comes back, not "changed by someone else"
    const retry = sendings();
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await page().getByRole('status').filter({ hasText: 'Ajukan: berhasil.' }).waitFor();
    expect((await retry).headers()['idempotency-key']).toBe(await firstKey);
    expect((await historyOf(app.t, doc.id)).entries.map((e) => e.action)).toEqual(['CREATE', 'SUBMIT']);

    // a new opening of the dialog is a new intention, with a key of its own
    await page().locator('[data-action="WITHDRAW"]').click();
    const withdrawal = sendings();
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    expect((await withdrawal).headers()['idempotency-key']).not.toBe(await firstKey);
    await page().getByRole('status').filter({ hasText: 'Tarik Usulan: berhasil.' }).waitFor();
  });

  it("after an action the page shows the document's new stage and buttons from the action's answer, before its reload", async () => {
    const doc = await createQuickWin(app.t, 'kaltim.drafter');
    await signIn(app, 'kaltim.drafter', `/quick-wins/${doc.id}`);
    await page().getByRole('heading', { name: 'Tahap: Penyusunan Draf' }).waitFor();
    // the reload that follows the action is held: what the page shows next comes from the action's answer alone
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const passed: Array<Promise<void>> = [];
    await page().route(`**/api/quick-wins/${doc.id}`, (route) => {
      passed.push(held.then(() => route.continue()));
    });
    await page().locator('[data-action="SUBMIT"]').click();
    await page().getByRole('dialog').getByRole('button', { name: 'Kirim' }).click();
    await page().getByRole('status').filter({ hasText: 'Ajukan: berhasil.' }).waitFor();
    await page().getByRole('heading', { name: 'Tahap: Persetujuan Kepala Perangkat Daerah' }).waitFor({ timeout: 2000 });
    await expect(page().locator('[data-action="SUBMIT"]').count()).resolves.toBe(0);
    await expect(page().locator('[data-action="WITHDRAW"]').count()).resolves.toBe(1);
    release();
    await Promise.all(passed);
    await page().unroute(`**/api/quick-wins/${doc.id}`);
    await page().getByText('Penyusunan Draf → Persetujuan Kepala Perangkat Daerah').waitFor();
  });

  it('a draft whose answer is lost on the way is made once when "Simpan" is pressed again', async () => {
    const title = `Tata Naskah Dinas Elektronik ${label}`;
    await signIn(app, 'kaltim.drafter', '/regulations/baru');
    await page().getByLabel('Judul (setelah "tentang")').fill(title);
    await page().getByLabel('Dasar hukum (satu per baris)').fill('Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah');
    await page().getByLabel('Batang tubuh').fill('Pasal 1\nTata naskah dinas dilaksanakan secara elektronik.');
    const keys: string[] = [];
    await page().route('**/api/regulations', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      await route.fetch(); // the API makes the draft; its answer never reaches the browser
      await route.abort('connectionreset');
    });
    await page().getByRole('button', { name: 'Simpan' }).click();
    await page().getByRole('alert').filter({ hasText: 'Tidak dapat menghubungi server.' }).waitFor();
    await page().unroute('**/api/regulations');
    const resent = page().waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/api/regulations'));
    await page().getByRole('button', { name: 'Simpan' }).click();
    await page().getByRole('heading', { name: title, level: 1 }).waitFor();
    expect((await resent).headers()['idempotency-key']).toBe(keys[0]);
    expect(keys).toHaveLength(1);
    expect(await app.t.dataSource.query('SELECT count(*)::int AS n FROM documents WHERE title = $1', [title])).toEqual([{ n: 1 }]);
  });

  it("the inbox narrows its tasks by title words, kind, stage and lateness, counts them, and says when nothing matches", async () => {
    const name = (n: string) => `Kotak ${label} ${n}`;
    const one = await createQuickWin(app.t, 'kaltim.drafter', { title: name('satu') });
    const two = await createQuickWin(app.t, 'kaltim.drafter', { title: name('dua') });
    const three = await createRegulation(app.t, 'kaltim.drafter', { title: name('tiga') });
    for (const [kind, id] of [['quick-wins', one.id], ['quick-wins', two.id], ['regulations', three.id]] as const) {
      expect((await act(app.t, kind, id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    }
    await app.t.dataSource.query(`UPDATE deadlines SET due_at = now() - interval '2 days' WHERE document_id = $1 AND status = 'PENDING'`, [two.id]);

    await signIn(app, 'kaltim.kadis', '/');
    await page().getByTestId('task').first().waitFor();
    const filters = page().locator('form.filters');
    const shown = async () => (await page().getByTestId('task').locator('a.title').allTextContents()).sort();
    // every stage a Kepala OPD acts in (GET /api/workflows), also those where no task of theirs waits now
    const stagesOffered = () => filters.getByLabel('Tahap').locator('option').allTextContents();
    const parafKoordinasi = filters.getByLabel('Tahap').locator('option', { hasText: 'Paraf Koordinasi Perangkat Daerah Terkait' });
    const headStages = ['Semua', 'Persetujuan Kepala Perangkat Daerah', 'Pelaksanaan dan Laporan Kemajuan', 'Paraf Koordinasi Perangkat Daerah Terkait'];
    await parafKoordinasi.waitFor({ state: 'attached' });
    await expect(stagesOffered()).resolves.toEqual(headStages);
    await filters.getByLabel('Jenis').selectOption({ label: 'Quick Win' }); // a regulation's stage is not offered then
    await parafKoordinasi.waitFor({ state: 'detached' });
    await expect(stagesOffered()).resolves.toEqual(['Semua', 'Persetujuan Kepala Perangkat Daerah', 'Pelaksanaan dan Laporan Kemajuan']);
    await filters.getByLabel('Jenis').selectOption({ label: 'Semua' });
    await parafKoordinasi.waitFor({ state: 'attached' });
    await expect(stagesOffered()).resolves.toEqual(headStages);
    await page().getByRole('link', { name: name('tiga') }).waitFor(); // the API's answer for every kind is back
    await filters.getByLabel('Cari judul').fill(`kotak ${label.toUpperCase()}`); // every word, in any case
    await expect(shown()).resolves.toEqual([name('dua'), name('satu'), name('tiga')]);
    // how many, and how many of them late, said as the list changes
    await page().getByRole('status').filter({ hasText: /^3 tugas sesuai saringan, 1 terlambat$/ }).waitFor();
    await filters.getByLabel('Cari judul').fill(`tiga kotak`);
    await expect(shown()).resolves.toEqual([name('tiga')]);
    await filters.getByLabel('Cari judul').fill(`Kotak ${label}`);
    await filters.getByLabel('Jenis').selectOption({ label: 'Quick Win' });
    await expect(shown()).resolves.toEqual([name('dua'), name('satu')]);
    await filters.getByLabel('Hanya yang terlambat').check();
    await expect(shown()).resolves.toEqual([name('dua')]);
    await page().getByRole('status').filter({ hasText: /^1 tugas sesuai saringan, 1 terlambat$/ }).waitFor();
    await filters.getByLabel('Hanya yang terlambat').uncheck();
    await filters.getByLabel('Jenis').selectOption({ label: 'Semua' });
    await filters.getByLabel('Tahap').selectOption({ label: 'Persetujuan Kepala Perangkat Daerah' });
    // the API answers for the kind and the stage: the count says when the regulation is back
    await page().getByRole('status').filter({ hasText: /^3 tugas sesuai saringan, 1 terlambat$/ }).waitFor();
    await expect(shown()).resolves.toEqual([name('dua'), name('satu'), name('tiga')]);
    expect([label, await seriousA11yViolations(page())]).toEqual([label, []]);
    await filters.getByLabel('Cari judul').fill('judul yang tidak ada');
    await page().getByText('Tidak ada tugas yang sesuai dengan saringan.').waitFor();
    expect(await page().getByTestId('task').count()).toBe(0);
  });

  it('an inbox of more than 200 tasks loads the next ones when asked, and asks the API for a kind and for title words beyond those loaded', async () => {
    const drafter = `berau.penyusun.halaman.${label}`;
    await addUser(app.t, { username: drafter, governmentCode: 'berau', unitCode: `halaman-${width}`, roles: ['DRAFTER'] });
    const title = (i: number) => `Halaman ${label} nomor ${i}`;
    for (let from = 0; from < 205; from += 25) {
      await Promise.all(Array.from({ length: 25 }, (_, k) => from + k).filter((i) => i < 205).map((i) => createQuickWin(app.t, drafter, { title: title(i) })));
    }
    const regulation = `Halaman ${label} rancangan terakhir`;
    await createRegulation(app.t, drafter, { title: regulation }); // made last: beyond the first 200 drafts

    await signIn(app, drafter, '/');
    const cards = page().getByTestId('task');
    const more = page().getByRole('button', { name: 'Muat tugas berikutnya' });
    await more.waitFor();
    expect(await cards.count()).toBe(200);
    await page().getByText('Baru 200 tugas dengan batas waktu terdekat yang dimuat.').waitFor();
    await page().getByRole('status').filter({ hasText: /^200 tugas$/ }).waitFor();
    // a kind is asked of the API: the regulation, not among the 200 loaded, is found
    const kindFilter = page().locator('form.filters').getByLabel('Jenis');
    await kindFilter.selectOption({ label: 'Rancangan Peraturan' });
    await page().getByRole('link', { name: regulation, exact: true }).waitFor();
    await page().getByRole('status').filter({ hasText: /^1 tugas sesuai saringan$/ }).waitFor();
    expect(await more.count()).toBe(0);
    await kindFilter.selectOption({ label: 'Semua' });
    await more.waitFor();
    expect(await cards.count()).toBe(200);
    // a draft made last is not among the first 200 (drafts wait in the order they were made): the title search asks the API
    const search = page().locator('form.filters').getByLabel('Cari judul');
    const loaded = new Set(await cards.locator('a.title').allTextContents());
    const missing = Array.from({ length: 205 }, (_, i) => i).filter((i) => !loaded.has(title(i)));
    expect(missing).toHaveLength(5);
    await search.fill(`nomor ${missing[0]} ${label}`);
    await page().getByRole('link', { name: title(missing[0]), exact: true }).waitFor();
    await page().getByRole('status').filter({ hasText: /^1 tugas sesuai saringan$/ }).waitFor();
    expect(await more.count()).toBe(0);
    // words longer than the API takes filter only what is loaded, and the page says so
    await search.fill('x'.repeat(201));
    await page().getByText('Tidak ada tugas yang sesuai dengan saringan di antara tugas yang sudah dimuat.').waitFor();
    await page().getByText('Baru 200 tugas dengan batas waktu terdekat yang dimuat; pencarian judul sepanjang ini hanya berlaku pada yang sudah dimuat.').waitFor();
    await screenshot(page(), `${label}-kotak-masuk-berikutnya`);
    // axe here, where the note, the button and the empty list show (over 200 cards it takes seconds and finds nothing new)
    expect([label, await seriousA11yViolations(page())]).toEqual([label, []]);
    await search.fill('');
    await page().getByRole('status').filter({ hasText: /^200 tugas$/ }).waitFor();
    await more.click();
    await page().getByRole('status').filter({ hasText: /^206 tugas$/ }).waitFor();
    // the focus goes to the first new task (the button it was on is gone: nothing more to load)
    const firstNew = await cards.nth(200).locator('a.title').textContent();
    expect(missing.map(title)).toContain(firstNew);
    await page().waitForFunction(`document.activeElement?.textContent === ${JSON.stringify(firstNew)}`);
    expect(await more.count()).toBe(0);
    expect(await cards.count()).toBe(206);
    // words in the titles of more than 5,000 documents waiting in the inbox's stages are refused: the page asks for more
    await app.t.dataSource.query(
      `INSERT INTO documents (kind, government_id, unit_id, created_by, title, year, content, content_hash, state, final, created_at, updated_at)
       SELECT kind, government_id, unit_id, created_by, 'Arsip luas ' || i, year, content, content_hash, state, final, now(), now()
         FROM documents, generate_series(1, 5001) i WHERE title = $1`,
      [title(0)],
    );
    await search.fill('luas');
    await page().getByRole('alert').filter({ hasText: 'Terlalu banyak judul memuat kata itu. Tambahkan kata lain, atau saring menurut jenis, tahap atau unit kerja.' }).waitFor();
  });

  it("a task card names the drafting unit, and a Biro's inbox narrows its tasks by unit", async () => {
    const drafter = `kaltim.penyusun.insp.${label}`;
    const head = `kaltim.kepala.insp.${label}`;
    await addUser(app.t, { username: drafter, governmentCode: 'kaltim', unitCode: 'inspektorat', roles: ['DRAFTER'] });
    await addUser(app.t, { username: head, governmentCode: 'kaltim', unitCode: 'inspektorat', roles: ['UNIT_HEAD'] });
    const ours = await createQuickWin(app.t, 'kaltim.drafter', { title: `Unit ${label} kominfo` });
    const theirs = await createQuickWin(app.t, drafter, { title: `Unit ${label} inspektorat` });
    for (const [id, by, endorser] of [[ours.id, 'kaltim.drafter', 'kaltim.kadis'], [theirs.id, drafter, head]] as const) {
      expect((await act(app.t, 'quick-wins', id, by, 'SUBMIT')).status).toBe(200);
      expect((await act(app.t, 'quick-wins', id, endorser, 'ENDORSE')).status).toBe(200);
    }

    await signIn(app, 'kaltim.organisasi', '/');
    const card = (title: string) => page().getByTestId('task').filter({ has: page().getByRole('link', { name: title }) });
    await card(`Unit ${label} kominfo`).getByText('Dinas Komunikasi dan Informatika', { exact: true }).waitFor();
    await card(`Unit ${label} inspektorat`).getByText('Inspektorat', { exact: true }).waitFor();
    const filters = page().locator('form.filters');
    await filters.getByLabel('Cari judul').fill(`Unit ${label}`);
    const shown = async () => (await page().getByTestId('task').locator('a.title').allTextContents()).sort();
    await expect(shown()).resolves.toEqual([`Unit ${label} inspektorat`, `Unit ${label} kominfo`]);
    // a Biro acts on every unit of its government: each is offered (GET /api/units), also one no task is from
    const unitsOffered = await filters.getByLabel('Unit kerja').locator('option').allTextContents();
    expect(unitsOffered).toEqual(expect.arrayContaining(['Semua', 'Biro Hukum', 'Biro Organisasi', 'Dinas Komunikasi dan Informatika', 'Inspektorat', 'Sekretariat Daerah']));
    expect(await filters.getByLabel('Tahap').locator('option').allTextContents()).toEqual(['Semua', 'Verifikasi oleh Biro/Bagian Organisasi']);
    // its tasks are all of its own government: no government to choose
    expect(await filters.getByLabel('Pemerintah daerah').count()).toBe(0);
    expect([label, await seriousA11yViolations(page())]).toEqual([label, []]);
    await screenshot(page(), `${label}-kotak-masuk-biro`);
    // the unit and the lateness are asked of the API, so they also find tasks beyond those loaded
    const asked = (wanted: Record<string, string>) =>
      page().waitForRequest((request) => {
        const url = new URL(request.url());
        return url.pathname === '/api/tasks' && Object.entries(wanted).every(([key, value]) => url.searchParams.get(key) === value);
      });
    const forUnit = asked({ governmentCode: 'kaltim', unitCode: 'inspektorat' });
    await filters.getByLabel('Unit kerja').selectOption({ label: 'Inspektorat' });
    await forUnit;
    await expect(shown()).resolves.toEqual([`Unit ${label} inspektorat`]);
    // the filters are the page's address: Back from a document opened in the inbox, or a reload, finds them again
    expect(Object.fromEntries(new URL(page().url()).searchParams)).toEqual({ q: `Unit ${label}`, governmentCode: 'kaltim', unitCode: 'inspektorat' });
    const keptFilters = async () => {
      await card(`Unit ${label} inspektorat`).waitFor();
      expect([await filters.getByLabel('Cari judul').inputValue(), await filters.getByLabel('Unit kerja').inputValue()]).toEqual([`Unit ${label}`, 'kaltim/inspektorat']);
      await expect(shown()).resolves.toEqual([`Unit ${label} inspektorat`]);
    };
    await page().getByRole('link', { name: `Unit ${label} inspektorat` }).click();
    await page().getByRole('heading', { name: `Unit ${label} inspektorat`, level: 1 }).waitFor();
    await page().goBack();
    await keptFilters();
    await page().reload();
    await keptFilters();
    const forLate = asked({ governmentCode: 'kaltim', unitCode: 'inspektorat', overdue: 'true' });
    await filters.getByLabel('Hanya yang terlambat').check();
    await forLate;
    // nothing of the Inspektorat is late: the page says the filters found nothing, not that nothing waits
    await page().getByText('Tidak ada tugas yang sesuai dengan saringan.').waitFor();
    expect(await page().getByText('Tidak ada tugas yang menunggu Anda.').count()).toBe(0);
    await filters.getByLabel('Hanya yang terlambat').uncheck();
    await filters.getByLabel('Unit kerja').selectOption({ label: 'Semua' });
    await page().getByRole('status').filter({ hasText: /^2 tugas sesuai saringan$/ }).waitFor();
    await expect(shown()).resolves.toEqual([`Unit ${label} inspektorat`, `Unit ${label} kominfo`]);
    // "Hapus saringan" where the filters find nothing, and where the API refuses a value of the address
    await filters.getByLabel('Cari judul').fill(`Unit ${label} tidak ada`);
    await page().getByRole('link', { name: 'Hapus saringan' }).click();
    await page().getByTestId('task').first().waitFor();
    expect([new URL(page().url()).search, await filters.getByLabel('Cari judul').inputValue(), await filters.getByLabel('Unit kerja').inputValue()]).toEqual(['', '', '']);
    await page().goto(`${app.baseUrl}/?kind=bukan-jenis`);
    await page().getByRole('alert').filter({ hasText: 'Saringan tidak dapat dipakai: periksa jenis, tahap, pemerintah daerah dan unit kerja pada alamat halaman ini.' }).waitFor();
    await page().getByRole('alert').getByRole('link', { name: 'Hapus saringan' }).click();
    await page().getByTestId('task').first().waitFor();
    // acted on from the filtered inbox, the document leads back to the inbox as it was filtered
    await filters.getByLabel('Unit kerja').selectOption({ label: 'Inspektorat' });
    await page().getByRole('link', { name: `Unit ${label} inspektorat` }).click();
    await page().locator('[data-action="VERIFY"]').click();
    await page().getByRole('dialog').getByRole('button', { name: 'Kirim' }).click();
    await page().getByRole('status').filter({ hasText: 'Verifikasi: berhasil.' }).getByRole('link', { name: 'Kembali ke Kotak Masuk' }).click();
    await page().getByRole('heading', { name: 'Kotak Masuk', level: 1 }).waitFor();
    expect([new URL(page().url()).searchParams.get('unitCode'), await filters.getByLabel('Unit kerja').inputValue()]).toEqual(['inspektorat', 'kaltim/inspektorat']);
    // the Inspektorat's one task here is verified: the inbox so filtered has nothing left
    await page().getByText('Tidak ada tugas yang sesuai dengan saringan.').waitFor();
  });

  it("a province's Biro Hukum narrows its inbox to a regency it facilitates, then to one of the regency's units", async () => {
    await regulationIn(app.t, 'paser', 'facilitation', { title: `Fasilitasi ${label} Paser` });
    await regulationIn(app.t, 'berau', 'facilitation', { title: `Fasilitasi ${label} Berau` });
    await signIn(app, 'kaltim.hukum', '/');
    const filters = page().locator('form.filters');
    const government = filters.getByLabel('Pemerintah daerah');
    const unit = filters.getByLabel('Unit kerja');
    const titles = async () => (await page().getByTestId('task').locator('a.title').allTextContents()).filter((title) => title.includes(`Fasilitasi ${label}`)).sort();
    const address = () => Object.fromEntries(new URL(page().url()).searchParams);
    const asked = (wanted: Record<string, string>) =>
      page().waitForRequest((request) => {
        const url = new URL(request.url());
        return url.pathname === '/api/tasks' && JSON.stringify(Object.fromEntries([...url.searchParams].filter(([key]) => key !== 'limit'))) === JSON.stringify(wanted);
      });
    await page().getByRole('link', { name: `Fasilitasi ${label} Berau` }).waitFor();
    await expect(titles()).resolves.toEqual([`Fasilitasi ${label} Berau`, `Fasilitasi ${label} Paser`]);
    // its own government, then the regencies and cities it facilitates (the API's answer names them)
    expect(await government.locator('option').allTextContents()).toEqual(['Semua', 'Pemerintah Provinsi Kalimantan Timur', 'Pemerintah Kabupaten Berau', 'Pemerintah Kabupaten Paser']);
    const forPaser = asked({ governmentCode: 'paser' });
    await government.selectOption({ label: 'Pemerintah Kabupaten Paser' });
    await forPaser;
    await expect(titles()).resolves.toEqual([`Fasilitasi ${label} Paser`]);
    expect(address()).toEqual({ governmentCode: 'paser' });
    // every task shown is the regency's: its card names the regency after the unit
    const places = await page().getByTestId('task').locator('p.meta:first-of-type').allTextContents();
    expect(places.filter((place) => !place.endsWith(', Pemerintah Kabupaten Paser'))).toEqual([]);
    // "Unit kerja" now offers the regency's units (GET /api/units?governmentCode=paser), also those no task is from
    await unit.locator('option', { hasText: 'Bagian Organisasi' }).waitFor({ state: 'attached' });
    expect(await unit.locator('option').allTextContents()).toEqual(['Semua', 'Bagian Hukum', 'Bagian Organisasi', 'Dinas Komunikasi, Informatika, Statistik dan Persandian', 'Inspektorat', 'Sekretariat Daerah']);
    expect([label, await seriousA11yViolations(page())]).toEqual([label, []]);
    await screenshot(page(), `${label}-kotak-masuk-kabupaten`);
    const forUnit = asked({ governmentCode: 'paser', unitCode: 'diskominfo' });
    await unit.selectOption({ label: 'Dinas Komunikasi, Informatika, Statistik dan Persandian' });
    await forUnit;
    expect(address()).toEqual({ governmentCode: 'paser', unitCode: 'diskominfo' });
    await expect(titles()).resolves.toEqual([`Fasilitasi ${label} Paser`]);
    // no unit keeps the regency chosen; no government shows every task again
    await unit.selectOption({ label: 'Semua' });
    await page().waitForURL((url) => !url.searchParams.has('unitCode'));
    expect([address(), await government.inputValue()]).toEqual([{ governmentCode: 'paser' }, 'paser']);
    await government.selectOption({ label: 'Semua' });
    await page().waitForURL((url) => url.search === '');
    await page().getByRole('link', { name: `Fasilitasi ${label} Berau` }).waitFor();
    await expect(titles()).resolves.toEqual([`Fasilitasi ${label} Berau`, `Fasilitasi ${label} Paser`]);
  });

  it('Pemberitahuan pages through older ones, shows only the unread, marks read all it showed (not one that came later) and what is opened', async () => {
    const username = `kaltim.pembaca.${label}`;
    await addUser(app.t, { username, governmentCode: 'kaltim', unitCode: 'diskominfo', roles: ['DRAFTER'] });
    const arrive = (from: number, to: number) =>
      app.t.dataSource.query(
        `INSERT INTO notifications (user_id, type, document_kind, document_id, title, message, dedup_key, created_at)
         SELECT u.id, 'WEEKLY_DIGEST', NULL, NULL, 'Ringkasan ' || i, 'Isi ringkasan ' || i, 'uji-halaman:' || u.id || ':' || i, now() - make_interval(mins => 100 - i)
           FROM users u, generate_series($2::int, $3::int) i WHERE u.username = $1`,
        [username, from, to],
      );
    await arrive(1, 52); // "Ringkasan 52" the newest; the two oldest read already
    await app.t.dataSource.query(`UPDATE notifications SET read_at = now() WHERE title IN ('Ringkasan 1', 'Ringkasan 2') AND dedup_key LIKE 'uji-halaman:%'`);
    const titles = () => page().locator('ul.cards .title').allTextContents();

    await signIn(app, username, '/pemberitahuan');
    await page().getByText('50 belum dibaca').waitFor();
    const first = await titles();
    expect([first.length, first[0], first[49]]).toEqual([50, 'Ringkasan 52', 'Ringkasan 3']);
    await page().getByRole('button', { name: 'Berikutnya' }).click();
    await page().getByText('Halaman 2 dari 2').waitFor();
    await page().getByText('Ringkasan 1', { exact: true }).waitFor(); // the second page has arrived
    await expect(titles()).resolves.toEqual(['Ringkasan 2', 'Ringkasan 1']);
    expect(await page().getByRole('button', { name: 'Tandai semua sudah dibaca' }).count()).toBe(0); // only where the newest are shown
    await page().getByRole('button', { name: 'Sebelumnya' }).click();
    await page().getByText('Halaman 1 dari 2').waitFor();
    await page().getByText('Ringkasan 52', { exact: true }).waitFor();

    // one arrives after the page was shown, before the API marks: it stays unread
    await page().route('**/api/notifications/read', async (route) => {
      await arrive(53, 53);
      await route.continue();
    });
    await page().getByRole('button', { name: 'Tandai semua sudah dibaca' }).click();
    await page().getByText('1 belum dibaca').waitFor();
    await page().unroute('**/api/notifications/read');
    await page().getByLabel('Hanya yang belum dibaca').check();
    await page().waitForURL(/\/pemberitahuan\?unread=true$/);
    await page().getByText('Ringkasan 52', { exact: true }).waitFor({ state: 'detached' });
    await expect(titles()).resolves.toEqual(['Ringkasan 53']);
    expect([label, await seriousA11yViolations(page())]).toEqual([label, []]);
    await screenshot(page(), `${label}-pemberitahuan-belum-dibaca`);
    await page().getByRole('button', { name: 'Tandai sudah dibaca' }).click();
    await page().getByText('Tidak ada pemberitahuan yang belum dibaca.').waitFor();

    // following a notification's link reads it
    await app.t.dataSource.query(
      `INSERT INTO notifications (user_id, type, document_kind, document_id, title, message, dedup_key)
       SELECT id, 'DELEGATION_GRANTED', NULL, NULL, 'Anda ditunjuk sebagai Plh', 'Yth. Bapak/Ibu, ...', 'uji-buka:' || id FROM users WHERE username = $1`,
      [username],
    );
    await page().goto(`${app.baseUrl}/pemberitahuan`);
    const read = page().waitForResponse((response) => response.request().method() === 'POST' && response.url().endsWith('/read'));
    await page().getByRole('link', { name: 'Anda ditunjuk sebagai Plh' }).click();
    await page().getByRole('heading', { name: 'Pendelegasian', level: 1 }).waitFor();
    expect((await read).status()).toBe(200);
    const [stored] = await app.t.dataSource.query(`SELECT read_at FROM notifications WHERE dedup_key LIKE 'uji-buka:%' AND title = 'Anda ditunjuk sebagai Plh' AND user_id = (SELECT id FROM users WHERE username = $1)`, [username]);
    expect(stored.read_at).not.toBeNull();
  });

  it('each page names itself in the tab, and a link opens the next page at its top with the focus at its start', async () => {
    await signIn(app, 'kaltim.admin', '/pegawai');
    await page().getByTestId('person').first().waitFor();
    await expect(page().title()).resolves.toBe('Pegawai · alur');
    const last = page().getByTestId('person').last().getByRole('link');
    const name = (await last.textContent())!;
    await last.scrollIntoViewIfNeeded();
    expect(await page().evaluate<number>('scrollY')).toBeGreaterThan(0);
    await last.click();
    await page().getByRole('heading', { name, level: 1 }).waitFor();
    expect(await page().evaluate('[scrollY, document.activeElement?.id]')).toEqual([0, 'isi']);
    await expect(page().title()).resolves.toBe(`${name} · alur`);
    // Tab goes on from the start of the new page's content, not from the link left behind
    await page().keyboard.press('Tab');
    expect(await page().evaluate("document.querySelector('main').contains(document.activeElement)")).toBe(true);

    // another page of the same list starts at its top too, but the focus stays on the button pressed
    await page().goto(`${app.baseUrl}/pegawai`);
    const next = page().getByRole('button', { name: 'Berikutnya' });
    await next.scrollIntoViewIfNeeded();
    await next.click();
    await page().getByText('Halaman 2 dari 3', { exact: true }).waitFor();
    expect(await page().evaluate('[scrollY, document.activeElement?.textContent]')).toEqual([0, 'Berikutnya']);
  });

  it('a document prints as its content and history, without the menu, buttons or diagram ("Cetak")', async () => {
    const doc = await createQuickWin(app.t, 'kaltim.drafter', { title: `Dicetak ${label}` });
    expect((await act(app.t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    await signIn(app, 'kaltim.kadis', `/quick-wins/${doc.id}`);
    await page().locator('[data-action="ENDORSE"]').waitFor();
    await page().evaluate('window.printed = 0; window.print = () => { window.printed += 1; }'); // counts instead of printing
    await page().getByRole('button', { name: 'Cetak' }).click();
    expect(await page().evaluate('window.printed')).toBe(1);

    await page().emulateMedia({ media: 'print' });
    try {
      const visible = (locator: ReturnType<BrowserApp['page']['locator']>) => locator.isVisible();
      expect(
        await Promise.all([
          visible(page().getByRole('heading', { name: `Dicetak ${label}`, level: 1 })),
          visible(page().getByRole('heading', { name: 'Isian' })),
          visible(page().getByRole('heading', { name: 'Riwayat' })),
          visible(page().locator('header.top')),
          visible(page().locator('[data-action="ENDORSE"]')),
          visible(page().getByRole('button', { name: 'Cetak' })),
          visible(page().getByRole('heading', { name: 'Alur kerja' })),
        ]),
      ).toEqual([true, true, true, false, false, false, false]);
      await screenshot(page(), `${label}-dokumen-dicetak`);
    } finally {
      await page().emulateMedia({ media: 'screen' });
    }
  });

  it('lists filter by title words, stage, unit and year and page through the API; empty and refused filters say so', async () => {
    const year = 2031;
    const docs = [];
    for (let i = 1; i <= 21; i += 7) {
      docs.push(...(await Promise.all(Array.from({ length: 7 }, (_, j) => createQuickWin(app.t, 'kaltim.drafter', { title: `Daftar ${year} nomor ${String(i + j).padStart(2, '0')}`, year })))));
    }
    expect((await act(app.t, 'quick-wins', docs[0]!.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);

    await signIn(app, 'kaltim.drafter', '/quick-wins');
    await page().getByRole('heading', { name: 'Quick Win', level: 1 }).waitFor();
    const filters = page().getByRole('form', { name: 'Saring Quick Win' });
    await filters.getByLabel('Tahun').fill(String(year));
    await filters.getByRole('button', { name: 'Terapkan' }).click();
    await page().getByRole('status').filter({ hasText: /^21 Quick Win sesuai saringan$/ }).waitFor();
    const cards = page().getByRole('list', { name: 'Daftar Quick Win' }).getByRole('listitem');
    expect(await cards.count()).toBe(20);
    await expect(cards.first().getByText('Dinas Komunikasi dan Informatika', { exact: true }).count()).resolves.toBe(1);
    // the unit filter offers the government's units by name, not codes to be typed
    await expect(filters.getByLabel('Unit kerja').locator('option').allTextContents()).resolves.toEqual([
      'Semua', 'Biro Hukum', 'Biro Organisasi', 'Dinas Komunikasi dan Informatika', 'Inspektorat', 'Sekretariat Daerah',
    ]);
    await page().getByText('Halaman 1 dari 2').waitFor();
    expect([label, await seriousA11yViolations(page())]).toEqual([label, []]);
    expect(await unevenFilterControls(page())).toEqual([]);
    await screenshot(page(), `${label}-daftar-quick-win`);
    await page().getByRole('button', { name: 'Berikutnya' }).click();
    await page().getByText('Halaman 2 dari 2').waitFor();
    expect(new URL(page().url()).searchParams.get('page')).toBe('2');
    expect(await cards.count()).toBe(1);

    // by title words, in any case
    await filters.getByLabel('Cari judul').fill('NOMOR 07');
    await filters.getByRole('button', { name: 'Terapkan' }).click();
    await page().getByRole('status').filter({ hasText: /^1 Quick Win sesuai saringan$/ }).waitFor();
    await expect(cards.textContent()).resolves.toContain(`Daftar ${year} nomor 07`);
    expect(new URL(page().url()).searchParams.get('q')).toBe('NOMOR 07');
    await filters.getByLabel('Cari judul').fill('');

    // by stage: only the submitted one
    await filters.getByLabel('Tahap').selectOption({ label: 'Persetujuan Kepala Perangkat Daerah' });
    await filters.getByRole('button', { name: 'Terapkan' }).click();
    await cards.filter({ hasText: `Daftar ${year} nomor 01` }).waitFor(); // the title search's one card was also one
    await page().getByRole('status').filter({ hasText: /^1 Quick Win sesuai saringan$/ }).waitFor();
    expect(await cards.count()).toBe(1);

    // a unit with nothing: the empty state, and the way back
    await filters.getByLabel('Unit kerja').selectOption({ label: 'Inspektorat' });
    await filters.getByRole('button', { name: 'Terapkan' }).click();
    await page().getByText('Tidak ada Quick Win yang sesuai dengan saringan.').waitFor();
    expect(new URL(page().url()).searchParams.get('unitCode')).toBe('inspektorat');
    await page().getByRole('link', { name: 'Hapus saringan' }).click();
    await page().getByRole('status').filter({ hasText: /^\d+ Quick Win$/ }).waitFor();

    // a filter the API refuses (a year of two digits, typed into the URL) is a message, not a blank page
    await page().goto(`${app.baseUrl}/regulations?year=99`);
    await page().getByRole('alert').filter({ hasText: 'Saringan tidak dapat dipakai' }).waitFor();
    await page().goto(`${app.baseUrl}/regulations?year=2099`);
    await page().getByText('Tidak ada Rancangan Peraturan yang sesuai dengan saringan.').waitFor();
    expect([label, await seriousA11yViolations(page())]).toEqual([label, []]);
  });

  it('Laporan: the Sekda reads each report as bars with a table, filters it, and meets empty and refused filters; a drafter has no entry and is refused', async () => {
    // an open Quick Win in kaltim's diskominfo, and a weekly digest (about no document) for the Sekda
    const doc = await createQuickWin(app.t, 'kaltim.drafter', { title: `Laporan ${label}` });
    expect((await act(app.t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    const late = await createQuickWin(app.t, 'kaltim.drafter', { title: `Laporan terlambat ${label}` });
    expect((await act(app.t, 'quick-wins', late.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    await app.t.dataSource.query(`UPDATE deadlines SET due_at = now() - interval '5 days' WHERE document_id = $1 AND status = 'PENDING'`, [late.id]);
    const digest = `Ringkasan mingguan uji ${label}`;
    await app.t.dataSource.query(
      `INSERT INTO notifications (user_id, type, document_kind, document_id, title, message, dedup_key)
       SELECT id, 'WEEKLY_DIGEST', NULL, NULL, $1, 'Yth. Sekda,\nberikut ringkasan alur.', $2 FROM users WHERE username = 'kaltim.sekda'`,
      [digest, `digest:uji:${label}`],
    );

    await signIn(app, 'kaltim.sekda', '/pemberitahuan');
    await page().getByText(digest).waitFor(); // shown as text: it links to no document
    expect(await page().getByRole('link', { name: digest }).count()).toBe(0);
    await page().getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Laporan' }).click();
    await page().getByRole('heading', { name: 'Tahap berjalan', level: 2 }).waitFor();
    const chart = page().getByRole('figure', { name: 'Tahap berjalan menurut batas waktu' });
    await chart.waitFor();
    await expect(chart.textContent()).resolves.toMatch(/Quick Win: Persetujuan Kepala Perangkat Daerah.*Tepat waktu \d+.*Terlambat [1-9]/);
    const table = page().getByRole('table', { name: 'Tahap berjalan per unit kerja' });
    await expect(table.textContent()).resolves.toContain('Dinas Komunikasi dan Informatika');
    const mostOverdue = page().getByRole('table', { name: 'Dokumen paling terlambat' });
    await mostOverdue.getByRole('link', { name: `Laporan terlambat ${label}` }).waitFor();
    await expect(mostOverdue.textContent()).resolves.toContain('Kepala Perangkat Daerah');
    expect([label, await seriousA11yViolations(page())]).toEqual([label, []]);
    // on a phone each row is a card: no report table scrolls sideways
    expect(await tablesOverflowingSideways(page())).toEqual([]);
    expect(await unevenFilterControls(page())).toEqual([]);
    await screenshot(page(), `${label}-laporan`);

    const tabs = page().getByRole('navigation', { name: 'Jenis laporan' });
    for (const [tab, figure] of [
      ['Masuk dan selesai', 'Dokumen diajukan dan selesai per minggu'],
      ['Beban kerja', 'Tugas terbuka per orang'],
      ['Quick Win per area', 'Quick Win per area dan tema'],
    ]) {
      await tabs.getByRole('link', { name: tab }).click();
      await page().getByRole('figure', { name: figure }).waitFor();
    }
    expect([label, await seriousA11yViolations(page())]).toEqual([label, []]);
    await tabs.getByRole('link', { name: 'Waktu per tahap' }).click();
    await page().locator('figure.chart, [data-testid="report-empty"]').first().waitFor();

    // a year with nothing: the empty state; the downloads carry the same filters
    await tabs.getByRole('link', { name: 'Masuk dan selesai' }).click();
    // this week's submissions, the week said by its Monday and number, not as 2026-W49
    const weeks = page().getByRole('table', { name: 'Masuk dan selesai per minggu dan jenis' });
    await expect(weeks.getByRole('rowheader').first().textContent()).resolves.toMatch(/^\d{1,2} \p{L}+ \d{4} \(minggu ke-\d{1,2}( tahun \d{4})?\)$/u);
    await expect(weeks.textContent()).resolves.not.toMatch(/\d{4}-W\d{2}/);
    expect(await tablesOverflowingSideways(page())).toEqual([]);
    await screenshot(page(), `${label}-laporan-masuk-selesai`);
    const filters = page().getByRole('form', { name: 'Saring laporan Masuk dan selesai' });
    await filters.getByLabel('Tahun').fill('2001');
    await filters.getByLabel('Unit kerja').selectOption({ label: 'Dinas Komunikasi dan Informatika' }); // by name, not a code to type
    // a date field says its day in words (an English browser shows 01/01/2001), before and after the filter applies
    const from = filters.getByLabel('Dari tanggal');
    await from.fill('2001-01-01');
    await expect(from.getAttribute('aria-describedby').then((id) => page().locator(`#${id}`).textContent())).resolves.toBe('Senin, 1 Januari 2001');
    await filters.getByRole('button', { name: 'Terapkan' }).click();
    await page().getByText('Belum ada data untuk laporan ini dengan saringan yang dipilih.').waitFor();
    await expect(page().locator('#report-from-echo').textContent()).resolves.toBe('Senin, 1 Januari 2001');
    expect(await page().locator('#report-to-echo').textContent()).toBe('');
    expect([label, await seriousA11yViolations(page())]).toEqual([label, []]);
    await screenshot(page(), `${label}-laporan-saringan-tanggal`);
    expect(await page().getByRole('link', { name: 'Unduh CSV' }).getAttribute('href')).toBe('/api/reports/throughput?unitCode=diskominfo&year=2001&from=2001-01-01&format=csv');
    // a filter the API refuses is a message with the way back
    await page().goto(`${app.baseUrl}/laporan/throughput?year=99`);
    await page().getByRole('alert').filter({ hasText: 'Saringan tidak dapat dipakai' }).waitFor();
    await page().getByRole('link', { name: 'Hapus saringan' }).click();
    await page().getByRole('figure', { name: 'Dokumen diajukan dan selesai per minggu' }).waitFor();

    // a drafter: no menu entry, and the page says why
    await signIn(app, 'kaltim.drafter', '/laporan');
    await page().getByRole('alert').filter({ hasText: 'Anda tidak berwenang melihat laporan.' }).waitFor();
    expect(await page().getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Laporan' }).count()).toBe(0);
  });

  // last in this block: it puts a controllable clock into the browser
  (width === 1280 ? it : it.skip)('a notification from another user\'s action appears on the open page, and its task in the open inbox, without a reload', async () => {
    const worker = await createTestWorker(app.t.env); // relays the outbox and writes notifications
    try {
      await page().clock.install(); // real time flows; the test moves it past the bell's next poll
      await signIn(app, 'kaltim.kadis', '/pemberitahuan');
      await page().getByRole('heading', { name: 'Pemberitahuan' }).waitFor();
      const headers = await app.t.auth('kaltim.kadis');
      const before = (await app.t.http.get('/api/notifications?unread=true&limit=1').set(headers)).body.unread as number;
      await page().getByTestId('unread-count').filter({ hasText: new RegExp(`^${before}$`) }).waitFor();

      // kaltim.drafter submits a Quick Win through the API: the head of the unit is told
      const title = `Pemberitahuan langsung ${Date.now()}`;
      const doc = await createQuickWin(app.t, 'kaltim.drafter', { title });
      expect((await act(app.t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
      const notice = page().getByRole('link', { name: title });
      while (!(await notificationsOf(app.t.dataSource, doc.id)).some((n) => n.username === 'kaltim.kadis')) await new Promise((r) => setTimeout(r, 100));
      expect(await notice.count()).toBe(0); // not there before the poll
      await page().clock.fastForward(15_000); // the bell's poll interval
      await notice.waitFor();
      await page().getByTestId('unread-count').filter({ hasText: new RegExp(`^${before + 1}$`) }).waitFor();
      await expect(page().getByRole('link', { name: `Pemberitahuan, ${before + 1} belum dibaca` }).count()).resolves.toBe(1);

      // the inbox, narrowed by a search, takes in a task given meanwhile the same way, the search kept
      await page().getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'Kotak Masuk' }).click();
      await page().getByLabel('Cari judul').fill('langsung');
      await page().getByTestId('task').filter({ hasText: title }).waitFor();
      const second = `Tugas langsung ${Date.now()}`;
      const next = await createQuickWin(app.t, 'kaltim.drafter', { title: second });
      expect((await act(app.t, 'quick-wins', next.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
      while (!(await notificationsOf(app.t.dataSource, next.id)).some((n) => n.username === 'kaltim.kadis')) await new Promise((r) => setTimeout(r, 100));
      const task = page().getByTestId('task').filter({ hasText: second });
      expect(await task.count()).toBe(0); // not there before the poll
      await page().clock.fastForward(15_000);
      await task.waitFor();
      expect(await page().getByLabel('Cari judul').inputValue()).toBe('langsung');
      expect(await page().getByTestId('task').count()).toBe(2); // the two of this test, nothing else matches the search
      await page().getByRole('status').filter({ hasText: /^2 tugas sesuai saringan$/ }).waitFor();
    } finally {
      await worker.close();
    }
  });

  const page = () => app.page;
});
