import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act, createQuickWin, createRegulation, createTestApp, type TestApp } from '#testing';

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
  });
});
