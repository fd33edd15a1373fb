import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act, createQuickWin, createTestApp, quickWinBody, type TestApp } from '#testing';
import { driveTo, evaluationData, getDoc, historyOf, progressData } from './support/quick-win.js';

const SHA256_HEX = /^[0-9a-f]{64}$/;

describe('Quick Win flow over HTTP', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** allowedActions of the same document as each of these users sees it. */
  async function allowedFor(id: string, users: string[]): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const user of users) {
      const res = await getDoc(t, id, user);
      expect(res.status).toBe(200);
      out[user] = res.body.allowedActions;
    }
    return out;
  }

  describe('the happy path to completed', () => {
    let id: string;
    const trail: Array<{ action: string; actor: string; from: string | null; to: string }> = [];

    it('creates a draft: version 1, content version 1, no deadline, creator may submit and withdraw', async () => {
      const res = await t.http.post('/api/quick-wins').set(await t.auth('kaltim.drafter')).send(quickWinBody());
      expect(res.status).toBe(201);
      id = res.body.id;
      expect(res.headers.etag).toBe('"1"');
      expect(res.headers.location).toBe(`/api/quick-wins/${id}`);
      expect(res.body).toMatchObject({
        kind: 'quick-win',
        state: 'draft',
        version: 1,
        contentVersion: 1,
        governmentCode: 'kaltim',
        unitCode: 'diskominfo',
        unitName: 'Dinas Komunikasi dan Informatika',
        createdBy: 'kaltim.drafter',
        title: quickWinBody().title,
        category: 'RB_TEMATIK',
        area: 'DIGITALISASI_ADMINISTRASI',
        target: { value: 80, unit: 'persen' },
        budget: 150000000,
        deadline: null,
        allowedActions: ['SUBMIT', 'WITHDRAW'],
      });
      expect(res.body.contentHash).toMatch(SHA256_HEX);
      expect(new Date(res.body.createdAt).getTime()).not.toBeNaN();
      trail.push({ action: 'CREATE', actor: 'kaltim.drafter', from: null, to: 'draft' });

      expect(await allowedFor(id, ['kaltim.drafter2', 'kaltim.kadis'])).toEqual({
        'kaltim.drafter2': ['SUBMIT'],
        'kaltim.kadis': [],
      });
      // a draft never submitted is its unit's alone (issue 9's read scope)
      expect((await getDoc(t, id, 'kaltim.sekda')).status).toBe(404);
    });

    const steps: Array<{
      user: string;
      action: string;
      data?: Record<string, unknown>;
      to: string;
      stage: string | null;
      allowed: Record<string, string[]>;
    }> = [
      {
        user: 'kaltim.drafter',
        action: 'SUBMIT',
        to: 'endorsement',
        stage: 'endorsement',
        allowed: { 'kaltim.kadis': ['ENDORSE', 'RETURN'], 'kaltim.drafter': ['WITHDRAW'], 'kaltim.drafter2': [], 'kaltim.organisasi': [], 'kaltim.sekda': [] },
      },
      {
        user: 'kaltim.kadis',
        action: 'ENDORSE',
        to: 'verification',
        stage: 'verification',
        allowed: { 'kaltim.organisasi': ['VERIFY', 'RETURN'], 'kaltim.drafter': ['WITHDRAW'], 'kaltim.kadis': [], 'kaltim.sekda': [] },
      },
      {
        user: 'kaltim.organisasi',
        action: 'VERIFY',
        to: 'approval',
        stage: 'approval',
        allowed: { 'kaltim.sekda': ['APPROVE', 'REJECT', 'RETURN'], 'kaltim.drafter': [], 'kaltim.organisasi': [], 'kaltim.kepala': [] },
      },
      {
        user: 'kaltim.sekda',
        action: 'APPROVE',
        to: 'implementation',
        stage: 'implementation',
        // COMPLETE needs a progress report first
        allowed: { 'kaltim.drafter': ['REPORT_PROGRESS'], 'kaltim.drafter2': ['REPORT_PROGRESS'], 'kaltim.kadis': [], 'kaltim.sekda': [] },
      },
      {
        user: 'kaltim.drafter',
        action: 'REPORT_PROGRESS',
        data: progressData(),
        to: 'implementation',
        stage: 'implementation',
        allowed: { 'kaltim.kadis': ['COMPLETE'], 'kaltim.drafter': ['REPORT_PROGRESS'], 'kaltim.inspektur': [] },
      },
      {
        user: 'kaltim.kadis',
        action: 'COMPLETE',
        to: 'evaluation',
        stage: 'evaluation',
        allowed: { 'kaltim.inspektur': ['RETURN', 'EVALUATE'], 'kaltim.kadis': [], 'kaltim.drafter': [] },
      },
      {
        user: 'kaltim.inspektur',
        action: 'EVALUATE',
        data: evaluationData(),
        to: 'completed',
        stage: null,
        allowed: { 'kaltim.inspektur': [], 'kaltim.drafter': [], 'kaltim.sekda': [], 'kaltim.kadis': [] },
      },
    ];

    steps.forEach((step, i) => {
      it(`${step.action} by ${step.user} moves it to ${step.to} (version ${i + 2})`, async () => {
        const before = await getDoc(t, id, step.user);
        const res = await act(t, 'quick-wins', id, step.user, step.action, { data: step.data });
        expect(res.status).toBe(200);
        expect(res.body.state).toBe(step.to);
        expect(res.body.version).toBe(i + 2);
        expect(res.body.version).toBe(before.body.version + 1);
        expect(res.headers.etag).toBe(`"${i + 2}"`);
        // an action does not change the content
        expect(res.body.contentVersion).toBe(1);
        expect(res.body.contentHash).toBe(before.body.contentHash);
        if (step.stage === null) {
          expect(res.body.deadline).toBeNull();
        } else {
          expect(res.body.deadline).toEqual({
            stage: step.stage,
            dueAt: expect.any(String),
            overdue: false,
            dueSoon: false, // every Quick Win stage lasts 3 working days or more
            explanation: expect.any(String),
          });
          expect(new Date(res.body.deadline.dueAt).getTime()).toBeGreaterThan(Date.now());
          expect(res.body.deadline.explanation.length).toBeGreaterThan(10);
        }
        expect(res.body.allowedActions).toEqual(step.allowed[step.user]);
        expect(await allowedFor(id, Object.keys(step.allowed))).toEqual(step.allowed);
        trail.push({ action: step.action, actor: step.user, from: before.body.state, to: step.to });

        const got = await getDoc(t, id, 'kaltim.sekda');
        expect(got.body.state).toBe(step.to);
        expect(got.headers.etag).toBe(`"${i + 2}"`);
      });
    });

    it('records the progress report and the evaluation on the document', async () => {
      const res = await getDoc(t, id, 'kaltim.kepala');
      expect(res.body.progressReports).toEqual([expect.objectContaining({ ...progressData(), reportedBy: 'kaltim.drafter' })]);
      expect(res.body.evaluation).toMatchObject({ ...evaluationData(), evaluatedBy: 'kaltim.inspektur' });
    });

    it('has one chained history entry per step, in order, with actors and content version', async () => {
      const { entries, chainValid, firstInvalidSeq } = await historyOf(t, id, 'kaltim.organisasi');
      expect(chainValid).toBe(true);
      expect(firstInvalidSeq).toBeNull();
      expect(entries.map((e) => ({ action: e.action, actor: e.actor, from: e.fromState, to: e.toState }))).toEqual(trail);
      expect(entries.map((e) => e.seq)).toEqual(trail.map((_, i) => i + 1));
      const { body: doc } = await getDoc(t, id, 'kaltim.drafter');
      for (const e of entries) {
        expect(e.contentVersion).toBe(1);
        expect(e.contentHash).toBe(doc.contentHash);
        expect(e.onBehalfOf).toBeNull();
        expect(e.hash).toMatch(SHA256_HEX);
        expect(new Date(e.at).getTime()).not.toBeNaN();
      }
      expect(new Set(entries.map((e) => e.hash)).size).toBe(entries.length);
      expect(entries.find((e) => e.action === 'REPORT_PROGRESS')!.data).toEqual(progressData());
      expect(entries.find((e) => e.action === 'EVALUATE')!.data).toEqual(evaluationData());
      expect(entries.find((e) => e.action === 'SUBMIT')!.data).toBeNull();
    });

    it('lists the single content version', async () => {
      const res = await t.http.get(`/api/quick-wins/${id}/versions`).set(await t.auth('kaltim.drafter'));
      expect(res.status).toBe(200);
      const { body: doc } = await getDoc(t, id, 'kaltim.drafter');
      expect(res.body.items).toEqual([
        expect.objectContaining({ version: 1, contentHash: doc.contentHash, createdBy: 'kaltim.drafter', createdAt: expect.any(String) }),
      ]);
    });

    it('is final: every action is now an invalid transition', async () => {
      const res = await act(t, 'quick-wins', id, 'kaltim.inspektur', 'EVALUATE', { data: evaluationData() });
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('INVALID_TRANSITION');
      const withdraw = await act(t, 'quick-wins', id, 'kaltim.drafter', 'WITHDRAW');
      expect(withdraw.status).toBe(409);
      expect((await historyOf(t, id)).entries).toHaveLength(trail.length);
    });

    it('appears in the list with its filters', async () => {
      const res = await t.http.get('/api/quick-wins?state=completed&unitCode=diskominfo&year=2026').set(await t.auth('kaltim.sekda'));
      expect(res.status).toBe(200);
      expect(res.body.items.map((d: { id: string }) => d.id)).toContain(id);
      expect(res.body).toMatchObject({ page: 1, limit: 20 });
      const none = await t.http.get('/api/quick-wins?state=draft').set(await t.auth('kaltim.sekda'));
      expect(none.body.items.map((d: { id: string }) => d.id)).not.toContain(id);
    });
  });

  describe('RETURN -> revision -> edit -> RESUBMIT', () => {
    it.each([
      ['endorsement', 'kaltim.kadis'],
      ['verification', 'kaltim.organisasi'],
      ['approval', 'kaltim.sekda'],
    ])('RETURN in %s by %s needs a comment, lands in revision and records the comment', async (stage, returner) => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      const before = await driveTo(t, doc.id, stage);
      const res = await act(t, 'quick-wins', doc.id, returner, 'RETURN', { comment: 'Indikator belum terukur, mohon diperbaiki.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'revision', version: before.version + 1, deadline: { stage: 'revision', overdue: false } });
      expect(res.body.allowedActions).toEqual([]);
      const drafter = await getDoc(t, doc.id, 'kaltim.drafter');
      expect(drafter.body.allowedActions).toEqual(['RESUBMIT', 'WITHDRAW']);
      const { entries, chainValid } = await historyOf(t, doc.id);
      expect(chainValid).toBe(true);
      expect(entries.at(-1)).toMatchObject({ action: 'RETURN', actor: returner, fromState: stage, toState: 'revision', comment: 'Indikator belum terukur, mohon diperbaiki.' });
    });

    it('an edit in revision makes a new content version that later actions record, then RESUBMIT goes back to endorsement', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'endorsement');
      const returned = await act(t, 'quick-wins', doc.id, 'kaltim.kadis', 'RETURN', { comment: 'Target terlalu rendah' });
      expect(returned.status).toBe(200);
      const v1Hash = returned.body.contentHash;

      const patch = await t.http
        .patch(`/api/quick-wins/${doc.id}`)
        .set(await t.auth('kaltim.drafter2'))
        .send({ target: { value: 95, unit: 'persen' }, budget: 175000000 });
      expect(patch.status).toBe(200);
      expect(patch.body).toMatchObject({ state: 'revision', contentVersion: 2, version: returned.body.version + 1, target: { value: 95, unit: 'persen' }, budget: 175000000 });
      expect(patch.body.title).toBe(quickWinBody().title);
      expect(patch.body.contentHash).toMatch(SHA256_HEX);
      expect(patch.body.contentHash).not.toBe(v1Hash);
      expect(patch.headers.etag).toBe(`"${patch.body.version}"`);

      const versions = await t.http.get(`/api/quick-wins/${doc.id}/versions`).set(await t.auth('kaltim.kadis'));
      expect(versions.status).toBe(200);
      expect(versions.body.items.map((v: Record<string, unknown>) => [v.version, v.contentHash, v.createdBy, v.createdByName])).toEqual([
        [1, v1Hash, 'kaltim.drafter', 'Rina Wulandari, S.Kom.'],
        [2, patch.body.contentHash, 'kaltim.drafter2', 'Agus Setiawan, S.T.'],
      ]);

      // the same content again is no new version
      const same = await t.http.patch(`/api/quick-wins/${doc.id}`).set(await t.auth('kaltim.drafter')).send({ budget: 175000000 });
      expect(same.status).toBe(200);
      expect(same.body).toMatchObject({ contentVersion: 2, version: patch.body.version, contentHash: patch.body.contentHash });

      const resubmit = await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'RESUBMIT');
      expect(resubmit.status).toBe(200);
      expect(resubmit.body).toMatchObject({ state: 'endorsement', version: patch.body.version + 1, contentVersion: 2, deadline: { stage: 'endorsement' } });

      const endorse = await act(t, 'quick-wins', doc.id, 'kaltim.kadis', 'ENDORSE');
      expect(endorse.status).toBe(200);
      expect(endorse.body.state).toBe('verification');

      const { entries, chainValid } = await historyOf(t, doc.id, 'kaltim.kadis');
      expect(chainValid).toBe(true);
      expect(entries.map((e) => [e.seq, e.action, e.contentVersion, e.contentHash])).toEqual([
        [1, 'CREATE', 1, v1Hash],
        [2, 'SUBMIT', 1, v1Hash],
        [3, 'RETURN', 1, v1Hash],
        [4, 'EDIT', 2, patch.body.contentHash],
        [5, 'RESUBMIT', 2, patch.body.contentHash],
        [6, 'ENDORSE', 2, patch.body.contentHash],
      ]);
      expect(entries[3]).toMatchObject({ actor: 'kaltim.drafter2', fromState: 'revision', toState: 'revision' });
    });

    it('an edit in draft also versions the content', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      const patch = await t.http.patch(`/api/quick-wins/${doc.id}`).set(await t.auth('kaltim.drafter')).send({ title: 'Judul yang diperbaiki' });
      expect(patch.status).toBe(200);
      expect(patch.body).toMatchObject({ state: 'draft', title: 'Judul yang diperbaiki', contentVersion: 2, version: 2 });
      const list = await t.http.get('/api/quick-wins?state=draft').set(await t.auth('kaltim.drafter'));
      expect(list.body.items.find((d: { id: string }) => d.id === doc.id)?.title).toBe('Judul yang diperbaiki');
    });
  });

  describe('REJECT', () => {
    it('needs a comment, then ends the Quick Win in rejected', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      const before = await driveTo(t, doc.id, 'approval');
      const noComment = await act(t, 'quick-wins', doc.id, 'kaltim.sekda', 'REJECT');
      expect(noComment.status).toBe(400);
      expect(noComment.body.code).toBe('VALIDATION_FAILED');
      const blank = await act(t, 'quick-wins', doc.id, 'kaltim.sekda', 'REJECT', { comment: '   ' });
      expect(blank.status).toBe(400);

      const res = await act(t, 'quick-wins', doc.id, 'kaltim.sekda', 'REJECT', { comment: 'Tidak sesuai prioritas daerah tahun ini.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'rejected', version: before.version + 1, deadline: null, allowedActions: [] });
      expect((await getDoc(t, doc.id, 'kaltim.drafter')).body.allowedActions).toEqual([]);
      const { entries, chainValid } = await historyOf(t, doc.id);
      expect(chainValid).toBe(true);
      expect(entries.at(-1)).toMatchObject({ action: 'REJECT', actor: 'kaltim.sekda', fromState: 'approval', toState: 'rejected', comment: 'Tidak sesuai prioritas daerah tahun ini.' });
      const again = await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'RESUBMIT');
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('INVALID_TRANSITION');
    });
  });

  describe('WITHDRAW', () => {
    it.each(['draft', 'endorsement', 'verification', 'revision'])('the creator withdraws in %s; another drafter of the unit may not', async (state) => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      if (state === 'revision') {
        await driveTo(t, doc.id, 'endorsement');
        expect((await act(t, 'quick-wins', doc.id, 'kaltim.kadis', 'RETURN', { comment: 'Perbaiki' })).status).toBe(200);
      } else if (state !== 'draft') {
        await driveTo(t, doc.id, state);
      }
      const other = await act(t, 'quick-wins', doc.id, 'kaltim.drafter2', 'WITHDRAW');
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('FORBIDDEN');
      expect((await getDoc(t, doc.id, 'kaltim.drafter')).body.state).toBe(state);

      const res = await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'WITHDRAW');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'withdrawn', deadline: null, allowedActions: [] });
      const { entries, chainValid } = await historyOf(t, doc.id);
      expect(chainValid).toBe(true);
      expect(entries.at(-1)).toMatchObject({ action: 'WITHDRAW', actor: 'kaltim.drafter', fromState: state, toState: 'withdrawn' });
      expect(await t.dataSource.query(`SELECT stage FROM deadlines WHERE document_id = $1 AND status = 'PENDING'`, [doc.id])).toEqual([]);
    });

    it('is not possible once approved', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'approval');
      const res = await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'WITHDRAW');
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('INVALID_TRANSITION');
    });
  });

  describe('implementation and evaluation', () => {
    it('COMPLETE without a progress report is 409 and changes nothing', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      const approved = await driveTo(t, doc.id, 'implementation');
      const res = await act(t, 'quick-wins', doc.id, 'kaltim.kadis', 'COMPLETE');
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('INVALID_TRANSITION');
      const after = await getDoc(t, doc.id, 'kaltim.kadis');
      expect(after.body).toMatchObject({ state: 'implementation', version: approved.version });
    });

    it('each progress report restarts the implementation deadline and is kept in order', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'implementation');
      const first = await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'REPORT_PROGRESS', { data: progressData({ period: '2026-02', percent: 20 }) });
      expect(first.status).toBe(200);
      const second = await act(t, 'quick-wins', doc.id, 'kaltim.drafter2', 'REPORT_PROGRESS', { data: progressData({ period: '2026-03', percent: 45, evidence: [] }) });
      expect(second.status).toBe(200);
      expect(second.body.progressReports.map((r: Record<string, unknown>) => [r.period, r.percent, r.reportedBy])).toEqual([
        ['2026-02', 20, 'kaltim.drafter'],
        ['2026-03', 45, 'kaltim.drafter2'],
      ]);
      expect(second.body.deadline.stage).toBe('implementation');
      const pending = await t.dataSource.query(`SELECT count(*)::int AS n FROM deadlines WHERE document_id = $1 AND status = 'PENDING'`, [doc.id]);
      expect(pending[0].n).toBe(1);
    });

    it('REPORT_PROGRESS and EVALUATE validate their data', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      const approved = await driveTo(t, doc.id, 'implementation');
      for (const data of [
        undefined,
        progressData({ period: '2026-13' }),
        progressData({ percent: 101 }),
        progressData({ percent: -1 }),
        progressData({ realization: '' }),
        progressData({ evidence: 'not-a-list' }),
        progressData({ extra: true }),
      ]) {
        const res = await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'REPORT_PROGRESS', { data });
        expect({ data, status: res.status, code: res.body.code }).toEqual({ data, status: 400, code: 'VALIDATION_FAILED' });
      }
      expect((await getDoc(t, doc.id, 'kaltim.drafter')).body).toMatchObject({ state: 'implementation', version: approved.version, progressReports: [] });
      // the unit head still cannot complete: none of those counted as a report
      expect((await act(t, 'quick-wins', doc.id, 'kaltim.kadis', 'COMPLETE')).status).toBe(409);
      expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'REPORT_PROGRESS', { data: progressData() })).status).toBe(200);
      expect((await act(t, 'quick-wins', doc.id, 'kaltim.kadis', 'COMPLETE')).status).toBe(200);
      for (const data of [undefined, evaluationData({ score: 101 }), evaluationData({ score: 'baik' }), evaluationData({ notes: undefined })]) {
        const res = await act(t, 'quick-wins', doc.id, 'kaltim.inspektur', 'EVALUATE', { data });
        expect({ data, status: res.status }).toEqual({ data, status: 400 });
      }
      expect((await getDoc(t, doc.id, 'kaltim.inspektur')).body).toMatchObject({ state: 'evaluation', evaluation: null });
    });

    it('the inspector RETURNs an evaluation to implementation; it can be completed and evaluated again', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'evaluation');
      const noComment = await act(t, 'quick-wins', doc.id, 'kaltim.inspektur', 'RETURN');
      expect(noComment.status).toBe(400);
      const res = await act(t, 'quick-wins', doc.id, 'kaltim.inspektur', 'RETURN', { comment: 'Bukti dukung belum lengkap' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'implementation', deadline: { stage: 'implementation' } });
      // the earlier report still counts: the unit head may complete again
      expect((await getDoc(t, doc.id, 'kaltim.kadis')).body.allowedActions).toEqual(['COMPLETE']);
      expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'REPORT_PROGRESS', { data: progressData({ period: '2026-04' }) })).status).toBe(200);
      expect((await act(t, 'quick-wins', doc.id, 'kaltim.kadis', 'COMPLETE')).status).toBe(200);
      const done = await act(t, 'quick-wins', doc.id, 'kaltim.inspektur', 'EVALUATE', { data: evaluationData({ score: 90 }) });
      expect(done.status).toBe(200);
      expect(done.body.state).toBe('completed');
      const { entries, chainValid } = await historyOf(t, doc.id);
      expect(chainValid).toBe(true);
      expect(entries.map((e) => e.action)).toEqual([
        'CREATE', 'SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE', 'REPORT_PROGRESS', 'COMPLETE', 'RETURN', 'REPORT_PROGRESS', 'COMPLETE', 'EVALUATE',
      ]);
      expect(entries[7]).toMatchObject({ fromState: 'evaluation', toState: 'implementation', actor: 'kaltim.inspektur', comment: 'Bukti dukung belum lengkap' });
    });
  });

  it('works the same in a regency (paser)', async () => {
    const doc = await createQuickWin(t, 'paser.drafter');
    const done = await driveTo(t, doc.id, 'completed', 'paser');
    expect(done).toMatchObject({ state: 'completed', governmentCode: 'paser', deadline: null });
    expect((await historyOf(t, doc.id, 'paser.sekda')).chainValid).toBe(true);
  });
});
