import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, createRegulation, createTestApp, delegate, type TestApp } from '#testing';
import { participantDeadlines, regulationInCoordination } from './support/coordination.js';
import { driveRegulation, getRegulation, localYear, regulationHistory } from './support/regulation.js';
import { addUser } from './support/users.js';

// whole flows over HTTP on a loaded machine (no test asserts a duration)
jest.setTimeout(120_000);

const KALTIM_OPDS = ['inspektorat', 'biro-organisasi', 'setda'];

describe('paraf koordinasi by the OPDs concerned (coordination.agencies)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const tasksOf = async (username: string) => (await t.http.get('/api/tasks').set(await t.auth(username))).body.items as Array<Record<string, any>>;

  it('a Pergub of kaltim with three OPDs concerned: each head initials once, in parallel, then on to publication', async () => {
    const doc = await createRegulation(t, 'kaltim.drafter', { title: 'Sistem Kerja Hibrida di Lingkungan Pemerintah Provinsi Kalimantan Timur' });
    await driveRegulation(t, doc.id, 'draft', 'legal_review', 'kaltim');
    const requested = await act(t, 'regulations', doc.id, 'kaltim.hukum', 'REQUEST_HARMONIZATION', {
      data: { coordination: { units: KALTIM_OPDS, rule: { kind: 'ALL' } } },
    });
    expect(requested.status).toBe(200);
    expect(requested.body.coordination).toEqual({
      rule: { kind: 'ALL' },
      outcome: 'OPEN',
      explanation: null,
      participants: [
        { unitCode: 'inspektorat', unitName: 'Inspektorat', status: 'PENDING', actor: null, onBehalfOf: null, at: null, comment: null },
        { unitCode: 'biro-organisasi', unitName: 'Biro Organisasi', status: 'PENDING', actor: null, onBehalfOf: null, at: null, comment: null },
        { unitCode: 'setda', unitName: 'Sekretariat Daerah', status: 'PENDING', actor: null, onBehalfOf: null, at: null, comment: null },
      ],
    });
    const entered = await act(t, 'regulations', doc.id, 'kaltim.hukum', 'RECORD_HARMONIZATION', { data: { reportNumber: 'W18-PP.04.02-77', reportDate: '2026-05-04' } });
    expect(entered.body).toMatchObject({ state: 'coordination.agencies', workflowVersion: 2, deadline: { stage: 'coordination.agencies' } });
    expect(await participantDeadlines(t.dataSource, doc.id)).toEqual(['biro-organisasi PENDING', 'inspektorat PENDING', 'setda PENDING']);

    // every head of a named OPD finds the task in their inbox; the drafting unit's head and the Asisten do not
    for (const head of ['kaltim.kepala-inspektorat', 'kaltim.kepala-biro-organisasi', 'kaltim.kepala-setda']) {
      expect((await tasksOf(head)).find((task) => task.id === doc.id)).toMatchObject({ state: 'coordination.agencies', allowedActions: ['PARAF', 'RETURN'] });
    }
    for (const other of ['kaltim.kadis', 'kaltim.asisten', 'kaltim.kepala-biro-hukum']) {
      expect((await tasksOf(other)).some((task) => task.id === doc.id)).toBe(false);
    }
    // the head of an OPD not named neither acts nor reads (read scope: 404)
    const outsider = await act(t, 'regulations', doc.id, 'kaltim.kepala-biro-hukum', 'PARAF');
    expect(outsider.status).toBe(404);
    expect(outsider.body.code).toBe('NOT_FOUND');
    const asisten = await act(t, 'regulations', doc.id, 'kaltim.asisten', 'PARAF');
    expect(asisten.status).toBe(403);

    const first = await act(t, 'regulations', doc.id, 'kaltim.kepala-inspektorat', 'PARAF');
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('coordination.agencies');
    expect(first.body.allowedActions).toEqual([]);
    expect(first.body.coordination.participants[0]).toMatchObject({ unitCode: 'inspektorat', status: 'INITIALLED', actor: 'kaltim.kepala-inspektorat', onBehalfOf: null, at: expect.any(String) });
    const again = await act(t, 'regulations', doc.id, 'kaltim.kepala-inspektorat', 'PARAF');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVALID_TRANSITION');
    expect((await tasksOf('kaltim.kepala-inspektorat')).some((task) => task.id === doc.id)).toBe(false);
    expect(await participantDeadlines(t.dataSource, doc.id)).toEqual(['biro-organisasi PENDING', 'inspektorat DONE', 'setda PENDING']);

    // the head of the Biro Organisasi is away: their Plh initials on their behalf
    await delegate(t.dataSource, 'kaltim.kepala-biro-organisasi', 'kaltim.organisasi', 'UNIT_HEAD');
    const byPlh = await act(t, 'regulations', doc.id, 'kaltim.organisasi', 'PARAF');
    expect(byPlh.status).toBe(200);
    expect(byPlh.body.coordination.participants[1]).toMatchObject({ status: 'INITIALLED', actor: 'kaltim.organisasi', onBehalfOf: 'kaltim.kepala-biro-organisasi' });

    const last = await act(t, 'regulations', doc.id, 'kaltim.kepala-setda', 'PARAF');
    expect(last.body).toMatchObject({ state: 'coordination.assistant', deadline: { stage: 'coordination.assistant' } });
    expect(last.body.coordination).toMatchObject({ outcome: 'COMPLETED' });
    expect(last.body.coordination.participants.map((p: { status: string }) => p.status)).toEqual(['INITIALLED', 'INITIALLED', 'INITIALLED']);
    expect(await participantDeadlines(t.dataSource, doc.id)).toEqual(['biro-organisasi DONE', 'inspektorat DONE', 'setda DONE']);

    const published = await driveRegulation(t, doc.id, 'coordination.assistant', 'published', 'kaltim');
    expect(published).toMatchObject({ state: 'published', type: 'PERGUB', number: expect.any(Number) });

    const history = await regulationHistory(t, doc.id, 'kaltim.drafter');
    expect(history.chainValid).toBe(true);
    const answers = history.entries.filter((e) => e.fromState === 'coordination.agencies');
    expect(answers.map((e) => [e.action, e.actor, e.onBehalfOf, e.data, e.toState])).toEqual([
      ['PARAF', 'kaltim.kepala-inspektorat', null, { participant: 'inspektorat' }, 'coordination.agencies'],
      ['PARAF', 'kaltim.organisasi', 'kaltim.kepala-biro-organisasi', { participant: 'biro-organisasi' }, 'coordination.agencies'],
      ['PARAF', 'kaltim.kepala-setda', null, { participant: 'setda' }, 'coordination.assistant'],
    ]);
  });

  it('the heads of the OPDs still awaited find the draft in the regulation list and its total, as they open it; a released OPD no longer does', async () => {
    const doc = await createRegulation(t, 'kaltim.drafter', { title: 'Sistem Kerja Daftar Paraf' });
    await regulationInCoordination(t, doc.id, 'kaltim', ['inspektorat', 'setda'], { kind: 'AT_LEAST', n: 1 });
    const listed = async (username: string) => {
      const res = await t.http.get('/api/regulations').query({ q: 'daftar paraf' }).set(await t.auth(username));
      expect(res.status).toBe(200);
      const opened = await getRegulation(t, doc.id, username);
      return { username, listed: (res.body.items as Array<{ id: string }>).map((i) => i.id), total: res.body.total, opens: opened.status };
    };
    // the head of Inspektorat and the Plh of the Kepala Setda (no role of their own): awaited, they read it
    await delegate(t.dataSource, 'kaltim.kepala-setda', 'kaltim.plh', 'UNIT_HEAD');
    expect(await listed('kaltim.kepala-inspektorat')).toEqual({ username: 'kaltim.kepala-inspektorat', listed: [doc.id], total: 1, opens: 200 });
    expect(await listed('kaltim.plh')).toEqual({ username: 'kaltim.plh', listed: [doc.id], total: 1, opens: 200 });
    // the head of an OPD not named reads nothing of it
    expect(await listed('kaltim.kepala-biro-hukum')).toEqual({ username: 'kaltim.kepala-biro-hukum', listed: [], total: 0, opens: 404 });

    // one initial meets AT_LEAST 1: Setda is released, Inspektorat has acted (its history keeps it reading)
    expect((await act(t, 'regulations', doc.id, 'kaltim.kepala-inspektorat', 'PARAF')).body.state).toBe('coordination.assistant');
    expect(await listed('kaltim.kepala-inspektorat')).toEqual({ username: 'kaltim.kepala-inspektorat', listed: [doc.id], total: 1, opens: 200 });
    expect(await listed('kaltim.kepala-setda')).toEqual({ username: 'kaltim.kepala-setda', listed: [], total: 0, opens: 404 });
  });

  it('a list total says what the list shows to the heads of the OPDs named in paraf koordinasi: one who initialled the draft in a round before, a Plh of two, under every filter', async () => {
    const doc = await createRegulation(t, 'kaltim.drafter', { title: 'Sistem Kerja Total Paraf' });
    const units = ['inspektorat', 'biro-organisasi', 'biro-hukum'];
    await regulationInCoordination(t, doc.id, 'kaltim', units, { kind: 'ALL' });
    // a second round: the head of Inspektorat initialled in the first, so it has acted on the draft and is awaited again
    expect((await act(t, 'regulations', doc.id, 'kaltim.kepala-inspektorat', 'PARAF')).status).toBe(200);
    expect((await act(t, 'regulations', doc.id, 'kaltim.kepala-biro-organisasi', 'RETURN', { comment: 'Pasal 3 perlu diperjelas' })).status).toBe(200);
    await driveRegulation(t, doc.id, 'revision', 'legal_review', 'kaltim');
    await act(t, 'regulations', doc.id, 'kaltim.hukum', 'REQUEST_HARMONIZATION', { data: { coordination: { units, rule: { kind: 'ALL' } } } });
    const round = await act(t, 'regulations', doc.id, 'kaltim.hukum', 'RECORD_HARMONIZATION', { data: { reportNumber: 'W18-PP.04.02-79', reportDate: '2026-05-06' } });
    expect(round.body.state).toBe('coordination.agencies');
    // and a draft in its first round, awaiting two OPDs that have not answered: their one Plh reads it twice over
    const other = await createRegulation(t, 'kaltim.drafter', { title: 'Sistem Kerja Total Paraf Kedua' });
    await regulationInCoordination(t, other.id, 'kaltim', ['inspektorat', 'biro-hukum'], { kind: 'ALL' });
    // one Plh answers for both
    await addUser(t, { username: 'kaltim.plh-paraf', governmentCode: 'kaltim', unitCode: 'setda', roles: [] });
    await delegate(t.dataSource, 'kaltim.kepala-inspektorat', 'kaltim.plh-paraf', 'UNIT_HEAD');
    await delegate(t.dataSource, 'kaltim.kepala-biro-hukum', 'kaltim.plh-paraf', 'UNIT_HEAD');
    const filters = [{}, { state: 'coordination.agencies' }, { state: 'draft' }, { unitCode: 'diskominfo' }, { unitCode: 'inspektorat' }, { year: localYear() }];
    let seen = 0;
    for (const user of ['kaltim.kepala-inspektorat', 'kaltim.plh-paraf', 'kaltim.kepala-biro-hukum', 'kaltim.kepala-setda']) {
      for (const filter of filters) {
        const res = await t.http.get('/api/regulations').query({ ...filter, limit: 100 }).set(await t.auth(user));
        expect(res.status).toBe(200);
        const ids = (res.body.items as Array<{ id: string }>).map((i) => i.id);
        // the total (off the counts and the awaited deadlines) says what the page (the read scope's row filter) shows
        expect({ user, filter, total: res.body.total }).toEqual({ user, filter, total: ids.length });
        const shown = 'state' in filter ? filter.state === 'coordination.agencies' : 'unitCode' in filter ? filter.unitCode === 'diskominfo' : true;
        if (user !== 'kaltim.kepala-setda' && !('year' in filter)) expect({ user, filter, listed: ids.includes(doc.id) }).toEqual({ user, filter, listed: shown });
        if (ids.includes(doc.id)) seen++;
        if (user !== 'kaltim.kepala-setda' && !('year' in filter)) expect({ user, filter, listed: ids.includes(other.id) }).toEqual({ user, filter, listed: shown });
      }
    }
    expect(seen).toBeGreaterThanOrEqual(9);
    // the heads answer for themselves again in the tests after this one
    await t.dataSource.query(`DELETE FROM delegations WHERE delegate_id = (SELECT id FROM users WHERE username = 'kaltim.plh-paraf')`);
  });

  it('a RETURN by one OPD sends the draft to revision at once, releasing the others; on resubmission coordination starts again', async () => {
    const doc = await createRegulation(t, 'kaltim.drafter', { title: 'Pengelolaan Arsip Dinamis Elektronik' });
    await regulationInCoordination(t, doc.id, 'kaltim', KALTIM_OPDS, { kind: 'AT_LEAST', n: 2 });
    expect((await act(t, 'regulations', doc.id, 'kaltim.kepala-inspektorat', 'PARAF')).status).toBe(200);
    const bare = await act(t, 'regulations', doc.id, 'kaltim.kepala-setda', 'RETURN');
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('VALIDATION_FAILED');

    const returned = await act(t, 'regulations', doc.id, 'kaltim.kepala-setda', 'RETURN', { comment: 'Pasal 5 bertentangan dengan tugas Sekretariat Daerah' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ state: 'revision', deadline: { stage: 'revision' } });
    expect(returned.body.coordination).toMatchObject({ outcome: 'RETURNED' });
    expect(returned.body.coordination.participants.map((p: { unitCode: string; status: string }) => `${p.unitCode} ${p.status}`)).toEqual([
      'inspektorat INITIALLED',
      'biro-organisasi CANCELLED',
      'setda RETURNED',
    ]);
    expect(returned.body.coordination.participants[2].comment).toBe('Pasal 5 bertentangan dengan tugas Sekretariat Daerah');
    expect(await participantDeadlines(t.dataSource, doc.id)).toEqual(['biro-organisasi CANCELLED', 'inspektorat DONE', 'setda DONE']);
    // released: no longer waited for, so the document leaves their read scope too
    const late = await act(t, 'regulations', doc.id, 'kaltim.kepala-biro-organisasi', 'PARAF');
    expect(late.status).toBe(404);
    const outbox = await t.dataSource.query(`SELECT payload FROM outbox WHERE document_id = $1 AND type = 'NOTIFY' AND payload->>'notification' = 'CANCELLED'`, [doc.id]);
    expect(outbox.map((r: { payload: { participant: string } }) => r.payload.participant)).toEqual(['biro-organisasi']);

    // resubmitted and harmonised again: a fresh round, every OPD waited for again
    const again = await driveRegulation(t, doc.id, 'revision', 'legal_review', 'kaltim');
    expect(again.state).toBe('legal_review');
    const round = await regulationInCoordinationFromLegalReview(doc.id);
    expect(round.state).toBe('coordination.agencies');
    expect(round.coordination).toMatchObject({ outcome: 'OPEN' });
    expect(round.coordination.participants.every((p: { status: string; actor: string | null }) => p.status === 'PENDING' && p.actor === null)).toBe(true);
    expect((await participantDeadlines(t.dataSource, doc.id)).filter((d) => d.endsWith('PENDING')).sort()).toEqual(['biro-organisasi PENDING', 'inspektorat PENDING', 'setda PENDING']);
  });

  async function regulationInCoordinationFromLegalReview(id: string): Promise<Record<string, any>> {
    await act(t, 'regulations', id, 'kaltim.hukum', 'REQUEST_HARMONIZATION', { data: { coordination: { units: KALTIM_OPDS, rule: { kind: 'AT_LEAST', n: 2 } } } });
    return (await act(t, 'regulations', id, 'kaltim.hukum', 'RECORD_HARMONIZATION', { data: { reportNumber: 'W18-PP.04.02-78', reportDate: '2026-05-05' } })).body;
  }

  it('the creator may not initial, not even as Plh of a named OPD\'s head (403 SEPARATION_OF_DUTIES)', async () => {
    const doc = await createRegulation(t, 'kaltim.drafter2', { title: 'Budaya Kerja Berakhlak' });
    await regulationInCoordination(t, doc.id, 'kaltim', ['inspektorat'], { kind: 'ALL' });
    await delegate(t.dataSource, 'kaltim.kepala-inspektorat', 'kaltim.drafter2', 'UNIT_HEAD');
    const res = await act(t, 'regulations', doc.id, 'kaltim.drafter2', 'PARAF');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('SEPARATION_OF_DUTIES');
    expect((await getRegulation(t, doc.id, 'kaltim.drafter2')).body.coordination.participants[0].status).toBe('PENDING');
  });

  it('ten OPD heads initialling at the same moment complete the stage exactly once; no answer lost or counted twice', async () => {
    const units = Array.from({ length: 10 }, (_, i) => `opd-uji-${i + 1}`);
    for (const unit of units) await addUser(t, { username: `kaltim.kepala-${unit}`, governmentCode: 'kaltim', unitCode: unit, roles: ['UNIT_HEAD'] });
    const doc = await createRegulation(t, 'kaltim.drafter', { title: 'Sistem Kerja Lintas Perangkat Daerah' });
    await regulationInCoordination(t, doc.id, 'kaltim', units, { kind: 'ALL' });
    const headers = await Promise.all(units.map((unit) => t.auth(`kaltim.kepala-${unit}`)));
    const results = await Promise.all(units.map((_, i) => t.http.post(`/api/regulations/${doc.id}/actions`).set(headers[i]!).send({ action: 'PARAF' })));
    expect(results.map((r) => r.status)).toEqual(units.map(() => 200));
    expect(results.filter((r) => r.body.state === 'coordination.assistant')).toHaveLength(1);

    const history = await regulationHistory(t, doc.id, 'kaltim.drafter');
    expect(history.chainValid).toBe(true);
    const answers = history.entries.filter((e) => e.fromState === 'coordination.agencies');
    expect(answers.map((e) => e.data.participant).sort()).toEqual([...units].sort());
    expect(answers.filter((e) => e.toState === 'coordination.assistant')).toHaveLength(1);
    expect(answers.at(-1)?.toState).toBe('coordination.assistant');
    expect(await participantDeadlines(t.dataSource, doc.id)).toEqual(units.map((u) => `${u} DONE`).sort());
    const pending = await t.dataSource.query(`SELECT stage FROM deadlines WHERE document_id = $1 AND status = 'PENDING'`, [doc.id]);
    expect(pending).toEqual([{ stage: 'coordination.assistant' }]);
    const assigned = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE document_id = $1 AND type = 'NOTIFY' AND payload->>'stage' = 'coordination.assistant'`,
      [doc.id],
    );
    expect(assigned).toEqual([{ n: 1 }]);
    const view = (await getRegulation(t, doc.id, 'kaltim.drafter')).body;
    expect(view.coordination.participants.every((p: { status: string }) => p.status === 'INITIALLED')).toBe(true);
  });

  describe('REQUEST_HARMONIZATION refuses a bad list of OPDs concerned with 400, changing nothing', () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['a unit of another government only', { units: ['bagian-hukum'], rule: { kind: 'ALL' } }, /bagian-hukum is not a unit of kaltim/],
      ['the drafting unit itself', { units: ['diskominfo', 'inspektorat'], rule: { kind: 'ALL' } }, /diskominfo drafted the regulation/],
      ['no unit', { units: [], rule: { kind: 'ALL' } }, /units/],
      ['21 units', { units: Array.from({ length: 21 }, (_, i) => `u-${i}`), rule: { kind: 'ALL' } }, /units/],
      ['a unit twice', { units: ['inspektorat', 'inspektorat'], rule: { kind: 'ALL' } }, /units/],
      ['AT_LEAST more than named', { units: ['inspektorat', 'setda'], rule: { kind: 'AT_LEAST', n: 3 } }, /at least 3 of 2/],
      ['AT_LEAST without n', { units: ['inspektorat'], rule: { kind: 'AT_LEAST' } }, /rule\.n/],
      ['AT_LEAST 0', { units: ['inspektorat'], rule: { kind: 'AT_LEAST', n: 0 } }, /rule\.n/],
      ['n with ALL', { units: ['inspektorat'], rule: { kind: 'ALL', n: 1 } }, /AT_LEAST only/],
      ['an unknown rule', { units: ['inspektorat'], rule: { kind: 'MAJORITY' } }, /rule\.kind/],
      ['an unknown field', { units: ['inspektorat'], rule: { kind: 'ALL' }, quorum: 1 }, /quorum/],
      ['units as a string', { units: 'inspektorat', rule: { kind: 'ALL' } }, /units/],
    ];
    let id: string;
    beforeAll(async () => {
      const doc = await createRegulation(t, 'kaltim.drafter', { title: 'Penataan Tata Laksana' });
      await driveRegulation(t, doc.id, 'draft', 'legal_review', 'kaltim');
      id = doc.id;
    });
    it.each(cases)('%s', async (_name, coordination, message) => {
      const res = await act(t, 'regulations', id, 'kaltim.hukum', 'REQUEST_HARMONIZATION', { data: { coordination } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(message) });
      const now = (await getRegulation(t, id, 'kaltim.hukum')).body;
      expect(now).toMatchObject({ state: 'legal_review', coordination: null });
    });
  });
});
