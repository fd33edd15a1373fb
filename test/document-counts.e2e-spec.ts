import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { compactCountsAndSummaries } from '#persistence';
import { act, createQuickWin, createRegulation, createTestApp, waitFor, type TestApp } from '#testing';
import { driveTo } from './support/quick-win.js';
import { driveRegulation } from './support/regulation.js';

/**
 * List totals come from maintained counts (counter rows per key and writer slot, updated by the
 * writing transaction; the worker's fold only shortens reads): exact at any moment, for every reader.
 */
describe('list totals', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  // the head of the documents' unit reads every one of them, drafts included (issue 9's read scope)
  async function total(query: string, user = 'berau.kadis'): Promise<number> {
    const res = await t.http.get(`/api/quick-wins${query}`).set(await t.auth(user));
    expect(res.status).toBe(200);
    return res.body.total;
  }

  async function exact(where: string): Promise<number> {
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM documents d JOIN governments g ON g.id = d.government_id WHERE d.kind = 'quick-win' AND g.code = 'berau' ${where}`,
    );
    return n;
  }

  it('equal a real count with unfolded deltas, after folding, and as documents move', async () => {
    const a = await createQuickWin(t, 'berau.drafter', { year: 2026 });
    const b = await createQuickWin(t, 'berau.drafter', { year: 2027, startDate: '2027-01-04', endDate: '2027-06-30' });
    await createQuickWin(t, 'berau.drafter2', { year: 2026 });
    expect(await total('')).toBe(3);
    expect(await total('?state=draft')).toBe(3);
    expect(await total('?year=2027')).toBe(1);

    expect((await act(t, 'quick-wins', a.id, 'berau.drafter', 'SUBMIT')).status).toBe(200);
    expect(await total('?state=draft')).toBe(2);
    expect(await total('?state=endorsement')).toBe(1);

    const [{ folded }] = await t.dataSource.query(`SELECT compact_document_counts() AS folded`);
    expect(Number(folded)).toBeGreaterThan(0);
    const [{ left }] = await t.dataSource.query(`SELECT count(*)::int AS left FROM document_count_deltas`);
    expect(left).toBe(0);

    expect((await act(t, 'quick-wins', b.id, 'berau.drafter', 'WITHDRAW')).status).toBe(200);
    for (const [query, where] of [
      ['', ''],
      ['?state=draft', `AND d.state = 'draft'`],
      ['?state=endorsement', `AND d.state = 'endorsement'`],
      ['?state=withdrawn', `AND d.state = 'withdrawn'`],
      ['?year=2026', 'AND d.year = 2026'],
      ['?unitCode=diskominfo&year=2027', 'AND d.year = 2027'],
      ['?unitCode=inspektorat', 'AND false'],
    ] as const) {
      expect(await total(query)).toBe(await exact(where));
    }
    expect(await total('?state=withdrawn')).toBe(1);
  });

  it('keep at most one counter row per key and writer slot however long the worker has not run, and exact', async () => {
    const doc = await createQuickWin(t, 'berau.drafter2', { year: 2026 });
    const before = await total('?state=draft');
    // 1,200 changes of two keys in one transaction, with no worker folding: two counter rows
    await t.dataSource.query(`DO $$ BEGIN
      FOR i IN 1..600 LOOP
        UPDATE documents SET state = CASE WHEN state = 'draft' THEN 'withdrawn' ELSE 'draft' END WHERE id = '${doc.id}';
      END LOOP;
    END $$`);
    const [{ most }] = await t.dataSource.query(
      `SELECT max(n)::int AS most FROM (SELECT count(*) AS n FROM document_count_deltas GROUP BY kind, government_id, state, unit_id, year, submitted, facilitation) k`,
    );
    expect(most).toBeLessThanOrEqual(32);
    expect(await total('?state=draft')).toBe(before);
    expect(await total('?state=draft')).toBe(await exact(`AND d.state = 'draft'`));
    expect(await total('?state=withdrawn')).toBe(await exact(`AND d.state = 'withdrawn'`));
  });

  it("never make a transition wait for the worker's fold, which holds a group of the writers' slots at a time", async () => {
    // a counter row of the key the fold will add to, and a delta of that key in some writer's slot
    await createQuickWin(t, 'berau.drafter', { year: 2029 });
    await compactCountsAndSummaries(t.dataSource.manager);
    await createQuickWin(t, 'berau.drafter', { year: 2029 });
    const moving = await createQuickWin(t, 'berau.drafter2', { year: 2026 });
    const holder = new pg.Client({ connectionString: t.env.DATABASE_URL });
    await holder.connect();
    let fold: Promise<number> | null = null;
    try {
      // the fold stops at that counter row, inside the transaction of the slots it took
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM document_counts WHERE kind = 'quick-win' AND year = 2029 AND state = 'draft' FOR UPDATE`);
      fold = compactCountsAndSummaries(t.dataSource.manager);
      await waitFor(async () => {
        const [{ waiting }] = await t.dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%compact_document_count%'`,
        );
        return waiting === 1;
      }, { what: 'the fold to wait on the counter row' });
      // a transition changing a list total takes a slot the fold does not hold (before: the fold held every free one)
      const submitted = act(t, 'quick-wins', moving.id, 'berau.drafter2', 'SUBMIT');
      const outcome = await Promise.race([submitted.then((r) => r.status), new Promise((resolve) => setTimeout(() => resolve('still waiting after 10 s'), 10_000))]);
      expect(outcome).toBe(200);
    } finally {
      await holder.query('COMMIT');
      await holder.end();
      await fold;
    }
    expect(await total('?year=2029')).toBe(await exact('AND d.year = 2029'));
    expect(await total('?state=endorsement')).toBe(await exact(`AND d.state = 'endorsement'`));
  }, 60_000);

  /** Every document the caller may read, by paging the list (each page is filtered by the read rule). */
  async function readable(user: string, resource: 'quick-wins' | 'regulations', query = ''): Promise<{ total: number; listed: number }> {
    const auth = await t.auth(user);
    let listed = 0;
    let total = -1;
    for (let page = 1; ; page++) {
      const res = await t.http.get(`/api/${resource}?limit=100&page=${page}${query}`).set(auth);
      expect(res.status).toBe(200);
      total = res.body.total;
      listed += res.body.items.length;
      if (page * 100 >= total) break;
    }
    return { total, listed };
  }

  const READERS = ['berau.drafter', 'berau.drafter2', 'berau.kadis', 'berau.organisasi', 'berau.hukum', 'berau.asisten', 'berau.sekda', 'berau.plh', 'berau.kepala-inspektorat', 'berau.kepala', 'berau.admin', 'kaltim.hukum', 'kaltim.sekda', 'kaltim.drafter'];

  async function expectExactForEveryReader(queries: string[]): Promise<void> {
    for (const user of READERS) {
      for (const resource of ['quick-wins', 'regulations'] as const) {
        for (const query of queries) {
          const { total, listed } = await readable(user, resource, query);
          expect({ user, resource, query, total }).toEqual({ user, resource, query, total: listed });
        }
      }
    }
  }

  it('are exact for every reader right after writes, the fold never run: unit, acted on, stage actors, government readers, facilitation', async () => {
    await t.dataSource.query(`SELECT compact_document_counts()`);
    const drafts = [await createQuickWin(t, 'berau.drafter', { year: 2026 }), await createQuickWin(t, 'berau.drafter2', { year: 2026 })];
    const moving = await createQuickWin(t, 'berau.drafter', { year: 2026 });
    await driveTo(t, moving.id, 'approval', 'berau');
    const returned = await createQuickWin(t, 'berau.drafter', { year: 2026 });
    await driveTo(t, returned.id, 'endorsement', 'berau');
    expect((await act(t, 'quick-wins', returned.id, 'berau.kadis', 'RETURN', { comment: 'Lengkapi indikator' })).status).toBe(200);
    expect((await act(t, 'quick-wins', drafts[1].id, 'berau.drafter2', 'WITHDRAW')).status).toBe(200);
    // the head of another unit acted on one (as a coordination OPD would): that one it reads, only once submitted
    const [{ id: unitHeadOfInspektorat }] = await t.dataSource.query(`SELECT u.id FROM users u WHERE u.username = 'berau.kepala-inspektorat'`);
    expect(unitHeadOfInspektorat).toBeDefined();
    for (const [doc, seq] of [[moving.id, 90], [drafts[0].id, 90]] as const) {
      await t.dataSource.query(
        `INSERT INTO history_entries (document_id, seq, action, to_state, actor, content_version, content_hash, at, hash)
         SELECT id, $2, 'X', state, 'berau.kepala-inspektorat', 1, 'h', now(), 'h' FROM documents WHERE id = $1`,
        [doc, seq],
      );
    }
    // a regency regulation whose facilitation the province's LEGAL was asked for
    const regulation = await createRegulation(t, 'berau.drafter');
    await driveRegulation(t, regulation.id, 'draft', 'facilitation', 'berau');

    const [{ rows }] = await t.dataSource.query(`SELECT count(*)::int AS rows FROM document_count_deltas`);
    expect(rows).toBeGreaterThan(0); // nothing folded: the totals below read the writers' counter rows
    expect((await readable('berau.kepala-inspektorat', 'quick-wins')).total).toBe(1);
    expect((await readable('kaltim.hukum', 'regulations')).total).toBeGreaterThanOrEqual(1);
    await expectExactForEveryReader(['', '&state=draft', '&state=approval', '&year=2026', '&unitCode=diskominfo']);
  }, 120_000);

  it('stay exact under concurrent transitions, and writers never wait for each other on a counter', async () => {
    const docs = await Promise.all(Array.from({ length: 8 }, (_, i) => createQuickWin(t, i % 2 ? 'berau.drafter' : 'berau.drafter2', { year: 2026 })));
    // eight transactions move documents of one key to another (the year) at the same time; each
    // finishes its update before any commits (with a shared counter row the second would wait)
    const url = t.env.DATABASE_URL;
    const clients = docs.map(() => new pg.Client({ connectionString: url }));
    await Promise.all(clients.map((c) => c.connect()));
    try {
      await Promise.all(clients.map((c) => c.query('BEGIN')));
      await Promise.all(clients.map((c) => c.query(`SET LOCAL lock_timeout = '2s'`)));
      await Promise.all(clients.map((c, i) => c.query(`UPDATE documents SET year = 2031 WHERE id = $1`, [docs[i].id])));
      await Promise.all(clients.map((c) => c.query('COMMIT')));
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const [{ slots }] = await t.dataSource.query(`SELECT count(DISTINCT slot)::int AS slots FROM document_count_deltas WHERE year = 2031`);
    expect(slots).toBeGreaterThanOrEqual(8);
    // and concurrent transitions over HTTP, while the worker's fold runs beside them
    const more = await Promise.all(Array.from({ length: 10 }, () => createQuickWin(t, 'berau.drafter', { year: 2026 })));
    await Promise.all([
      ...more.map((d, i) => act(t, 'quick-wins', d.id, 'berau.drafter', i % 3 === 0 ? 'WITHDRAW' : 'SUBMIT')),
      compactCountsAndSummaries(t.dataSource.manager),
    ]);
    await Promise.all([
      ...more.filter((_, i) => i % 3 !== 0).map((d) => act(t, 'quick-wins', d.id, 'berau.kadis', 'ENDORSE')),
      compactCountsAndSummaries(t.dataSource.manager),
    ]);
    expect((await readable('berau.kadis', 'quick-wins', '&year=2031')).total).toBe(8);
    await expectExactForEveryReader(['', '&state=withdrawn', '&state=verification', '&state=draft', '&year=2031']);
    await t.dataSource.query(`SELECT compact_document_counts()`);
    await expectExactForEveryReader(['']);
  }, 180_000);
});
