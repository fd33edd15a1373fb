import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { act, createQuickWin, createRegulation, createTestApp, quickWinBody, type TestApp } from '#testing';
import { driveTo, evaluationData, getDoc, historyOf, progressData, snapshotOf } from './support/quick-win.js';
import { addUser, setRoles } from './support/users.js';

/**
 * The error table of api.md for Quick Wins: stable codes, the order of the questions (404, 400, 412,
 * 409, 403), idempotency, and that no request however malformed gets a 5xx or changes anything.
 */
describe('Quick Win errors', () => {
  let t: TestApp;
  /** Every response of this file; none may be a 5xx. */
  const statuses: Array<{ what: string; status: number }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    await addUser(t, { username: 'kaltim.drafter.dinkes', governmentCode: 'kaltim', unitCode: 'dinkes', roles: ['DRAFTER'] });
    await addUser(t, { username: 'kaltim.kadis.dinkes', governmentCode: 'kaltim', unitCode: 'dinkes', roles: ['UNIT_HEAD'] });
    await addUser(t, { username: 'kaltim.serba', governmentCode: 'kaltim', unitCode: 'diskominfo', roles: ['DRAFTER'] });
  });
  afterAll(async () => {
    await t.close();
  });

  function expectError(res: { status: number; body: Record<string, unknown> }, status: number, code: string) {
    statuses.push({ what: `${code}`, status: res.status });
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body).toEqual(
      expect.objectContaining({ statusCode: status, code, error: expect.any(String), message: expect.any(String) }),
    );
  }

  async function post(path: string, user: string, body: unknown, headers: Record<string, string> = {}) {
    const req = t.http.post(path).set({ ...(await t.auth(user)), ...headers });
    const res = await (body === undefined ? req : typeof body === 'string' ? req.set('Content-Type', 'application/json').send(body) : req.send(body as object));
    statuses.push({ what: `POST ${path} ${typeof body === 'string' ? body.slice(0, 40) : JSON.stringify(body)?.slice(0, 60)}`, status: res.status });
    return res;
  }

  async function patch(id: string, user: string, body: unknown, headers: Record<string, string> = {}) {
    const req = t.http.patch(`/api/quick-wins/${id}`).set({ ...(await t.auth(user)), ...headers });
    const res = await (typeof body === 'string' ? req.set('Content-Type', 'application/json').send(body) : req.send(body as object));
    statuses.push({ what: `PATCH ${JSON.stringify(body)?.slice(0, 60)}`, status: res.status });
    return res;
  }

  async function fire(id: string, user: string, body: unknown, headers: Record<string, string> = {}) {
    return post(`/api/quick-wins/${id}/actions`, user, body, headers);
  }

  describe('400 VALIDATION_FAILED on create', () => {
    const { title: _t, ...withoutTitle } = quickWinBody();
    const cases: Array<[string, unknown]> = [
      ['an unknown field', quickWinBody({ priority: 'HIGH' })],
      ['an unknown nested field', quickWinBody({ target: { value: 80, unit: 'persen', baseline: 10 } })],
      ['a missing field', withoutTitle],
      ['a year written as a string', quickWinBody({ year: '2026' })],
      ['a fractional year', quickWinBody({ year: 2026.5 })],
      ['a numeric title', quickWinBody({ title: 12345 })],
      ['a title too short', quickWinBody({ title: 'QW' })],
      ['a title of white space only', quickWinBody({ title: '   ' })],
      ['an empty description', quickWinBody({ description: '' })],
      ['a description of white space only', quickWinBody({ description: ' \n\t ' })],
      ['an indicator of white space only', quickWinBody({ indicator: ' ' })],
      ['a target unit of white space only', quickWinBody({ target: { value: 80, unit: '  ' } })],
      ['an output of white space only', quickWinBody({ output: '\n' })],
      ['target as a string', quickWinBody({ target: '80 persen' })],
      ['target as an array', quickWinBody({ target: [80, 'persen'] })],
      ['target value as a string', quickWinBody({ target: { value: '80', unit: 'persen' } })],
      ['an unknown category', quickWinBody({ category: 'RB_LAINNYA' })],
      ['an unknown area', quickWinBody({ area: 'PARIWISATA' })],
      ['an RB_TEMATIK area under RB_GENERAL', quickWinBody({ category: 'RB_GENERAL', area: 'DIGITALISASI_ADMINISTRASI' })],
      ['an RB_GENERAL area under RB_TEMATIK', quickWinBody({ category: 'RB_TEMATIK', area: 'PELAYANAN_PUBLIK' })],
      ['an impossible date', quickWinBody({ startDate: '2026-02-30' })],
      ['a date with slashes', quickWinBody({ startDate: '2026/01/05' })],
      ['a date with a time', quickWinBody({ endDate: '2026-12-31T00:00:00Z' })],
      ['a date as a number', quickWinBody({ endDate: 20261231 })],
      ['endDate before startDate', quickWinBody({ startDate: '2026-06-01', endDate: '2026-05-31' })],
      ['endDate 12 months and a day after startDate', quickWinBody({ startDate: '2026-01-05', endDate: '2027-01-06' })],
      ['endDate two years after startDate', quickWinBody({ startDate: '2026-01-05', endDate: '2028-01-05' })],
      ['a negative budget', quickWinBody({ budget: -1 })],
      ['a fractional budget', quickWinBody({ budget: 1500.5 })],
      ['a budget as a string', quickWinBody({ budget: '150000000' })],
      ['a budget beyond safe integers', quickWinBody({ budget: 2 ** 60 })],
      ['a unitCode with capitals', quickWinBody({ unitCode: 'DISKOMINFO' })],
      ['an array body', [quickWinBody()]],
      ['an empty body', {}],
    ];
    it.each(cases)('%s', async (_name, body) => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM documents`);
      const res = await post('/api/quick-wins', 'kaltim.drafter', body);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM documents`)).toEqual(before);
    });

    it('accepts exactly 12 months and a zero budget (the boundaries)', async () => {
      const res = await post('/api/quick-wins', 'kaltim.drafter', quickWinBody({ startDate: '2026-01-05', endDate: '2027-01-05', budget: 0 }));
      expect(res.status).toBe(201);
      const leap = await post('/api/quick-wins', 'kaltim.drafter', quickWinBody({ startDate: '2028-02-29', endDate: '2029-02-28', year: 2028 }));
      expect(leap.status).toBe(201);
    });

    it('403 for a non-drafter or for another unit than the drafter\'s', async () => {
      expectError(await post('/api/quick-wins', 'kaltim.kadis', quickWinBody()), 403, 'FORBIDDEN');
      expectError(await post('/api/quick-wins', 'kaltim.drafter', quickWinBody({ unitCode: 'dinkes' })), 403, 'FORBIDDEN');
      const own = await post('/api/quick-wins', 'kaltim.drafter', quickWinBody({ unitCode: 'diskominfo' }));
      expect(own.status).toBe(201);
    });

    it('401 without a token', async () => {
      const res = await t.http.post('/api/quick-wins').send(quickWinBody());
      expectError(res, 401, 'UNAUTHENTICATED');
    });
  });

  describe('400 on PATCH', () => {
    let id: string;
    beforeAll(async () => {
      id = (await createQuickWin(t, 'kaltim.drafter')).id;
    });
    const cases: Array<[string, unknown]> = [
      ['an unknown field', { priority: 'HIGH' }],
      ['nothing to change', {}],
      ['a wrong type', { budget: '1' }],
      ['a fractional budget', { budget: 0.5 }],
      ['an area of the other category', { area: 'PELAYANAN_PUBLIK' }],
      ['a category whose areas do not hold the current area', { category: 'RB_GENERAL' }],
      ['an endDate too far after the stored startDate', { endDate: '2027-06-30' }],
      ['a startDate after the stored endDate', { startDate: '2027-01-01' }],
      ['a bad date', { startDate: '05-01-2026' }],
      ['a null title', { title: null }],
      ['a title of white space only', { title: '    ' }],
      ['a null category', { category: null }],
      ['a null target', { target: null }],
      ['a null startDate', { startDate: null }],
      ['a null budget', { budget: null }],
      ['unitCode (not editable)', { unitCode: 'diskominfo' }],
      ['state (not a field)', { state: 'approval' }],
      ['version (not a field)', { version: 99 }],
      ['an array', [{ title: 'Judul baru' }]],
    ];
    it.each(cases)('%s', async (_name, body) => {
      const before = await snapshotOf(t, id);
      const res = await patch(id, 'kaltim.drafter', body);
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(await snapshotOf(t, id)).toEqual(before);
    });
  });

  describe('400 on actions', () => {
    let id: string;
    beforeAll(async () => {
      id = (await createQuickWin(t, 'kaltim.drafter')).id;
      await driveTo(t, id, 'endorsement');
    });
    const cases: Array<[string, unknown]> = [
      ['an unknown action', { action: 'FLY' }],
      ['a regulation-only action', { action: 'PARAF' }],
      ['a lower-case action', { action: 'endorse' }],
      ['a numeric action', { action: 1 }],
      ['no action', { comment: 'tanpa aksi' }],
      ['an unknown field', { action: 'ENDORSE', urgent: true }],
      ['RETURN without comment', { action: 'RETURN' }],
      ['RETURN with an empty comment', { action: 'RETURN', comment: '' }],
      ['RETURN with a blank comment', { action: 'RETURN', comment: ' \n\t ' }],
      ['a numeric comment', { action: 'RETURN', comment: 42 }],
      ['data on an action that takes none', { action: 'ENDORSE', data: { note: 'x' } }],
      ['data as an array', { action: 'ENDORSE', data: ['x'] }],
      ['data as a string', { action: 'ENDORSE', data: 'x' }],
      ['an array body', [{ action: 'ENDORSE' }]],
      ['an empty body', {}],
    ];
    it.each(cases)('%s', async (_name, body) => {
      const before = await snapshotOf(t, id);
      expectError(await fire(id, 'kaltim.kadis', body), 400, 'VALIDATION_FAILED');
      expect(await snapshotOf(t, id)).toEqual(before);
    });

    it('an over-long Idempotency-Key is 400', async () => {
      expectError(await fire(id, 'kaltim.kadis', { action: 'ENDORSE' }, { 'Idempotency-Key': 'k'.repeat(256) }), 400, 'VALIDATION_FAILED');
    });
  });

  describe('404 NOT_FOUND', () => {
    let id: string;
    beforeAll(async () => {
      id = (await createQuickWin(t, 'kaltim.drafter')).id;
      await driveTo(t, id, 'approval');
    });

    it.each(['not-a-uuid', '12345', randomUUID(), '00000000-0000-0000-0000-000000000000'])('an unknown id (%s) on every endpoint', async (bad) => {
      const auth = await t.auth('kaltim.sekda');
      for (const res of [
        await t.http.get(`/api/quick-wins/${bad}`).set(auth),
        await t.http.get(`/api/quick-wins/${bad}/history`).set(auth),
        await t.http.get(`/api/quick-wins/${bad}/versions`).set(auth),
        await t.http.patch(`/api/quick-wins/${bad}`).set(auth).send({ title: 'Judul baru sekali' }),
        await t.http.post(`/api/quick-wins/${bad}/actions`).set(auth).send({ action: 'APPROVE' }),
      ]) {
        expectError(res, 404, 'NOT_FOUND');
      }
    });

    it('a regulation id under /quick-wins', async () => {
      const reg = await createRegulation(t, 'kaltim.drafter');
      expectError(await t.http.get(`/api/quick-wins/${reg.id}`).set(await t.auth('kaltim.drafter')), 404, 'NOT_FOUND');
      expectError(await fire(reg.id, 'kaltim.drafter', { action: 'SUBMIT' }), 404, 'NOT_FOUND');
    });

    it('a paser user cannot see, list, edit or act on a kaltim document', async () => {
      const before = await snapshotOf(t, id);
      for (const user of ['paser.sekda', 'paser.drafter', 'paser.admin', 'berau.organisasi']) {
        const auth = await t.auth(user);
        expectError(await t.http.get(`/api/quick-wins/${id}`).set(auth), 404, 'NOT_FOUND');
        expectError(await t.http.get(`/api/quick-wins/${id}/history`).set(auth), 404, 'NOT_FOUND');
        expectError(await t.http.get(`/api/quick-wins/${id}/versions`).set(auth), 404, 'NOT_FOUND');
        expectError(await patch(id, user, { title: 'Judul dari kabupaten' }), 404, 'NOT_FOUND');
        expectError(await fire(id, user, { action: 'APPROVE' }), 404, 'NOT_FOUND');
        expectError(await fire(id, user, { action: 'REJECT', comment: 'tidak' }), 404, 'NOT_FOUND');
        for (const query of ['', '?state=approval', '?unitCode=diskominfo', '?year=2026&limit=100']) {
          const list = await t.http.get(`/api/quick-wins${query}`).set(auth);
          expect(list.status).toBe(200);
          expect(list.body.items.map((d: { id: string }) => d.id)).not.toContain(id);
          expect(list.body.items.every((d: { governmentCode: string }) => d.governmentCode === user.split('.')[0])).toBe(true);
        }
      }
      // the kaltim Sekda does see it, so the 404s above are about scope
      expect((await getDoc(t, id, 'kaltim.sekda')).status).toBe(200);
      expect(await snapshotOf(t, id)).toEqual(before);
    });

    it('a paser user may hold a kaltim document\'s id and still gets 404 for a malformed request (404 before 400)', async () => {
      expectError(await fire(id, 'paser.sekda', { action: 'FLY', extra: 1 }), 404, 'NOT_FOUND');
      expectError(await fire(id, 'paser.sekda', [1, 2, 3]), 404, 'NOT_FOUND');
      expectError(await fire(id, 'paser.sekda', { action: 'APPROVE' }, { 'If-Match': '"999"' }), 404, 'NOT_FOUND');
      expectError(await patch(id, 'paser.drafter', { nonsense: true }), 404, 'NOT_FOUND');
      expectError(await fire(id, 'paser.sekda', { action: 'APPROVE' }, { 'Idempotency-Key': 'k'.repeat(300) }), 404, 'NOT_FOUND');
      expectError(await fire(randomUUID(), 'kaltim.sekda', { action: 'APPROVE' }, { 'Idempotency-Key': 'k'.repeat(300) }), 404, 'NOT_FOUND');
    });
  });

  describe('the order of the questions: 404, 400, 412, 409, 403', () => {
    it('on actions', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      const submitted = await driveTo(t, doc.id, 'endorsement');
      const stale = { 'If-Match': '"1"' };
      const current = { 'If-Match': `"${submitted.version}"` };
      const before = await snapshotOf(t, doc.id);
      // malformed + stale + outside scope -> 404
      expectError(await fire(doc.id, 'paser.kadis', { action: 'ENDORSE', extra: 1 }, stale), 404, 'NOT_FOUND');
      // malformed + stale + wrong role -> 400
      expectError(await fire(doc.id, 'kaltim.organisasi', { action: 'ENDORSE', extra: 1 }, stale), 400, 'VALIDATION_FAILED');
      expectError(await fire(doc.id, 'kaltim.organisasi', { action: 'RETURN' }, stale), 400, 'VALIDATION_FAILED');
      // stale + impossible in this state + wrong role -> 412
      expectError(await fire(doc.id, 'kaltim.organisasi', { action: 'APPROVE' }, stale), 412, 'VERSION_MISMATCH');
      // stale + wrong role -> 412
      expectError(await fire(doc.id, 'kaltim.organisasi', { action: 'ENDORSE' }, stale), 412, 'VERSION_MISMATCH');
      // impossible in this state + wrong role -> 409
      expectError(await fire(doc.id, 'kaltim.organisasi', { action: 'APPROVE' }, current), 409, 'INVALID_TRANSITION');
      expectError(await fire(doc.id, 'kaltim.drafter2', { action: 'VERIFY' }), 409, 'INVALID_TRANSITION');
      // possible, wrong role -> 403
      expectError(await fire(doc.id, 'kaltim.organisasi', { action: 'ENDORSE' }, current), 403, 'FORBIDDEN');
      expect(await snapshotOf(t, doc.id)).toEqual(before);
      // and the right caller with the current version passes
      const ok = await fire(doc.id, 'kaltim.kadis', { action: 'ENDORSE' }, current);
      expect(ok.status).toBe(200);
      expect(ok.headers.etag).toBe(`"${submitted.version + 1}"`);
    });

    it('on PATCH: 404, 400, 412, 409 NOT_EDITABLE, 403', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      const stale = { 'If-Match': '"7"' };
      expectError(await patch(doc.id, 'paser.drafter', { bogus: 1 }, stale), 404, 'NOT_FOUND');
      expectError(await patch(doc.id, 'kaltim.kadis', { bogus: 1 }, stale), 400, 'VALIDATION_FAILED');
      expectError(await patch(doc.id, 'kaltim.kadis', { title: 'Judul lain sekali' }, stale), 412, 'VERSION_MISMATCH');
      expectError(await patch(doc.id, 'kaltim.kadis', { title: 'Judul lain sekali' }, { 'If-Match': '"1"' }), 403, 'FORBIDDEN');
      // another unit's draft is out of the read scope (issue 9): not found
      expectError(await patch(doc.id, 'kaltim.drafter.dinkes', { title: 'Judul lain sekali' }), 404, 'NOT_FOUND');
      const submitted = await driveTo(t, doc.id, 'endorsement');
      expectError(await patch(doc.id, 'kaltim.kadis', { title: 'Judul lain sekali' }, { 'If-Match': `"${submitted.version}"` }), 409, 'NOT_EDITABLE');
      expectError(await patch(doc.id, 'kaltim.drafter', { title: 'Judul lain sekali' }, { 'If-Match': '"1"' }), 412, 'VERSION_MISMATCH');
    });
  });

  describe('403 FORBIDDEN', () => {
    /** No role that reads the government's documents, another unit, never acted on it, not asked to. */
    const OUT_OF_READ_SCOPE = new Set(['kaltim.plh', 'kaltim.kadis.dinkes', 'kaltim.drafter.dinkes']);

    it.each([
      ['endorsement', 'ENDORSE', ['kaltim.drafter2', 'kaltim.organisasi', 'kaltim.sekda', 'kaltim.kepala', 'kaltim.admin', 'kaltim.plh', 'kaltim.kadis.dinkes']],
      ['endorsement', 'RETURN', ['kaltim.sekda', 'kaltim.kadis.dinkes', 'kaltim.inspektur']],
      ['verification', 'VERIFY', ['kaltim.kadis', 'kaltim.sekda', 'kaltim.hukum', 'kaltim.drafter2']],
      ['approval', 'APPROVE', ['kaltim.organisasi', 'kaltim.kepala', 'kaltim.asisten', 'kaltim.plh', 'kaltim.admin']],
      ['approval', 'REJECT', ['kaltim.organisasi', 'kaltim.kepala']],
      ['implementation', 'COMPLETE', ['kaltim.sekda', 'kaltim.kadis.dinkes']],
      ['implementation', 'REPORT_PROGRESS', ['kaltim.kadis', 'kaltim.drafter.dinkes', 'kaltim.sekda']],
      ['evaluation', 'EVALUATE', ['kaltim.sekda', 'kaltim.organisasi', 'kaltim.kadis']],
    ])('in %s, %s by someone without the role, unit or jurisdiction', async (state, action, users) => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, state === 'implementation' ? 'reported' : state);
      const before = await snapshotOf(t, doc.id);
      for (const user of users) {
        const extra = action === 'RETURN' || action === 'REJECT' ? { comment: 'Perlu perbaikan' } : {};
        const data = action === 'REPORT_PROGRESS' ? { data: progressData() } : action === 'EVALUATE' ? { data: evaluationData() } : {};
        const res = await fire(doc.id, user, { action, ...extra, ...data });
        // who cannot read the document (issue 9's read scope) is told it does not exist
        const expected = OUT_OF_READ_SCOPE.has(user) ? { status: 404, code: 'NOT_FOUND' } : { status: 403, code: 'FORBIDDEN' };
        expect({ user, status: res.status, code: res.body.code }).toEqual({ user, ...expected });
      }
      expect(await snapshotOf(t, doc.id)).toEqual(before);
    });

    it('a drafter of another unit cannot submit or resubmit', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      // another unit's draft is out of the read scope (issue 9): not found
      expectError(await fire(doc.id, 'kaltim.drafter.dinkes', { action: 'SUBMIT' }), 404, 'NOT_FOUND');
      expectError(await fire(doc.id, 'kaltim.drafter.dinkes', { action: 'WITHDRAW' }), 404, 'NOT_FOUND');
      expect((await getDoc(t, doc.id, 'kaltim.drafter.dinkes')).status).toBe(404);
    });
  });

  describe('403 SEPARATION_OF_DUTIES', () => {
    it.each([
      ['UNIT_HEAD', 'endorsement', 'ENDORSE'],
      ['ORG_VERIFIER', 'verification', 'VERIFY'],
      ['SECRETARY', 'approval', 'APPROVE'],
      ['SECRETARY', 'approval', 'REJECT'],
      ['UNIT_HEAD', 'implementation', 'COMPLETE'],
      ['INSPECTOR', 'evaluation', 'EVALUATE'],
    ])('a creator who is also %s may not %s in %s', async (role, state, action) => {
      await setRoles(t, 'kaltim.serba', ['DRAFTER']);
      const doc = await createQuickWin(t, 'kaltim.serba');
      // others move it on; the creator submits
      expect((await fire(doc.id, 'kaltim.serba', { action: 'SUBMIT' })).status).toBe(200);
      for (const step of [
        { state: 'endorsement', user: 'kaltim.kadis', action: 'ENDORSE' },
        { state: 'verification', user: 'kaltim.organisasi', action: 'VERIFY' },
        { state: 'approval', user: 'kaltim.sekda', action: 'APPROVE' },
        { state: 'implementation', user: 'kaltim.serba', action: 'REPORT_PROGRESS', data: progressData() },
        { state: 'implementation', user: 'kaltim.kadis', action: 'COMPLETE' },
      ]) {
        const now = (await getDoc(t, doc.id, 'kaltim.kadis')).body;
        if (now.state === state && (state !== 'implementation' || now.progressReports.length > 0)) break;
        expect((await fire(doc.id, step.user, { action: step.action, data: step.data })).status).toBe(200);
      }
      await setRoles(t, 'kaltim.serba', ['DRAFTER', role]);
      const before = await snapshotOf(t, doc.id);
      const body = { action, ...(action === 'REJECT' ? { comment: 'Ditolak' } : {}), ...(action === 'EVALUATE' ? { data: evaluationData() } : {}) };
      expectError(await fire(doc.id, 'kaltim.serba', body), 403, 'SEPARATION_OF_DUTIES');
      expect((await getDoc(t, doc.id, 'kaltim.serba')).body.allowedActions).not.toContain(action);
      // with every role at once it is still refused
      await setRoles(t, 'kaltim.serba', ['DRAFTER', 'UNIT_HEAD', 'ORG_VERIFIER', 'LEGAL', 'ASSISTANT', 'SECRETARY', 'REGIONAL_HEAD', 'INSPECTOR', 'ADMIN']);
      expectError(await fire(doc.id, 'kaltim.serba', body), 403, 'SEPARATION_OF_DUTIES');
      expect(await snapshotOf(t, doc.id)).toEqual(before);
      // someone else holding the same roles may do it (the refusal is about the creator)
      await setRoles(t, 'kaltim.drafter2', ['DRAFTER', role]);
      try {
        expect((await fire(doc.id, 'kaltim.drafter2', body)).status).toBe(200);
      } finally {
        await setRoles(t, 'kaltim.drafter2', ['DRAFTER']);
        await setRoles(t, 'kaltim.serba', ['DRAFTER']);
      }
    });
  });

  describe('409', () => {
    it('INVALID_TRANSITION for an action not possible in the state', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      for (const [user, action] of [
        ['kaltim.kadis', 'ENDORSE'],
        ['kaltim.drafter2', 'APPROVE'], // the Sekda does not read a draft never submitted (issue 9)
        ['kaltim.drafter', 'RESUBMIT'],
        ['kaltim.drafter', 'REPORT_PROGRESS'],
        ['kaltim.kadis', 'COMPLETE'],
      ]) {
        const res = await fire(doc.id, user, { action, ...(action === 'REPORT_PROGRESS' ? { data: progressData() } : {}) });
        expect({ action, status: res.status, code: res.body.code }).toEqual({ action, status: 409, code: 'INVALID_TRANSITION' });
      }
      expect((await getDoc(t, doc.id, 'kaltim.drafter')).body).toMatchObject({ state: 'draft', version: 1 });
    });

    it('NOT_EDITABLE for PATCH outside draft and revision', async () => {
      const targets: string[] = [];
      for (const state of ['endorsement', 'verification', 'approval', 'implementation', 'evaluation', 'completed']) {
        const doc = await createQuickWin(t, 'kaltim.drafter');
        await driveTo(t, doc.id, state);
        targets.push(doc.id);
      }
      const gone = await createQuickWin(t, 'kaltim.drafter');
      expect((await fire(gone.id, 'kaltim.drafter', { action: 'WITHDRAW' })).status).toBe(200);
      targets.push(gone.id);
      for (const target of targets) {
        const before = await snapshotOf(t, target);
        expectError(await patch(target, 'kaltim.drafter', { title: 'Judul yang terlambat' }), 409, 'NOT_EDITABLE');
        expect(await snapshotOf(t, target)).toEqual(before);
      }
    });
  });

  describe('412 VERSION_MISMATCH and ETag', () => {
    it('ETag is "<version>" on every read and write; a matching If-Match works, a stale one does not', async () => {
      const created = await post('/api/quick-wins', 'kaltim.drafter', quickWinBody());
      expect(created.headers.etag).toBe('"1"');
      const id = created.body.id;
      const got = await getDoc(t, id, 'kaltim.drafter2');
      expect(got.headers.etag).toBe('"1"');

      const edited = await patch(id, 'kaltim.drafter', { budget: 1 }, { 'If-Match': '"1"' });
      expect(edited.status).toBe(200);
      expect(edited.headers.etag).toBe('"2"');
      expect(edited.body.version).toBe(2);

      const before = await snapshotOf(t, id);
      expectError(await patch(id, 'kaltim.drafter', { budget: 2 }, { 'If-Match': '"1"' }), 412, 'VERSION_MISMATCH');
      expectError(await fire(id, 'kaltim.drafter', { action: 'SUBMIT' }, { 'If-Match': '"1"' }), 412, 'VERSION_MISMATCH');
      expectError(await fire(id, 'kaltim.drafter', { action: 'SUBMIT' }, { 'If-Match': '"3"' }), 412, 'VERSION_MISMATCH');
      expectError(await fire(id, 'kaltim.drafter', { action: 'SUBMIT' }, { 'If-Match': 'garbage' }), 412, 'VERSION_MISMATCH');
      expect(await snapshotOf(t, id)).toEqual(before);

      const weak = await fire(id, 'kaltim.drafter', { action: 'SUBMIT' }, { 'If-Match': 'W/"2"' });
      expect(weak.status).toBe(200);
      expect(weak.headers.etag).toBe('"3"');
      const star = await fire(id, 'kaltim.kadis', { action: 'ENDORSE' }, { 'If-Match': '*' });
      expect(star.status).toBe(200);
      expect(star.headers.etag).toBe('"4"');
      expect((await getDoc(t, id, 'kaltim.kadis')).headers.etag).toBe('"4"');
    });
  });

  describe('Idempotency-Key', () => {
    it('a retry with the same key returns the same body and adds no history entry', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      const headers = { 'Idempotency-Key': `submit-${doc.id}` };
      const first = await fire(doc.id, 'kaltim.drafter', { action: 'SUBMIT' }, headers);
      expect(first.status).toBe(200);
      const after = await snapshotOf(t, doc.id);
      const second = await fire(doc.id, 'kaltim.drafter', { action: 'SUBMIT' }, headers);
      expect(second.status).toBe(200);
      expect(second.body).toEqual(first.body);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(await snapshotOf(t, doc.id)).toEqual(after);
      expect((await historyOf(t, doc.id)).entries.filter((e) => e.action === 'SUBMIT')).toHaveLength(1);

      // still the first response after the document moved on
      expect((await fire(doc.id, 'kaltim.kadis', { action: 'ENDORSE' })).status).toBe(200);
      const third = await fire(doc.id, 'kaltim.drafter', { action: 'SUBMIT' }, headers);
      expect(third.status).toBe(200);
      expect(third.body).toEqual(first.body);
      // without the key the same request is a new one, and no longer possible
      expectError(await fire(doc.id, 'kaltim.drafter', { action: 'SUBMIT' }), 409, 'INVALID_TRANSITION');
    });

    it('422 IDEMPOTENCY_KEY_REUSED for the same key with another request; keys are per user', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'endorsement');
      const headers = { 'Idempotency-Key': 'kunci-yang-sama' };
      const first = await fire(doc.id, 'kaltim.kadis', { action: 'RETURN', comment: 'Perbaiki target' }, headers);
      expect(first.status).toBe(200);
      const before = await snapshotOf(t, doc.id);
      expectError(await fire(doc.id, 'kaltim.kadis', { action: 'RETURN', comment: 'Komentar lain' }, headers), 422, 'IDEMPOTENCY_KEY_REUSED');
      expectError(await fire(doc.id, 'kaltim.kadis', { action: 'ENDORSE' }, headers), 422, 'IDEMPOTENCY_KEY_REUSED');
      const other = await createQuickWin(t, 'kaltim.drafter');
      expectError(await fire(other.id, 'kaltim.kadis', { action: 'RETURN', comment: 'Perbaiki target' }, headers), 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(await snapshotOf(t, doc.id)).toEqual(before);
      // another user may use the same key string for their own request
      const drafter = await fire(doc.id, 'kaltim.drafter', { action: 'RESUBMIT' }, headers);
      expect(drafter.status).toBe(200);
      expect(drafter.body.state).toBe('endorsement');
    });

    it('a refused request does not burn its key: the same key works once the request can succeed', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      const headers = { 'Idempotency-Key': `endorse-${doc.id}` };
      expectError(await fire(doc.id, 'kaltim.kadis', { action: 'ENDORSE' }, headers), 409, 'INVALID_TRANSITION');
      await driveTo(t, doc.id, 'endorsement');
      const ok = await fire(doc.id, 'kaltim.kadis', { action: 'ENDORSE' }, headers);
      expect(ok.status).toBe(200);
      expect(ok.body.state).toBe('verification');
    });

    it('on create: the same draft sent again is the same document, made once; a refused draft does not burn the key', async () => {
      const title = `Draf idempoten ${randomUUID().slice(0, 8)}`;
      const made = async (t2: string) => (await t.dataSource.query('SELECT count(*)::int AS n FROM documents WHERE title = $1', [t2]))[0].n;
      const headers = { 'Idempotency-Key': `buat-${randomUUID()}` };
      expectError(await post('/api/quick-wins', 'kaltim.drafter', quickWinBody({ title, year: 1999 }), headers), 400, 'VALIDATION_FAILED');
      const first = await post('/api/quick-wins', 'kaltim.drafter', quickWinBody({ title }), headers);
      expect(first.status).toBe(201);
      const again = await post('/api/quick-wins', 'kaltim.drafter', quickWinBody({ title }), headers);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect([again.headers.location, again.headers.etag]).toEqual([`/api/quick-wins/${first.body.id}`, first.headers.etag]);
      expect(await made(title)).toBe(1);
      // the key with another draft, or for an action, is another request
      expectError(await post('/api/quick-wins', 'kaltim.drafter', quickWinBody({ title: `${title} lain` }), headers), 422, 'IDEMPOTENCY_KEY_REUSED');
      expectError(await fire(first.body.id, 'kaltim.drafter', { action: 'SUBMIT' }, headers), 422, 'IDEMPOTENCY_KEY_REUSED');
      expect(await made(`${title} lain`)).toBe(0);
      // a malformed key is refused before anything is made
      expectError(await post('/api/quick-wins', 'kaltim.drafter', quickWinBody({ title: `${title} 2` }), { 'Idempotency-Key': 'k'.repeat(256) }), 400, 'VALIDATION_FAILED');
      expect(await made(`${title} 2`)).toBe(0);
    });

    it('on edit: the same edit sent again answers the first response, where without the key its version has passed (412)', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      const edit = { title: 'Layanan Perizinan Daring Terpadu' };
      const headers = { 'If-Match': `"${doc.version}"`, 'Idempotency-Key': `ubah-${doc.id}` };
      const first = await patch(doc.id, 'kaltim.drafter', edit, headers);
      expect(first.status).toBe(200);
      const again = await patch(doc.id, 'kaltim.drafter', edit, headers);
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(again.headers.etag).toBe(first.headers.etag);
      expect((await historyOf(t, doc.id)).entries.filter((e) => e.action === 'EDIT')).toHaveLength(1);
      expectError(await patch(doc.id, 'kaltim.drafter', edit, { 'If-Match': `"${doc.version}"` }), 412, 'VERSION_MISMATCH');
      // a malformed key: 404 to whom cannot see the document, 400 to whom can
      expectError(await patch(doc.id, 'paser.drafter', edit, { 'Idempotency-Key': 'k'.repeat(300) }), 404, 'NOT_FOUND');
      expectError(await patch(doc.id, 'kaltim.drafter', edit, { 'Idempotency-Key': 'k'.repeat(300) }), 400, 'VALIDATION_FAILED');
    });

    it('409 IDEMPOTENCY_IN_FLIGHT while the first request with the key is still running', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'endorsement');
      const key = `in-flight-${doc.id}`;
      const [kadis] = await t.dataSource.query(`SELECT id FROM users WHERE username = 'kaltim.kadis'`);
      // hold the document's row lock from another connection so the first request waits inside
      const runner = t.dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      let firstDone = false;
      let first: Promise<{ status: number; body: Record<string, unknown> }>;
      try {
        await runner.query(`SELECT id FROM documents WHERE id = $1 FOR UPDATE`, [doc.id]);
        first = fire(doc.id, 'kaltim.kadis', { action: 'ENDORSE' }, { 'Idempotency-Key': key }).then((r) => {
          firstDone = true;
          return r;
        });
        // wait until the first request has claimed the key
        for (let i = 0; i < 500; i++) {
          const rows = await t.dataSource.query(`SELECT status FROM idempotency_keys WHERE user_id = $1 AND key = $2`, [kadis.id, key]);
          if (rows.length > 0) break;
          await new Promise((r) => setTimeout(r, 10));
        }
        const second = await fire(doc.id, 'kaltim.kadis', { action: 'ENDORSE' }, { 'Idempotency-Key': key });
        expectError(second, 409, 'IDEMPOTENCY_IN_FLIGHT');
        expect(firstDone).toBe(false);
      } finally {
        await runner.commitTransaction();
        await runner.release();
      }
      const firstRes = await first!;
      expect(firstRes.status).toBe(200);
      expect(firstRes.body.state).toBe('verification');
      const replay = await fire(doc.id, 'kaltim.kadis', { action: 'ENDORSE' }, { 'Idempotency-Key': key });
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(firstRes.body);
      expect((await historyOf(t, doc.id)).entries.filter((e) => e.action === 'ENDORSE')).toHaveLength(1);
    });

    it('409 IDEMPOTENCY_IN_FLIGHT for a key whose row says IN_FLIGHT (a request still running elsewhere)', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      const [drafter] = await t.dataSource.query(`SELECT id FROM users WHERE username = 'kaltim.drafter'`);
      const key = `sql-in-flight-${doc.id}`;
      // let the service store the key with its request hash, then make the row look like a request
      // that another process has just started and not finished
      const ok = await fire(doc.id, 'kaltim.drafter', { action: 'SUBMIT' }, { 'Idempotency-Key': key });
      expect(ok.status).toBe(200);
      await t.dataSource.query(
        `UPDATE idempotency_keys SET status = 'IN_FLIGHT', response_status = NULL, response_body = NULL, response_headers = NULL, created_at = now()
          WHERE user_id = $1 AND key = $2`,
        [drafter.id, key],
      );
      expectError(await fire(doc.id, 'kaltim.drafter', { action: 'SUBMIT' }, { 'Idempotency-Key': key }), 409, 'IDEMPOTENCY_IN_FLIGHT');
      // a different request with that key is still 422
      expectError(await fire(doc.id, 'kaltim.drafter', { action: 'WITHDRAW' }, { 'Idempotency-Key': key }), 422, 'IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('no 5xx, whatever is sent', () => {
    let id: string;
    beforeAll(async () => {
      id = (await createQuickWin(t, 'kaltim.drafter')).id;
    });

    const raw: Array<[string, string]> = [
      ['malformed JSON', '{"action": '],
      ['a JSON null', 'null'],
      ['a JSON string', '"SUBMIT"'],
      ['a JSON number', '42'],
      ['a JSON array', '[]'],
      ['a huge number', '{"action": "SUBMIT", "data": {"n": 1e400}}'],
      ['a huge budget', JSON.stringify(quickWinBody()).replace('150000000', '1e400')],
      ['a very long integer', JSON.stringify(quickWinBody()).replace('150000000', '123456789012345678901234567890')],
      ['__proto__ keys', '{"action": "SUBMIT", "__proto__": {"admin": true}}'],
      ['constructor keys', '{"action": "SUBMIT", "constructor": {"prototype": {"x": 1}}}'],
      ['deep nesting', `{"action": "SUBMIT", "data": ${'{"a":'.repeat(500)}1${'}'.repeat(500)}}`],
      ['a NUL in a string', '{"action": "SUB\\u0000MIT"}'],
      ['duplicate keys', '{"action": "SUBMIT", "action": "WITHDRAW", "action": "FLY"}'],
      ['trailing garbage', '{"action": "SUBMIT"} x'],
    ];

    it.each(raw)('actions: %s', async (_name, body) => {
      const before = await snapshotOf(t, id);
      const res = await post(`/api/quick-wins/${id}/actions`, 'kaltim.kadis', body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.body.code).toEqual(expect.any(String));
      expect(await snapshotOf(t, id)).toEqual(before);
    });

    it.each(raw)('create: %s', async (_name, body) => {
      const res = await post('/api/quick-wins', 'kaltim.drafter', body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    });

    it.each(raw)('PATCH: %s', async (_name, body) => {
      const before = await snapshotOf(t, id);
      const res = await patch(id, 'kaltim.drafter', body);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(await snapshotOf(t, id)).toEqual(before);
    });

    it('NUL characters (PostgreSQL text cannot hold them) are 400 wherever they are sent', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'endorsement');
      const before = await snapshotOf(t, doc.id);
      expectError(await post(`/api/quick-wins/${doc.id}/actions`, 'kaltim.kadis', '{"action": "RETURN", "comment": "tolong\\u0000perbaiki"}'), 400, 'VALIDATION_FAILED');
      expect(await snapshotOf(t, doc.id)).toEqual(before);
      expectError(await post('/api/quick-wins', 'kaltim.drafter', JSON.stringify(quickWinBody({ title: 'Judul\u0000rahasia' }))), 400, 'VALIDATION_FAILED');
      expectError(await post('/api/quick-wins', 'kaltim.drafter', JSON.stringify(quickWinBody({ target: { value: 1, unit: 'per\u0000sen' } }))), 400, 'VALIDATION_FAILED');
      // the typed DTOs of the global pipe too (a login name is looked up in the database)
      expectError(await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": "kaltim.sekda\\u0000", "password": "demo12345"}'), 400, 'VALIDATION_FAILED');
      const draft = await createQuickWin(t, 'kaltim.drafter');
      expectError(await patch(draft.id, 'kaltim.drafter', JSON.stringify({ output: 'Aplikasi\u0000' })), 400, 'VALIDATION_FAILED');
      await driveTo(t, draft.id, 'implementation');
      expectError(await post(`/api/quick-wins/${draft.id}/actions`, 'kaltim.drafter', JSON.stringify({ action: 'REPORT_PROGRESS', data: progressData({ evidence: ['bukti\u0000.pdf'] }) })), 400, 'VALIDATION_FAILED');
      expect((await getDoc(t, draft.id, 'kaltim.drafter')).body.progressReports).toEqual([]);
    });

    it('a lone UTF-16 surrogate (not storable as UTF-8) is 400 too', async () => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'endorsement');
      const before = await snapshotOf(t, doc.id);
      expectError(await post(`/api/quick-wins/${doc.id}/actions`, 'kaltim.kadis', '{"action": "RETURN", "comment": "\\ud800 perbaiki"}'), 400, 'VALIDATION_FAILED');
      expectError(await post('/api/quick-wins', 'kaltim.drafter', JSON.stringify(quickWinBody()).replace('Layanan', '\\udc00Layanan')), 400, 'VALIDATION_FAILED');
      expect(await snapshotOf(t, doc.id)).toEqual(before);
      // a proper pair (an emoji) is fine
      const ok = await post(`/api/quick-wins/${doc.id}/actions`, 'kaltim.kadis', '{"action": "RETURN", "comment": "Perbaiki \\ud83d\\ude4f"}');
      expect(ok.status).toBe(200);
      expect(ok.body.state).toBe('revision');
      const { entries, chainValid } = await historyOf(t, doc.id);
      expect(chainValid).toBe(true);
      expect(entries.at(-1)!.comment).toBe('Perbaiki \u{1F64F}');
    });

    it('odd content types, sizes, headers and query strings', async () => {
      const auth = await t.auth('kaltim.drafter');
      const actions = `/api/quick-wins/${id}/actions`;
      // [what, request, the status api.md fixes for it (null: any 4xx)]
      const cases: Array<[string, () => PromiseLike<{ status: number }>, number | null]> = [
        ['a text/plain body', () => t.http.post(actions).set(auth).set('Content-Type', 'text/plain').send('action=SUBMIT'), 400],
        ['a form body', () => t.http.post(actions).set(auth).set('Content-Type', 'application/x-www-form-urlencoded').send('action=SUBMIT'), 400],
        ['no body', () => t.http.post(actions).set(auth), 400],
        ['a body over the 1 MB limit', () => t.http.post('/api/quick-wins').set(auth).send(quickWinBody({ description: 'x'.repeat(2_000_000) })), 413],
        ['a description over its length', () => t.http.post('/api/quick-wins').set(auth).send(quickWinBody({ description: 'x'.repeat(6000) })), 400],
        ['a 400-digit If-Match', () => t.http.post(actions).set(auth).set('If-Match', `"${'9'.repeat(400)}"`).send({ action: 'SUBMIT' }), 412],
        ['an If-Match list', () => t.http.post(actions).set(auth).set('If-Match', '"1", "2", W/"3"').send({ action: 'FLY' }), 400],
        ['page=0', () => t.http.get('/api/quick-wins?page=0').set(auth), 400],
        ['limit=1000', () => t.http.get('/api/quick-wins?limit=1000').set(auth), 400],
        ['a 20-digit page', () => t.http.get('/api/quick-wins?page=99999999999999999999').set(auth), 400],
        ['year=abcd', () => t.http.get('/api/quick-wins?year=abcd').set(auth), 400],
        ['year=99999', () => t.http.get('/api/quick-wins?year=99999').set(auth), 400],
        ['state twice', () => t.http.get('/api/quick-wins?state=a&state=b').set(auth), 400],
        ['unitCode as an object', () => t.http.get('/api/quick-wins?unitCode[x]=1').set(auth), 400],
        ['an unknown query parameter', () => t.http.get('/api/quick-wins?foo=bar').set(auth), 400],
        ['a NUL state', () => t.http.get('/api/quick-wins?state=%00').set(auth), 400],
        ['a NUL unitCode', () => t.http.get('/api/quick-wins?unitCode=%00').set(auth), 400],
        ['a 5000-character id', () => t.http.get(`/api/quick-wins/${'a'.repeat(5000)}`).set(auth), 404],
        ['a broken percent-escape', () => t.http.get('/api/quick-wins/%E0%A4%A').set(auth), null],
        ['SQL in the id', () => t.http.get(`/api/quick-wins/${id}'%20OR%201=1--`).set(auth), 404],
        ['DELETE', () => t.http.delete(`/api/quick-wins/${id}`).set(auth), null],
        ['PUT', () => t.http.put(`/api/quick-wins/${id}`).set(auth).send({}), null],
      ];
      for (const [what, send, expected] of cases) {
        const res = await send();
        statuses.push({ what, status: res.status });
        expect({ what, ok: expected === null ? res.status >= 400 && res.status < 500 : res.status === expected, status: res.status }).toEqual({
          what,
          ok: true,
          status: expected ?? res.status,
        });
      }
      // the id in upper case is the same document
      expect((await t.http.get(`/api/quick-wins/${id.toUpperCase()}`).set(auth)).status).toBe(200);
      expect((await getDoc(t, id, 'kaltim.drafter')).body).toMatchObject({ state: 'draft', version: 1 });
    });
  });

  it('no response in this file was a 5xx', () => {
    expect(statuses.length).toBeGreaterThan(100);
    expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
  });
});
