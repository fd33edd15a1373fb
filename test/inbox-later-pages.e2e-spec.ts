import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { DocumentRepository } from '#persistence';
import { createQuickWin, createTestApp, type TestApp } from '#testing';
import { driveTo } from './support/quick-win.js';

describe('GET /api/tasks, a later page', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reads its places once when they hold the page: the document the page before ended on takes no place of the depth', async () => {
    // six Quick Wins for kaltim's Sekda to approve, due a minute apart
    const base = Date.now() + 86_400_000;
    const docs: string[] = [];
    for (let i = 0; i < 6; i++) {
      const doc = await createQuickWin(t, 'kaltim.drafter', { title: `Halaman berikutnya ${i}` });
      await driveTo(t, doc.id, 'approval');
      await t.dataSource.query(`UPDATE deadlines SET due_at = $2 WHERE document_id = $1 AND status = 'PENDING'`, [doc.id, new Date(base + i * 60_000)]);
      docs.push(doc.id);
    }
    const auth = await t.auth('kaltim.sekda');
    const first = await t.http.get('/api/tasks?limit=2').set(auth);
    expect(first.body.items.map((i: { id: string }) => i.id)).toEqual(docs.slice(0, 2));

    const candidateReads = jest.spyOn(DocumentRepository.prototype, 'inboxCandidates');
    try {
      const second = await t.http.get('/api/tasks').query({ limit: 2, after: first.body.next }).set(auth);
      expect(second.status).toBe(200);
      expect(second.body.items.map((i: { id: string }) => i.id)).toEqual(docs.slice(2, 4));
      expect(candidateReads).toHaveBeenCalledTimes(1);
    } finally {
      candidateReads.mockRestore();
    }
  });
});
