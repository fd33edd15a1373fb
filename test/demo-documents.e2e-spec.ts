import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, createTestDatabase, type TestApp } from '#testing';
import { demoDocuments } from '../apps/api/src/demo/demo-documents.js';
import { APP_CONFIG, type AppConfig } from '#config';
import { DemoDocumentsSeeder } from '../apps/api/src/demo/demo-documents.seeder.js';
import { CreateDocumentUseCase } from '../apps/api/src/documents/create-document.use-case.js';
import { FireActionUseCase } from '../apps/api/src/documents/fire-action.use-case.js';

jest.setTimeout(120_000);

/** `npm start`'s demo installation: sample documents at every stage, made once into an empty database. */
describe('demo documents (DEMO_DOCUMENTS)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let apps: TestApp[];
  let t: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase(); // the demo organisation, no document
    // two API processes starting together on it, as API_PROCESSES=2 or two replicas would
    apps = await Promise.all([1, 2].map(() => createTestApp({ DATABASE_URL: db.url, DEMO_DOCUMENTS: 'true' })));
    t = apps[0];
  });
  afterAll(async () => {
    for (const app of apps ?? []) await app.close();
    await db?.drop();
  });

  const documents = async () => (await t.dataSource.query(`SELECT d.title, d.state, d.kind, g.code AS government FROM documents d JOIN governments g ON g.id = d.government_id ORDER BY d.created_at`)) as Array<Record<string, string>>;

  it('makes each of them once, through the workflow, to the stage it names', async () => {
    expect(await documents()).toEqual([
      { title: 'Antrean Daring Layanan Perizinan Berusaha', state: 'draft', kind: 'quick-win', government: 'kaltim' },
      { title: 'Pengaduan Masyarakat Terpadu melalui Satu Nomor WhatsApp', state: 'endorsement', kind: 'quick-win', government: 'kaltim' },
      { title: 'Dasbor Kinerja Perangkat Daerah untuk Pimpinan', state: 'verification', kind: 'quick-win', government: 'kaltim' },
      { title: 'Tanda Tangan Elektronik pada Naskah Dinas', state: 'approval', kind: 'quick-win', government: 'kaltim' },
      { title: 'Legalisasi Dokumen Daring', state: 'implementation', kind: 'quick-win', government: 'kaltim' },
      { title: 'Arsip Digital Surat Masuk dan Keluar', state: 'revision', kind: 'quick-win', government: 'kaltim' },
      { title: 'Rapat Daring Tanpa Kertas', state: 'completed', kind: 'quick-win', government: 'kaltim' },
      { title: 'Layanan Administrasi Kependudukan Keliling', state: 'endorsement', kind: 'quick-win', government: 'paser' },
      { title: 'Sistem Kerja di Lingkungan Pemerintah Provinsi Kalimantan Timur', state: 'legal_review', kind: 'regulation', government: 'kaltim' },
      { title: 'Sistem Kerja di Lingkungan Pemerintah Kabupaten Paser', state: 'facilitation', kind: 'regulation', government: 'paser' },
      { title: 'Penyederhanaan Birokrasi di Lingkungan Pemerintah Kabupaten Berau', state: 'published', kind: 'regulation', government: 'berau' },
    ]);
    expect(demoDocuments(new Date())).toHaveLength(11);
  });

  it('gives the demo people tasks in their inboxes, and each history a valid chain', async () => {
    const tasks = async (user: string) =>
      ((await t.http.get('/api/tasks').set(await t.auth(user))).body.items as Array<{ title: string; allowedActions: string[] }>).map((task) => `${task.title}: ${task.allowedActions.join(',')}`);
    expect(await tasks('kaltim.kadis')).toEqual(expect.arrayContaining(['Pengaduan Masyarakat Terpadu melalui Satu Nomor WhatsApp: ENDORSE,RETURN', 'Legalisasi Dokumen Daring: COMPLETE']));
    expect(await tasks('kaltim.organisasi')).toEqual(expect.arrayContaining([expect.stringMatching(/^Dasbor Kinerja Perangkat Daerah untuk Pimpinan: .*VERIFY/)]));
    expect(await tasks('kaltim.sekda')).toEqual(expect.arrayContaining([expect.stringMatching(/^Tanda Tangan Elektronik pada Naskah Dinas: .*APPROVE/)]));
    expect(await tasks('kaltim.hukum')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Sistem Kerja di Lingkungan Pemerintah Kabupaten Paser: .*FACILITATE/), expect.stringMatching(/^Sistem Kerja di Lingkungan Pemerintah Provinsi Kalimantan Timur: .*REQUEST_HARMONIZATION/)]),
    );
    expect(await tasks('kaltim.drafter')).toEqual(expect.arrayContaining([expect.stringMatching(/^Arsip Digital Surat Masuk dan Keluar: .*RESUBMIT/), expect.stringMatching(/^Antrean Daring Layanan Perizinan Berusaha: .*SUBMIT/)]));

    const rows: Array<{ id: string; kind: string; drafter: string }> = await t.dataSource.query(`SELECT d.id, d.kind, u.username AS drafter FROM documents d JOIN users u ON u.id = d.created_by`);
    for (const row of rows) {
      const history = await t.http.get(`/api/${row.kind === 'quick-win' ? 'quick-wins' : 'regulations'}/${row.id}/history`).set(await t.auth(row.drafter));
      expect({ id: row.id, status: history.status, chainValid: history.body.chainValid }).toEqual({ id: row.id, status: 200, chainValid: true });
    }
    const published = (await t.http.get('/api/regulations?state=published').set(await t.auth('berau.hukum'))).body.items[0];
    expect(published.officialTitle).toMatch(/^Peraturan Bupati Berau Nomor \d+ Tahun \d{4} tentang Penyederhanaan Birokrasi/);
  });

  it('makes nothing on a later start, when documents exist; another empty database gets its own on its first start', async () => {
    const before = (await documents()).length;
    await t.app.get(DemoDocumentsSeeder).onApplicationBootstrap();
    expect((await documents()).length).toBe(before);

    const other = await createTestApp({ DEMO_DOCUMENTS: 'true' }); // its own database, made just now: the seeder ran on start
    try {
      const made = Number((await other.dataSource.query(`SELECT count(*) AS n FROM documents`))[0].n);
      expect(made).toBe(11);
    } finally {
      await other.close();
    }
  });

  it('makes none while a demo person is missing or inactive, rather than a part of them; once they are back, all', async () => {
    const empty = await createTestDatabase();
    const setActive = async (app: TestApp, active: boolean) => app.dataSource.query(`UPDATE users SET active = $1 WHERE username = 'berau.kepala'`, [active]);
    let other: TestApp | undefined;
    try {
      other = await createTestApp({ DATABASE_URL: empty.url, DEMO_DOCUMENTS: 'false' });
      await setActive(other, false);
      const seeder = new DemoDocumentsSeeder(other.dataSource, other.app.get(CreateDocumentUseCase), other.app.get(FireActionUseCase), { ...other.app.get(APP_CONFIG), demoDocuments: true } as AppConfig);
      const count = async () => Number((await other!.dataSource.query(`SELECT count(*) AS n FROM documents`))[0].n);
      await seeder.onApplicationBootstrap(); // logs why, and the API starts all the same
      expect(await count()).toBe(0);
      await setActive(other, true);
      await seeder.onApplicationBootstrap();
      expect(await count()).toBe(11);
    } finally {
      await other?.close();
      await empty.drop();
    }
  });
});
