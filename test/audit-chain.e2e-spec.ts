import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { canonicalEntry, computeEntryHash } from '#workflow';
import { act, createQuickWin, createTestApp, type TestApp } from '#testing';
import { driveTo, historyOf, progressData } from './support/quick-win.js';

/**
 * The audit trail of domain.md: append-only (the database refuses UPDATE, DELETE and TRUNCATE), and
 * hash-chained, so a row changed behind the application's back makes chainValid false and names it.
 */
describe('audit chain', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Runs SQL on history_entries with the append-only trigger off, in one transaction of its own. */
  async function tamper(sql: string, params: unknown[]): Promise<void> {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`ALTER TABLE history_entries DISABLE TRIGGER trg_history_entries_append_only`);
      await runner.query(sql, params);
      await runner.query(`ALTER TABLE history_entries ENABLE TRIGGER trg_history_entries_append_only`);
      await runner.commitTransaction();
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** A Quick Win in approval: CREATE, SUBMIT, ENDORSE, VERIFY (seq 1-4), plus a RETURN/RESUBMIT/ENDORSE/VERIFY detour when asked. */
  async function documentWithHistory(): Promise<string> {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    await driveTo(t, doc.id, 'approval');
    const { chainValid, entries } = await historyOf(t, doc.id);
    expect(chainValid).toBe(true);
    expect(entries).toHaveLength(4);
    return doc.id;
  }

  describe('append-only in normal operation', () => {
    it.each([
      ['UPDATE', `UPDATE history_entries SET comment = 'diubah' WHERE document_id = $1 AND seq = 2`],
      ['UPDATE of the hash', `UPDATE history_entries SET hash = 'x' WHERE document_id = $1`],
      ['DELETE', `DELETE FROM history_entries WHERE document_id = $1 AND seq = 4`],
    ])('refuses %s', async (_name, sql) => {
      const id = await documentWithHistory();
      const before = await t.dataSource.query(`SELECT * FROM history_entries WHERE document_id = $1 ORDER BY seq`, [id]);
      await expect(t.dataSource.query(sql, [id])).rejects.toThrow(/append-only/);
      expect(await t.dataSource.query(`SELECT * FROM history_entries WHERE document_id = $1 ORDER BY seq`, [id])).toEqual(before);
      expect((await historyOf(t, id)).chainValid).toBe(true);
    });

    it('refuses TRUNCATE', async () => {
      const id = await documentWithHistory();
      await expect(t.dataSource.query(`TRUNCATE history_entries CASCADE`)).rejects.toThrow(/append-only/);
      expect((await historyOf(t, id)).entries).toHaveLength(4);
    });

    it('refuses an UPDATE also inside a transaction that commits other work', async () => {
      const id = await documentWithHistory();
      await expect(
        t.dataSource.transaction(async (tx) => {
          await tx.query(`UPDATE documents SET title = 'Judul baru' WHERE id = $1`, [id]);
          await tx.query(`UPDATE history_entries SET actor = 'kaltim.sekda' WHERE document_id = $1 AND seq = 1`, [id]);
        }),
      ).rejects.toThrow(/append-only/);
      const [doc] = await t.dataSource.query(`SELECT title FROM documents WHERE id = $1`, [id]);
      expect(doc.title).not.toBe('Judul baru');
    });
  });

  describe('a tampered row breaks the chain and is named', () => {
    it.each([
      ['the actor', `UPDATE history_entries SET actor = 'kaltim.sekda' WHERE document_id = $1 AND seq = 3`, 3],
      ['the comment', `UPDATE history_entries SET comment = 'sudah disetujui lisan' WHERE document_id = $1 AND seq = 2`, 2],
      ['the action', `UPDATE history_entries SET action = 'APPROVE' WHERE document_id = $1 AND seq = 4`, 4],
      ['the target state', `UPDATE history_entries SET to_state = 'approval' WHERE document_id = $1 AND seq = 2`, 2],
      ['the time', `UPDATE history_entries SET at = at - interval '3 days' WHERE document_id = $1 AND seq = 3`, 3],
      ['the data', `UPDATE history_entries SET data = '{"note": "x"}' WHERE document_id = $1 AND seq = 3`, 3],
      ['on_behalf_of', `UPDATE history_entries SET on_behalf_of = 'kaltim.kadis' WHERE document_id = $1 AND seq = 3`, 3],
      ['the content hash', `UPDATE history_entries SET content_hash = repeat('0', 64) WHERE document_id = $1 AND seq = 1`, 1],
      ['the content version', `UPDATE history_entries SET content_version = 2 WHERE document_id = $1 AND seq = 4`, 4],
      ['the stored hash', `UPDATE history_entries SET hash = repeat('a', 64) WHERE document_id = $1 AND seq = 2`, 2],
      ['a deleted middle entry', `DELETE FROM history_entries WHERE document_id = $1 AND seq = 2`, 3],
      ['swapped sequence numbers', `UPDATE history_entries SET seq = CASE seq WHEN 2 THEN 3 ELSE 2 END WHERE document_id = $1 AND seq IN (2, 3)`, 2],
    ])('%s', async (_name, sql, firstInvalidSeq) => {
      const id = await documentWithHistory();
      if (sql.includes('SET seq')) {
        // the unique (document_id, seq) constraint would refuse the swap row by row: go through a free number
        await tamper(`UPDATE history_entries SET seq = 100 WHERE document_id = $1 AND seq = 2`, [id]);
        await tamper(`UPDATE history_entries SET seq = 2 WHERE document_id = $1 AND seq = 3`, [id]);
        await tamper(`UPDATE history_entries SET seq = 3 WHERE document_id = $1 AND seq = 100`, [id]);
      } else {
        await tamper(sql, [id]);
      }
      const history = await historyOf(t, id, 'kaltim.inspektur');
      expect(history.chainValid).toBe(false);
      expect(history.firstInvalidSeq).toBe(firstInvalidSeq);
      // the entries are still shown, so the reader can see what was changed
      expect(history.entries.length).toBeGreaterThanOrEqual(3);
    });

    it('re-hashing the changed row does not help: the next entry no longer follows it', async () => {
      const id = await documentWithHistory();
      const [row] = await t.dataSource.query(
        `SELECT seq, action, from_state AS "fromState", to_state AS "toState", actor, on_behalf_of AS "onBehalfOf", comment, data,
                content_version AS "contentVersion", content_hash AS "contentHash", at, prev_hash AS "prevHash"
           FROM history_entries WHERE document_id = $1 AND seq = 3`,
        [id],
      );
      const forged = { ...row, actor: 'kaltim.sekda' };
      const hash = computeEntryHash(row.prevHash, canonicalEntry(id, 3, forged));
      await tamper(`UPDATE history_entries SET actor = 'kaltim.sekda', hash = $2 WHERE document_id = $1 AND seq = 3`, [id, hash]);
      const history = await historyOf(t, id);
      expect(history.entries[2]).toMatchObject({ actor: 'kaltim.sekda', hash });
      expect(history.chainValid).toBe(false);
      expect(history.firstInvalidSeq).toBe(4);
    });

    it('re-hashing the last row, or deleting it, is caught against the instance\'s recorded chain head', async () => {
      const rehashed = await documentWithHistory();
      const [row] = await t.dataSource.query(
        `SELECT seq, action, from_state AS "fromState", to_state AS "toState", actor, on_behalf_of AS "onBehalfOf", comment, data,
                content_version AS "contentVersion", content_hash AS "contentHash", at, prev_hash AS "prevHash"
           FROM history_entries WHERE document_id = $1 AND seq = 4`,
        [rehashed],
      );
      const hash = computeEntryHash(row.prevHash, canonicalEntry(rehashed, 4, { ...row, actor: 'kaltim.sekda' }));
      await tamper(`UPDATE history_entries SET actor = 'kaltim.sekda', hash = $2 WHERE document_id = $1 AND seq = 4`, [rehashed, hash]);
      expect(await historyOf(t, rehashed)).toMatchObject({ chainValid: false, firstInvalidSeq: 4 });

      const truncated = await documentWithHistory();
      await tamper(`DELETE FROM history_entries WHERE document_id = $1 AND seq = 4`, [truncated]);
      const history = await historyOf(t, truncated);
      expect(history.entries).toHaveLength(3);
      expect(history).toMatchObject({ chainValid: false, firstInvalidSeq: 4 });
    });

    it('an entry moved from another document is caught (the document id is hashed)', async () => {
      const a = await documentWithHistory();
      const b = await documentWithHistory();
      await tamper(`DELETE FROM history_entries WHERE document_id = $1 AND seq = 4`, [b]);
      await tamper(`UPDATE history_entries SET document_id = $2 WHERE document_id = $1 AND seq = 4`, [a, b]);
      const history = await historyOf(t, b);
      expect(history.chainValid).toBe(false);
      expect(history.firstInvalidSeq).toBe(4);
    });

    it('stays invalid, naming the same entry, after later actions append to the chain', async () => {
      const id = await documentWithHistory();
      await tamper(`UPDATE history_entries SET comment = 'ditambahkan' WHERE document_id = $1 AND seq = 2`, [id]);
      expect((await act(t, 'quick-wins', id, 'kaltim.sekda', 'APPROVE')).status).toBe(200);
      expect((await act(t, 'quick-wins', id, 'kaltim.drafter', 'REPORT_PROGRESS', { data: progressData() })).status).toBe(200);
      const history = await historyOf(t, id);
      expect(history.entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(history).toMatchObject({ chainValid: false, firstInvalidSeq: 2 });
    });

    it('an untouched document next to a tampered one stays valid', async () => {
      const tampered = await documentWithHistory();
      const clean = await documentWithHistory();
      await tamper(`UPDATE history_entries SET actor = 'x' WHERE document_id = $1 AND seq = 1`, [tampered]);
      expect((await historyOf(t, tampered)).chainValid).toBe(false);
      expect(await historyOf(t, clean)).toMatchObject({ chainValid: true, firstInvalidSeq: null });
    });
  });

  it('a history read while actions are written is always valid (the read sees one consistent chain)', async () => {
    const id = (await createQuickWin(t, 'kaltim.drafter')).id;
    await driveTo(t, id, 'implementation');
    const auth = await t.auth('kaltim.sekda');
    const reads: Array<Promise<{ status: number; body: { chainValid: boolean } }>> = [];
    const writes: Array<Promise<{ status: number }>> = [];
    // one report per month of the window (2026-01 to 2026-12)
    for (let i = 0; i < 12; i++) {
      writes.push(act(t, 'quick-wins', id, 'kaltim.drafter', 'REPORT_PROGRESS', { data: progressData({ percent: i, period: `2026-${String(i + 1).padStart(2, '0')}` }) }));
      reads.push(Promise.resolve(t.http.get(`/api/quick-wins/${id}/history`).set(auth)));
    }
    const [readResults, writeResults] = await Promise.all([Promise.all(reads), Promise.all(writes)]);
    expect(writeResults.map((r) => r.status)).toEqual(writeResults.map(() => 200));
    expect(readResults.map((r) => [r.status, r.body.chainValid])).toEqual(readResults.map(() => [200, true]));
    const final = await historyOf(t, id);
    expect(final.entries).toHaveLength(5 + 12);
    expect(final.chainValid).toBe(true);
  });
});
