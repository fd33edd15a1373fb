import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, createRegulation, createTestApp, regulationBody, type TestApp } from '#testing';
import {
  driveRegulation,
  forwardStep,
  getRegulation,
  harmonizationData,
  localYear,
  regulationHistory,
  regulationIn,
  regulationStates,
  returner,
} from './support/regulation.js';

// whole flows over HTTP: generous under a loaded machine (no test asserts a duration)
jest.setTimeout(30_000);

const TITLE_KALTIM = 'Sistem Kerja di Lingkungan Pemerintah Provinsi Kalimantan Timur';
const TITLE_PASER = 'Sistem Kerja di Lingkungan Pemerintah Kabupaten Paser';

describe('work-system regulation from draft to publication', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('takes a kaltim Pergub from draft to published, skipping facilitation', async () => {
    // a targetDate is today or later: the end of next year in WITA
    const created = await createRegulation(t, 'kaltim.drafter', { title: TITLE_KALTIM, targetDate: `${localYear() + 1}-12-31` });
    expect(created).toMatchObject({
      kind: 'regulation',
      type: 'PERGUB',
      state: 'draft',
      title: TITLE_KALTIM,
      number: null,
      year: null,
      gazetteNumber: null,
      officialTitle: null,
      promulgatedAt: null,
      governmentCode: 'kaltim',
      unitCode: 'diskominfo',
      createdBy: 'kaltim.drafter',
    });

    const visited: string[] = [created.state];
    let state = created.state;
    while (state !== 'published') {
      const step = forwardStep(state, 'kaltim');
      const res = await act(t, 'regulations', created.id, step.user, step.action, { data: step.data });
      expect({ step, status: res.status }).toEqual({ step, status: 200 });
      state = res.body.state;
      visited.push(state);
      if (state === 'promulgated') {
        expect(res.body).toMatchObject({
          type: 'PERGUB',
          number: 1,
          year: localYear(),
          gazetteNumber: 1,
          officialTitle: `Peraturan Gubernur Kalimantan Timur Nomor 1 Tahun ${localYear()} tentang ${TITLE_KALTIM}`,
        });
        expect(Date.parse(res.body.promulgatedAt)).not.toBeNaN();
      }
    }
    expect(visited).toEqual(regulationStates('PROVINCE'));
    expect(visited).not.toContain('facilitation');

    const final = await getRegulation(t, created.id, 'kaltim.drafter');
    expect(final.status).toBe(200);
    expect(final.body).toMatchObject({
      state: 'published',
      type: 'PERGUB',
      number: 1,
      year: localYear(),
      gazetteNumber: 1,
      officialTitle: `Peraturan Gubernur Kalimantan Timur Nomor 1 Tahun ${localYear()} tentang ${TITLE_KALTIM}`,
      harmonization: { reportNumber: 'W18-PP.04.02-123', reportDate: '2026-05-04', recordedBy: 'kaltim.hukum' },
      publication: { url: 'https://jdih.kaltimprov.go.id/produk-hukum/sistem-kerja', publishedBy: 'kaltim.hukum' },
      allowedActions: [],
      deadline: null,
    });

    const history = await regulationHistory(t, created.id, 'kaltim.drafter');
    expect(history.chainValid).toBe(true);
    expect(history.entries.map((e) => [e.action, e.actor])).toEqual([
      ['CREATE', 'kaltim.drafter'],
      ['SUBMIT', 'kaltim.drafter'],
      ['ENDORSE', 'kaltim.kadis'],
      ['REQUEST_HARMONIZATION', 'kaltim.hukum'],
      ['RECORD_HARMONIZATION', 'kaltim.hukum'],
      ['PARAF', 'kaltim.asisten'],
      ['PARAF', 'kaltim.sekda'],
      ['SIGN', 'kaltim.kepala'],
      ['PROMULGATE', 'kaltim.sekda'],
      ['PUBLISH', 'kaltim.hukum'],
    ]);
    expect(history.entries.find((e) => e.action === 'RECORD_HARMONIZATION')?.data).toEqual(harmonizationData());
  });

  it('takes a paser Perbup through facilitation by the province LEGAL, which the regency LEGAL may not do', async () => {
    const created = await createRegulation(t, 'paser.drafter', { title: TITLE_PASER });
    expect(created.type).toBe('PERBUP');
    await driveRegulation(t, created.id, 'draft', 'facilitation', 'paser');

    const byRegencyLegal = await act(t, 'regulations', created.id, 'paser.hukum', 'FACILITATE');
    expect(byRegencyLegal.status).toBe(403);
    expect(byRegencyLegal.body.code).toBe('FORBIDDEN');
    const bySiblingLegal = await act(t, 'regulations', created.id, 'berau.hukum', 'FACILITATE');
    expect(bySiblingLegal.status).toBe(404);
    const asSeenByRegencyLegal = await getRegulation(t, created.id, 'paser.hukum');
    expect(asSeenByRegencyLegal.body.allowedActions).toEqual([]);
    const asSeenByProvinceLegal = await getRegulation(t, created.id, 'kaltim.hukum');
    expect(asSeenByProvinceLegal.status).toBe(200);
    expect(asSeenByProvinceLegal.body.allowedActions.sort()).toEqual(['FACILITATE', 'RETURN']);
    const tasks = await t.http.get('/api/tasks').set(await t.auth('kaltim.hukum'));
    expect(tasks.body.items.map((i: { id: string }) => i.id)).toContain(created.id);

    const facilitated = await act(t, 'regulations', created.id, 'kaltim.hukum', 'FACILITATE');
    expect(facilitated.status).toBe(200);
    expect(facilitated.body.state).toBe('coordination.assistant');
    // the province LEGAL has no other power over the regency's regulation
    await driveRegulation(t, created.id, 'coordination.assistant', 'promulgated', 'paser');
    const publishedByProvince = await act(t, 'regulations', created.id, 'kaltim.hukum', 'PUBLISH', { data: {} });
    expect(publishedByProvince.status).toBe(403);
    const published = await driveRegulation(t, created.id, 'promulgated', 'published', 'paser');
    expect(published).toMatchObject({
      state: 'published',
      type: 'PERBUP',
      number: 1,
      year: localYear(),
      gazetteNumber: 1,
      officialTitle: `Peraturan Bupati Paser Nomor 1 Tahun ${localYear()} tentang ${TITLE_PASER}`,
    });

    const history = await regulationHistory(t, created.id, 'paser.drafter');
    expect(history.chainValid).toBe(true);
    expect(history.entries.map((e) => e.action)).toEqual([
      'CREATE', 'SUBMIT', 'ENDORSE', 'REQUEST_HARMONIZATION', 'RECORD_HARMONIZATION', 'FACILITATE', 'PARAF', 'PARAF', 'SIGN', 'PROMULGATE', 'PUBLISH',
    ]);
    expect(history.entries.find((e) => e.action === 'FACILITATE')).toMatchObject({ actor: 'kaltim.hukum', fromState: 'facilitation', toState: 'coordination.assistant' });
    // promulgatedAt is the moment of the PROMULGATE audit entry
    expect(Date.parse(published.promulgatedAt)).toBe(Date.parse(history.entries.find((e) => e.action === 'PROMULGATE')!.at));
  });

  it('validates the Berita Acara of RECORD_HARMONIZATION', async () => {
    const doc = await regulationIn(t, 'kaltim', 'harmonization');
    for (const data of [undefined, {}, { reportNumber: 'BA-1' }, { reportNumber: 'BA-1', reportDate: '2026-02-30' }, { ...harmonizationData(), extra: 1 }, harmonizationData({ reportNumber: '   ' })]) {
      const res = await act(t, 'regulations', doc.id, 'kaltim.hukum', 'RECORD_HARMONIZATION', { data });
      expect({ data, status: res.status, code: res.body.code }).toEqual({ data, status: 400, code: 'VALIDATION_FAILED' });
    }
    // a Berita Acara is recorded once signed: dated today at the latest, in the government's zone
    const dayAfterTomorrow = new Date(Date.now() + 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const future = await act(t, 'regulations', doc.id, 'kaltim.hukum', 'RECORD_HARMONIZATION', { data: harmonizationData({ reportDate: dayAfterTomorrow }) });
    expect([future.status, future.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(future.body.message).toMatch(new RegExp(`^data\\.reportDate ${dayAfterTomorrow} is after today \\(\\d{4}-\\d{2}-\\d{2}\\): a Berita Acara is recorded once it is signed$`));
    const publishedEarly = await act(t, 'regulations', doc.id, 'kaltim.hukum', 'PUBLISH', { data: { url: 'not a url' } });
    expect(publishedEarly.status).toBe(400);
    expect((await getRegulation(t, doc.id, 'kaltim.hukum')).body.state).toBe('harmonization');
  });

  it.each([
    ['paser', ['endorsement', 'legal_review', 'harmonization', 'facilitation', 'coordination.assistant', 'coordination.secretary', 'signature']],
    ['kaltim', ['coordination.assistant', 'coordination.secretary', 'signature']],
  ])('returns a %s regulation to revision with a comment from every review stage', async (g, stages) => {
    const doc = await regulationIn(t, g, 'endorsement');
    let state = 'endorsement';
    for (const stage of stages) {
      await driveRegulation(t, doc.id, state, stage, g);
      const user = returner(stage, g);
      const withoutComment = await act(t, 'regulations', doc.id, user, 'RETURN', { comment: '   ' });
      expect({ stage, status: withoutComment.status }).toEqual({ stage, status: 400 });
      const comment = `Perbaiki konsiderans (${stage})`;
      const res = await act(t, 'regulations', doc.id, user, 'RETURN', { comment });
      expect({ stage, status: res.status, state: res.body.state }).toEqual({ stage, status: 200, state: 'revision' });
      const history = await regulationHistory(t, doc.id, `${g}.drafter`);
      expect(history.entries.at(-1)).toMatchObject({ action: 'RETURN', fromState: stage, toState: 'revision', actor: user, comment });
      state = 'revision';
    }
    const back = await driveRegulation(t, doc.id, 'revision', 'published', g);
    expect(back.number).toBeGreaterThanOrEqual(1);
  });

  it.each(['draft', 'endorsement', 'legal_review', 'harmonization', 'facilitation', 'coordination.assistant', 'coordination.secretary', 'revision'])(
    'lets the creator withdraw a paser regulation in %s',
    async (stage) => {
      const doc = stage === 'revision' ? await regulationIn(t, 'paser', 'legal_review') : await regulationIn(t, 'paser', stage);
      if (stage === 'revision') {
        expect((await act(t, 'regulations', doc.id, 'paser.hukum', 'RETURN', { comment: 'Lengkapi dasar hukum' })).status).toBe(200);
      }
      const byColleague = await act(t, 'regulations', doc.id, 'paser.drafter2', 'WITHDRAW');
      expect(byColleague.status).toBe(403);
      const res = await act(t, 'regulations', doc.id, 'paser.drafter', 'WITHDRAW');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'withdrawn', allowedActions: [], deadline: null });
      const again = await act(t, 'regulations', doc.id, 'paser.drafter', 'WITHDRAW');
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('INVALID_TRANSITION');
    },
  );

  it('refuses WITHDRAW at and after signature with 409', async () => {
    const doc = await regulationIn(t, 'kaltim', 'signature');
    for (const stage of ['signature', 'promulgation', 'promulgated', 'published']) {
      await driveRegulation(t, doc.id, (await getRegulation(t, doc.id, 'kaltim.drafter')).body.state, stage, 'kaltim');
      const view = await getRegulation(t, doc.id, 'kaltim.drafter');
      expect(view.body.allowedActions).not.toContain('WITHDRAW');
      const res = await act(t, 'regulations', doc.id, 'kaltim.drafter', 'WITHDRAW');
      expect({ stage, status: res.status, code: res.body.code }).toEqual({ stage, status: 409, code: 'INVALID_TRANSITION' });
      expect((await getRegulation(t, doc.id, 'kaltim.drafter')).body.state).toBe(stage);
    }
  });

  it('keeps separation of duties and jurisdiction on every stage', async () => {
    const doc = await regulationIn(t, 'kaltim', 'legal_review');
    // a kaltim regulation is outside paser's read scope
    expect((await act(t, 'regulations', doc.id, 'paser.hukum', 'REQUEST_HARMONIZATION')).status).toBe(404);
    // PROMULGATE only in promulgation
    expect((await act(t, 'regulations', doc.id, 'kaltim.sekda', 'PROMULGATE')).status).toBe(409);
    // an action of the other kind is unknown here
    expect((await act(t, 'regulations', doc.id, 'kaltim.hukum', 'APPROVE')).status).toBe(400);
    // the province LEGAL cannot facilitate its own province's regulation: facilitation is for regencies
    await driveRegulation(t, doc.id, 'legal_review', 'coordination.assistant', 'kaltim');
    expect((await act(t, 'regulations', doc.id, 'kaltim.hukum', 'FACILITATE')).status).toBe(409);
    // the secretary may not initial before the assistant (sequential paraf)
    expect((await act(t, 'regulations', doc.id, 'kaltim.sekda', 'PARAF')).status).toBe(403);
    expect((await act(t, 'regulations', doc.id, 'kaltim.asisten', 'PARAF')).body.state).toBe('coordination.secretary');
    expect((await act(t, 'regulations', doc.id, 'kaltim.asisten', 'PARAF')).status).toBe(403);
  });

  it('refuses a draft whose title, body or a legal basis is white space only, or without any legal basis, and stores nothing', async () => {
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM documents`);
    for (const overrides of [{ title: '   ' }, { body: ' \n ' }, { legalBasis: ['Peraturan Menteri PANRB Nomor 7 Tahun 2022', '  '] }]) {
      const res = await t.http.post('/api/regulations').set(await t.auth('kaltim.drafter')).send(regulationBody(overrides));
      expect({ overrides, status: res.status, code: res.body.code }).toEqual({ overrides, status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.message).toMatch(/must not be blank/);
    }
    const noBasis = await t.http.post('/api/regulations').set(await t.auth('kaltim.drafter')).send(regulationBody({ legalBasis: [] }));
    expect({ status: noBasis.status, code: noBasis.body.code, message: noBasis.body.message }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^legalBasis must hold at least 1 item/),
    });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM documents`)).toEqual(before);
    const doc = await createRegulation(t, 'kaltim.drafter');
    for (const patch of [{ title: '\t' }, { legalBasis: [] }]) {
      const blank = await t.http.patch(`/api/regulations/${doc.id}`).set(await t.auth('kaltim.drafter')).send(patch);
      expect({ patch, status: blank.status, code: blank.body.code }).toEqual({ patch, status: 400, code: 'VALIDATION_FAILED' });
    }
    expect((await getRegulation(t, doc.id, 'kaltim.drafter')).body).toMatchObject({ title: doc.title, version: doc.version });
  });

  describe("a targetDate before today in the government's zone (WITA for kaltim) is refused when set or changed", () => {
    /** A date in Asia/Makassar, `days` from today there. */
    const makassarDate = (days = 0): string => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Makassar' }).format(new Date());
      return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    };
    const refusal = (date: string) => `targetDate ${date} is before today (${makassarDate()} in WITA): a regulation cannot be enacted by a date that has passed`;
    const patch = async (id: string, body: Record<string, unknown>) => t.http.patch(`/api/regulations/${id}`).set(await t.auth('kaltim.drafter')).send(body);

    it('creating with yesterday is 400 VALIDATION_FAILED naming the field, and stores nothing', async () => {
      const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM documents`);
      const yesterday = makassarDate(-1);
      const res = await t.http.post('/api/regulations').set(await t.auth('kaltim.drafter')).send(regulationBody({ title: 'Sistem Kerja dengan Target Kemarin', targetDate: yesterday }));
      expect({ status: res.status, code: res.body.code, message: res.body.message, details: res.body.details }).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
        message: refusal(yesterday),
        details: { fields: [refusal(yesterday)] },
      });
      expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM documents`)).toEqual(before);
    });

    it('creating with today is 201', async () => {
      const today = makassarDate();
      const res = await t.http.post('/api/regulations').set(await t.auth('kaltim.drafter')).send(regulationBody({ targetDate: today }));
      expect([res.status, res.body.targetDate]).toEqual([201, today]);
    });

    it('a PATCH to a past date is 400 and leaves the document as it was', async () => {
      const doc = await createRegulation(t, 'kaltim.drafter', { targetDate: makassarDate(30) });
      const lastWeek = makassarDate(-7);
      for (const body of [{ targetDate: lastWeek }, { title: 'Sistem Kerja yang Judulnya Diubah', targetDate: lastWeek }]) {
        const res = await patch(doc.id, body);
        expect({ body, status: res.status, code: res.body.code, fields: res.body.details?.fields }).toEqual({ body, status: 400, code: 'VALIDATION_FAILED', fields: [refusal(lastWeek)] });
      }
      const after = await getRegulation(t, doc.id, 'kaltim.drafter');
      expect(after.body).toMatchObject({ title: doc.title, targetDate: makassarDate(30), version: doc.version, contentHash: doc.contentHash });
      expect((await regulationHistory(t, doc.id, 'kaltim.drafter')).entries.map((e) => e.action)).toEqual(['CREATE']);
    });

    it('a PATCH of another field of a document whose stored targetDate has passed since is 200; only a new date is judged', async () => {
      const doc = await createRegulation(t, 'kaltim.drafter', { targetDate: makassarDate(10) });
      const passed = makassarDate(-3);
      // the date has passed since the draft was made
      await t.dataSource.query(`UPDATE documents SET content = jsonb_set(content, '{targetDate}', to_jsonb($2::text)) WHERE id = $1`, [doc.id, passed]);

      const other = await patch(doc.id, { body: 'Pasal 1\nDalam Peraturan Gubernur ini yang dimaksud dengan sistem kerja ...' });
      expect([other.status, other.body.targetDate]).toEqual([200, passed]);
      const same = await patch(doc.id, { title: 'Sistem Kerja dengan Target yang Sudah Lewat', targetDate: passed });
      expect([same.status, same.body.title, same.body.targetDate]).toEqual([200, 'Sistem Kerja dengan Target yang Sudah Lewat', passed]);
      // another passed date is a new date, refused; today is taken
      const earlier = await patch(doc.id, { targetDate: makassarDate(-4) });
      expect([earlier.status, earlier.body.code, earlier.body.message]).toEqual([400, 'VALIDATION_FAILED', refusal(makassarDate(-4))]);
      const today = await patch(doc.id, { targetDate: makassarDate() });
      expect([today.status, today.body.targetDate]).toEqual([200, makassarDate()]);
    });
  });

  it('gives each level its regulation type', async () => {
    expect((await createRegulation(t, 'kaltim.drafter')).type).toBe('PERGUB');
    expect((await createRegulation(t, 'paser.drafter')).type).toBe('PERBUP');
    expect((await createRegulation(t, 'berau.drafter')).type).toBe('PERBUP');
  });
});
