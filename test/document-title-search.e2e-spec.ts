import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act, createQuickWin, createRegulation, createTestApp, type TestApp } from '#testing';
import { addUser } from './support/users.js';

/** GET /api/quick-wins?q= and /api/regulations?q=: documents whose title holds every word. */
describe('title search on the lists', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const titles: Array<[string, string, string]> = [
      ['terpadu', 'kaltim.drafter', 'Layanan Perizinan Daring Terpadu'],
      ['mikro', 'kaltim.drafter', 'Perizinan Usaha Mikro'],
      ['persen', 'kaltim.drafter', 'Rencana 100% Arsip Elektronik'],
      ['ribu', 'kaltim.drafter', 'Rencana 1000 Arsip Elektronik'],
      ['garis', 'kaltim.drafter', 'Data_Induk Pegawai'],
      ['huruf', 'kaltim.drafter', 'DataXInduk Pegawai'],
      ['paser', 'paser.drafter', 'Perizinan Daring Kabupaten Paser'],
    ];
    for (const [name, drafter, title] of titles) ids[name] = (await createQuickWin(t, drafter, { title })).id;
  });
  afterAll(() => t.close());

  async function search(user: string, query: string, path = '/api/quick-wins') {
    const res = await t.http.get(`${path}?${query}`).set(await t.auth(user));
    return { status: res.status, body: res.body, titles: (res.body.items ?? []).map((d: { title: string }) => d.title) as string[] };
  }

  it('finds the titles holding every word, in any case and order, newest first, with their total', async () => {
    const both = await search('kaltim.drafter', `q=${encodeURIComponent('daring PERIZINAN')}`);
    expect([both.status, both.titles, both.body.total]).toEqual([200, ['Layanan Perizinan Daring Terpadu'], 1]);
    const one = await search('kaltim.drafter', 'q=perizinan');
    expect([one.titles, one.body.total]).toEqual([['Perizinan Usaha Mikro', 'Layanan Perizinan Daring Terpadu'], 2]);
    const paged = await search('kaltim.drafter', 'q=perizinan&limit=1&page=2');
    expect([paged.titles, paged.body.total, paged.body.page]).toEqual([['Layanan Perizinan Daring Terpadu'], 2, 2]);
  });

  it('takes %, _ and \\ as they are, not as patterns', async () => {
    expect((await search('kaltim.drafter', `q=${encodeURIComponent('100%')}`)).titles).toEqual(['Rencana 100% Arsip Elektronik']);
    expect((await search('kaltim.drafter', `q=${encodeURIComponent('a_i')}`)).titles).toEqual(['Data_Induk Pegawai']);
    expect((await search('kaltim.drafter', `q=${encodeURIComponent('%')}`)).titles).toEqual(['Rencana 100% Arsip Elektronik']);
    expect((await search('kaltim.drafter', `q=${encodeURIComponent('\\')}`)).body.total).toBe(0);
  });

  it('keeps to what the caller may read, and to the other filters', async () => {
    expect((await search('paser.drafter', 'q=perizinan')).titles).toEqual(['Perizinan Daring Kabupaten Paser']);
    // a draft is read by its unit only: the Sekda finds it once it is submitted
    expect((await search('kaltim.sekda', 'q=perizinan')).titles).toEqual([]);
    expect((await act(t, 'quick-wins', ids.mikro!, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    expect((await search('kaltim.sekda', 'q=perizinan')).titles).toEqual(['Perizinan Usaha Mikro']);
    expect((await search('kaltim.drafter', 'q=perizinan&state=endorsement')).titles).toEqual(['Perizinan Usaha Mikro']);
    expect((await search('kaltim.drafter', 'q=perizinan&unitCode=inspektorat')).body.total).toBe(0);
    expect((await search('kaltim.drafter', 'q=perizinan', '/api/regulations')).body.total).toBe(0);
  });

  it('finds a document by its edited title, no longer by the old one, and a new regulation by its own', async () => {
    const edit = await t.http.patch(`/api/quick-wins/${ids.huruf}`).set(await t.auth('kaltim.drafter')).send({ title: 'Kartu Pegawai Digital' });
    expect(edit.status).toBe(200);
    expect((await search('kaltim.drafter', 'q=DataXInduk')).body.total).toBe(0);
    expect((await search('kaltim.drafter', 'q=kartu digital')).titles).toEqual(['Kartu Pegawai Digital']);
    await createRegulation(t, 'kaltim.drafter', { title: 'Sistem Kerja Perizinan Daring' });
    expect((await search('kaltim.drafter', 'q=perizinan', '/api/regulations')).titles).toEqual(['Sistem Kerja Perizinan Daring']);
  });

  /** The caller's inbox, every page of `limit`, with these filters. */
  type Task = { id: string; title: string; kind: string; unitCode: string };
  async function inbox(user: string, filter: Record<string, string> = {}, limit = 200): Promise<Task[]> {
    const items: Task[] = [];
    for (let after: string | null | undefined, pages = 0; after !== null; pages++) {
      expect(pages).toBeLessThan(100);
      const res = await t.http
        .get('/api/tasks')
        .query({ limit, ...filter, ...(after ? { after } : {}) })
        .set(await t.auth(user));
      expect({ filter, status: res.status }).toEqual({ filter, status: 200 });
      items.push(...res.body.items);
      after = res.body.next;
    }
    return items;
  }

  it('searches the inbox too (GET /api/tasks?q=): the tasks whose title holds every word, as the whole inbox filtered, page by page', async () => {
    const passes = (filter: Record<string, string>) => (task: Task) =>
      filter.q!.split(' ').every((w) => task.title.toLowerCase().includes(w.toLowerCase())) && (!filter.kind || task.kind === filter.kind) && (!filter.unitCode || task.unitCode === filter.unitCode);
    const cases: Array<[string, Record<string, string>, string[]]> = [
      ['kaltim.drafter', { q: 'perizinan' }, ['Layanan Perizinan Daring Terpadu', 'Sistem Kerja Perizinan Daring']],
      ['kaltim.drafter', { q: 'DARING perizinan' }, ['Layanan Perizinan Daring Terpadu', 'Sistem Kerja Perizinan Daring']],
      ['kaltim.drafter', { q: 'perizinan', kind: 'regulation' }, ['Sistem Kerja Perizinan Daring']],
      ['kaltim.drafter', { q: '100%' }, ['Rencana 100% Arsip Elektronik']],
      ['kaltim.kadis', { q: 'perizinan' }, ['Perizinan Usaha Mikro']],
      ['kaltim.kadis', { q: 'perizinan', unitCode: 'inspektorat' }, []],
      ['paser.drafter', { q: 'perizinan' }, ['Perizinan Daring Kabupaten Paser']],
      ['kaltim.sekda', { q: 'perizinan' }, []],
    ];
    for (const [user, filter, titles] of cases) {
      const whole = await inbox(user);
      const found = await inbox(user, filter);
      expect({ user, filter, titles: found.map((task) => task.title).sort() }).toEqual({ user, filter, titles });
      expect({ user, filter, ids: found.map((task) => task.id) }).toEqual({ user, filter, ids: whole.filter(passes(filter)).map((task) => task.id) });
      expect({ user, filter, ids: (await inbox(user, filter, 1)).map((task) => task.id) }).toEqual({ user, filter, ids: found.map((task) => task.id) });
    }
    for (const q of ['', '   ', 'a b c d e f g h i', 'arsip\u0000']) {
      const res = await t.http.get('/api/tasks').query({ q }).set(await t.auth('kaltim.drafter'));
      expect([q, res.status, res.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
    }
  });

  it('refuses more than eight words, an empty q, control characters and more than 200 characters with 400', async () => {
    for (const q of ['a b c d e f g h i', '', '   ', 'arsip\u0000', 'x'.repeat(201)]) {
      const res = await search('kaltim.drafter', `q=${encodeURIComponent(q)}`);
      expect([q, res.status, res.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
    }
    expect((await search('kaltim.drafter', `q=${encodeURIComponent(' a b c d e f g h ')}`)).status).toBe(200);
  });

  it('refuses words in more than 5,000 titles of the list with 400 SEARCH_TOO_BROAD, and answers once a filter brings them to 5,000', async () => {
    // 5,001 titles with the word (5,000 of 2030, one of 2031), copied from a draft of the drafter's unit
    await t.dataSource.query(
      `INSERT INTO documents (kind, government_id, unit_id, created_by, title, year, content, content_hash, state, final, created_at, updated_at)
       SELECT kind, government_id, unit_id, created_by, 'Arsip Kearsipan ' || i, CASE WHEN i <= 5000 THEN 2030 ELSE 2031 END, content, content_hash, state, final, now(), now()
         FROM documents, generate_series(1, 5001) i WHERE id = $1`,
      [ids.terpadu],
    );
    const broad = await search('kaltim.drafter', 'q=kearsipan');
    expect([broad.status, broad.body.code]).toEqual([400, 'SEARCH_TOO_BROAD']);
    expect(broad.body.message).toMatch(/more than 5000 documents/);
    const narrowed = await search('kaltim.drafter', 'q=kearsipan&year=2030&limit=1');
    expect([narrowed.status, narrowed.body.total]).toEqual([200, 5000]);
    // the cap counts the list's own kind and governments: paser's drafter is not refused for kaltim's titles
    expect((await search('paser.drafter', 'q=kearsipan')).body).toMatchObject({ total: 0 });
    // the inbox's: the open documents waiting in its stages and governments, of its other filters
    const tasks = async (user: string, query: Record<string, string>) => t.http.get('/api/tasks').query(query).set(await t.auth(user));
    const broadInbox = await tasks('kaltim.drafter', { q: 'kearsipan' });
    expect([broadInbox.status, broadInbox.body.code]).toEqual([400, 'SEARCH_TOO_BROAD']);
    expect(broadInbox.body.message).toMatch(/more than 5000 documents waiting in the inbox's stages/);
    expect((await tasks('kaltim.drafter', { q: 'kearsipan', kind: 'regulation' })).body).toMatchObject({ items: [], limit: 50, next: null });
    expect((await tasks('kaltim.sekda', { q: 'kearsipan' })).body).toMatchObject({ items: [], limit: 50, next: null }); // drafts wait in no stage of the Sekda
    // nor in the inbox of a drafter of another unit, whose drafts are its unit's only
    await addUser(t, { username: 'kaltim.penyusun-inspektorat', governmentCode: 'kaltim', unitCode: 'inspektorat', roles: ['DRAFTER'] });
    expect((await tasks('kaltim.penyusun-inspektorat', { q: 'kearsipan' })).body).toMatchObject({ items: [], limit: 50, next: null });
    // another word brings them under the cap: a draft of the drafter holding both is its task
    await createQuickWin(t, 'kaltim.drafter', { title: 'Kearsipan Daring Nyata' });
    expect((await tasks('kaltim.drafter', { q: 'kearsipan nyata' })).body.items.map((task: { title: string }) => task.title)).toEqual(['Kearsipan Daring Nyata']);
  });
});
