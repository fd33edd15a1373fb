import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act, createQuickWin, createTestApp, type TestApp } from '#testing';

/** List totals come from maintained counts (trigger deltas folded by the worker): exact before and after folding. */
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

  it('stay a few hundred unfolded deltas however long the worker has not run (folded inline), and exact', async () => {
    const doc = await createQuickWin(t, 'berau.drafter2', { year: 2026 });
    const before = await total('?state=draft');
    // 1,200 delta rows in one transaction, with no worker folding: the writing transactions fold them as they go
    await t.dataSource.query(`DO $$ BEGIN
      FOR i IN 1..600 LOOP
        UPDATE documents SET state = CASE WHEN state = 'draft' THEN 'withdrawn' ELSE 'draft' END WHERE id = '${doc.id}';
      END LOOP;
    END $$`);
    const [{ left }] = await t.dataSource.query(`SELECT count(*)::int AS left FROM document_count_deltas`);
    expect(left).toBeLessThanOrEqual(300);
    expect(await total('?state=draft')).toBe(before);
    expect(await total('?state=draft')).toBe(await exact(`AND d.state = 'draft'`));
    expect(await total('?state=withdrawn')).toBe(await exact(`AND d.state = 'withdrawn'`));
  });
});
