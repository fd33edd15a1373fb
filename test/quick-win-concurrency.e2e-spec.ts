import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { createQuickWin, createTestApp, type TestApp } from '#testing';
import { DocumentStore } from '../apps/api/src/documents/document.store.js';
import { TransitionWriter } from '../apps/api/src/documents/transition-writer.js';
import { driveTo, getDoc, historyOf, snapshotOf } from './support/quick-win.js';

/**
 * Real HTTP concurrency on a listening server: one transition per document at a time, exactly one
 * winner, and a history chain that no race can fork.
 */
describe('Quick Win concurrency', () => {
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const address = t.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
  });
  afterAll(() => t.close());

  async function fire(id: string, user: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
    return request(base)
      .post(`/api/quick-wins/${id}/actions`)
      .set({ ...(await t.auth(user)), ...headers })
      .send(body);
  }

  async function editTitle(id: string, user: string, title: string) {
    return request(base).patch(`/api/quick-wins/${id}`).set(await t.auth(user)).send({ title });
  }

  function tally(statuses: Array<{ status: number; body: { code?: string } }>) {
    const out: Record<string, number> = {};
    for (const r of statuses) {
      const key = r.status === 200 ? '200' : `${r.status} ${r.body.code}`;
      out[key] = (out[key] ?? 0) + 1;
    }
    return out;
  }

  /** seq runs 1..n without gaps, every prev_hash is the previous entry's hash, and the API verifies the chain. */
  async function expectIntactChain(id: string) {
    const rows: Array<{ seq: number; prevHash: string | null; hash: string }> = await t.dataSource.query(
      `SELECT seq, prev_hash AS "prevHash", hash FROM history_entries WHERE document_id = $1 ORDER BY seq`,
      [id],
    );
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    rows.forEach((r, i) => expect(r.prevHash).toBe(i === 0 ? null : rows[i - 1].hash));
    const [instance] = await t.dataSource.query(`SELECT last_seq AS "lastSeq", last_hash AS "lastHash" FROM workflow_instances WHERE document_id = $1`, [id]);
    expect(instance).toEqual({ lastSeq: rows.length, lastHash: rows.at(-1)!.hash });
    const history = await historyOf(t, id, 'kaltim.sekda');
    expect(history.chainValid).toBe(true);
    return history.entries;
  }

  it('20 concurrent APPROVE requests: exactly one 200, nineteen 409 INVALID_TRANSITION, one history entry', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    const before = await driveTo(t, doc.id, 'approval');
    await t.auth('kaltim.sekda');
    const results = await Promise.all(Array.from({ length: 20 }, () => fire(doc.id, 'kaltim.sekda', { action: 'APPROVE' })));
    expect(tally(results)).toEqual({ '200': 1, '409 INVALID_TRANSITION': 19 });
    const winner = results.find((r) => r.status === 200)!;
    expect(winner.body).toMatchObject({ state: 'implementation', version: before.version + 1 });

    const entries = await expectIntactChain(doc.id);
    expect(entries.filter((e) => e.action === 'APPROVE')).toHaveLength(1);
    const after = await getDoc(t, doc.id, 'kaltim.sekda');
    expect(after.body).toMatchObject({ state: 'implementation', version: before.version + 1 });
    // one approval leaves approval once: one deadline closed, one opened
    const deadlines = await t.dataSource.query(`SELECT stage, status FROM deadlines WHERE document_id = $1 ORDER BY created_at`, [doc.id]);
    expect(deadlines.filter((d: { stage: string }) => d.stage === 'approval')).toEqual([{ stage: 'approval', status: 'DONE' }]);
    expect(deadlines.filter((d: { status: string }) => d.status === 'PENDING')).toEqual([{ stage: 'implementation', status: 'PENDING' }]);
    const left = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE document_id = $1 AND type = 'STAGE_LEFT' AND payload->>'stage' = 'approval'`,
      [doc.id],
    );
    expect(left[0].n).toBe(1);
  });

  it('20 concurrent APPROVE requests with the current If-Match: one 200, nineteen 412', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    const before = await driveTo(t, doc.id, 'approval');
    const ifMatch = { 'If-Match': `"${before.version}"` };
    const results = await Promise.all(Array.from({ length: 20 }, () => fire(doc.id, 'kaltim.sekda', { action: 'APPROVE' }, ifMatch)));
    expect(tally(results)).toEqual({ '200': 1, '412 VERSION_MISMATCH': 19 });
    const entries = await expectIntactChain(doc.id);
    expect(entries.filter((e) => e.action === 'APPROVE')).toHaveLength(1);
  });

  it('competing actions on one document (APPROVE, REJECT, RETURN by the Sekda): exactly one wins', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    await driveTo(t, doc.id, 'approval');
    const bodies = [
      ...Array.from({ length: 6 }, () => ({ action: 'APPROVE' })),
      ...Array.from({ length: 6 }, () => ({ action: 'REJECT', comment: 'Ditolak' })),
      ...Array.from({ length: 6 }, () => ({ action: 'RETURN', comment: 'Perbaiki' })),
    ];
    const results = await Promise.all(bodies.map((b) => fire(doc.id, 'kaltim.sekda', b)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    // the losers see the state the winner left: REJECT/APPROVE/RETURN from there are invalid (409)
    expect(results.filter((r) => r.status !== 200).every((r) => r.status === 409 && r.body.code === 'INVALID_TRANSITION')).toBe(true);
    const entries = await expectIntactChain(doc.id);
    expect(entries.filter((e) => ['APPROVE', 'REJECT', 'RETURN'].includes(e.action))).toHaveLength(1);
    const final = (await getDoc(t, doc.id, 'kaltim.sekda')).body.state;
    expect(final).toBe(results.find((r) => r.status === 200)!.body.state);
  });

  it('WITHDRAW by the creator racing ENDORSE by the unit head: serialised, never both from endorsement', async () => {
    for (let round = 0; round < 5; round++) {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'endorsement');
      const [withdraw, endorse] = await Promise.all([
        fire(doc.id, 'kaltim.drafter', { action: 'WITHDRAW' }),
        fire(doc.id, 'kaltim.kadis', { action: 'ENDORSE' }),
      ]);
      // WITHDRAW is possible in endorsement and in verification, so it always succeeds; ENDORSE only
      // when it came first
      expect(withdraw.status).toBe(200);
      expect([200, 409]).toContain(endorse.status);
      expect((await getDoc(t, doc.id, 'kaltim.kadis')).body.state).toBe('withdrawn');
      const entries = await expectIntactChain(doc.id);
      const moves = entries.slice(2).map((e) => [e.action, e.fromState, e.toState]);
      expect(moves).toEqual(
        endorse.status === 200
          ? [['ENDORSE', 'endorsement', 'verification'], ['WITHDRAW', 'verification', 'withdrawn']]
          : [['WITHDRAW', 'endorsement', 'withdrawn']],
      );
    }
  });

  it('concurrent PATCHes and a SUBMIT never corrupt the chain or the content versions', async () => {
    for (let round = 0; round < 3; round++) {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      const results = await Promise.all([
        ...Array.from({ length: 8 }, (_, i) => editTitle(doc.id, i % 2 ? 'kaltim.drafter' : 'kaltim.drafter2', `Judul versi ${round}-${i}`)),
        fire(doc.id, 'kaltim.drafter', { action: 'SUBMIT' }),
        ...Array.from({ length: 4 }, (_, i) => editTitle(doc.id, 'kaltim.drafter', `Judul akhir ${round}-${i}`)),
      ]);
      const submit = results[8];
      expect(submit.status).toBe(200);
      const edits = results.filter((_, i) => i !== 8);
      // an edit either came first (200) or found the document submitted (409 NOT_EDITABLE)
      for (const e of edits) expect([200, 409]).toContain(e.status);
      expect(edits.filter((e) => e.status === 409).every((e) => e.body.code === 'NOT_EDITABLE')).toBe(true);
      const applied = edits.filter((e) => e.status === 200);

      const entries = await expectIntactChain(doc.id);
      const editEntries = entries.filter((e) => e.action === 'EDIT');
      expect(editEntries).toHaveLength(applied.length);
      const submitEntry = entries.find((e) => e.action === 'SUBMIT')!;
      // the SUBMIT records the content it was taken on: the last edit before it
      expect(submitEntry.contentVersion).toBe(1 + editEntries.length);
      expect(entries.findIndex((e) => e.action === 'SUBMIT')).toBe(entries.length - 1);

      const versions: Array<{ version: number; contentHash: string }> = (
        await request(base).get(`/api/quick-wins/${doc.id}/versions`).set(await t.auth('kaltim.drafter'))
      ).body.items;
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: 1 + applied.length }, (_, i) => i + 1));
      const final = (await getDoc(t, doc.id, 'kaltim.drafter')).body;
      expect(final).toMatchObject({ state: 'endorsement', contentVersion: 1 + applied.length, version: 1 + applied.length + 1 });
      expect(final.contentHash).toBe(versions.at(-1)!.contentHash);
      expect(submitEntry.contentHash).toBe(final.contentHash);
      // every entry's content version exists with the hash it names
      for (const e of entries) expect(versions.find((v) => v.version === e.contentVersion)?.contentHash).toBe(e.contentHash);
    }
  });

  it('concurrent retries with one Idempotency-Key: one change, every 200 carries the same body', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    await driveTo(t, doc.id, 'approval');
    const headers = { 'Idempotency-Key': `approve-${doc.id}` };
    const results = await Promise.all(Array.from({ length: 10 }, () => fire(doc.id, 'kaltim.sekda', { action: 'APPROVE' }, headers)));
    const counts = tally(results);
    expect(Object.keys(counts).every((k) => k === '200' || k === '409 IDEMPOTENCY_IN_FLIGHT')).toBe(true);
    expect(counts['200']).toBeGreaterThanOrEqual(1);
    const ok = results.filter((r) => r.status === 200);
    for (const r of ok) expect(r.body).toEqual(ok[0].body);
    const entries = await expectIntactChain(doc.id);
    expect(entries.filter((e) => e.action === 'APPROVE')).toHaveLength(1);
    const replay = await fire(doc.id, 'kaltim.sekda', { action: 'APPROVE' }, headers);
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(ok[0].body);
  });

  it('many documents moved at once do not block each other', async () => {
    const docs = await Promise.all(Array.from({ length: 8 }, () => createQuickWin(t, 'kaltim.drafter')));
    const results = await Promise.all(docs.map((d) => fire(d.id, 'kaltim.drafter', { action: 'SUBMIT' })));
    expect(results.map((r) => r.status)).toEqual(docs.map(() => 200));
    for (const d of docs) await expectIntactChain(d.id);
  });

  describe('the optimistic guard of TransitionWriter', () => {
    /** A transition as FireActionUseCase would hand it over, from a record read earlier. */
    function transitionOf(record: Awaited<ReturnType<DocumentStore['find']>>) {
      return {
        record: record!,
        action: 'ENDORSE',
        fromState: 'endorsement',
        toState: 'verification',
        final: false,
        snapshot: { ...record!.snapshot, value: 'verification' },
        offeredRoles: ['ORG_VERIFIER' as const],
        effects: [],
        facts: record!.facts,
        actor: 'kaltim.kadis',
        onBehalfOf: null,
        comment: null,
        data: null,
        at: new Date(),
      };
    }

    it('writes with a current record (control)', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'endorsement');
      const store = t.app.get(DocumentStore);
      const writer = t.app.get(TransitionWriter);
      await t.dataSource.transaction(async (tx) => {
        const record = await store.find(tx, 'quick-win', doc.id, { lock: true });
        await writer.write(tx, transitionOf(record));
      });
      expect((await snapshotOf(t, doc.id)).state).toBe('verification');
      await expectIntactChain(doc.id);
    });

    it('refuses a record whose document version is stale (UPDATE ... WHERE version = $n matched no row) and writes nothing', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'endorsement');
      const store = t.app.get(DocumentStore);
      const writer = t.app.get(TransitionWriter);
      const stale = await store.find(t.dataSource.manager, 'quick-win', doc.id);
      // someone else changed the document row meanwhile (its version moved on)
      await t.dataSource.query(`UPDATE documents SET version = version + 1 WHERE id = $1`, [doc.id]);
      const before = await snapshotOf(t, doc.id);
      await expect(t.dataSource.transaction((tx) => writer.write(tx, transitionOf(stale)))).rejects.toThrow(/changed under its row lock/);
      expect(await snapshotOf(t, doc.id)).toEqual(before);
      await expectIntactChain(doc.id);
    });

    it('refuses a record read before another transition (its chain position is taken) and writes nothing', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'endorsement');
      const store = t.app.get(DocumentStore);
      const writer = t.app.get(TransitionWriter);
      const stale = await store.find(t.dataSource.manager, 'quick-win', doc.id);
      expect((await fire(doc.id, 'kaltim.kadis', { action: 'ENDORSE' })).status).toBe(200);
      const before = await snapshotOf(t, doc.id);
      await expect(t.dataSource.transaction((tx) => writer.write(tx, transitionOf(stale)))).rejects.toThrow();
      expect(await snapshotOf(t, doc.id)).toEqual(before);
      await expectIntactChain(doc.id);
    });

    it('refuses a record whose instance moved on without a history entry (last_seq guard)', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'endorsement');
      const store = t.app.get(DocumentStore);
      const writer = t.app.get(TransitionWriter);
      const record = await store.find(t.dataSource.manager, 'quick-win', doc.id);
      // pretend the instance row says the chain is one entry longer than this record believes
      const stale = { ...record!, lastSeq: record!.lastSeq - 1 };
      await t.dataSource.query(`ALTER TABLE history_entries DROP CONSTRAINT uq_history_document_seq`).catch(() => undefined);
      try {
        const before = await snapshotOf(t, doc.id);
        await expect(t.dataSource.transaction((tx) => writer.write(tx, transitionOf(stale)))).rejects.toThrow(/changed under its row lock/);
        expect(await snapshotOf(t, doc.id)).toEqual(before);
      } finally {
        await t.dataSource.query(`ALTER TABLE history_entries ADD CONSTRAINT uq_history_document_seq UNIQUE (document_id, seq)`);
      }
    });
  });
});
