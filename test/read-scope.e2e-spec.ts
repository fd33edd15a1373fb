import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readableGovernmentRows } from '#persistence';
import { ActedGovernments1764022000000 } from '../libs/persistence/src/migrations/1764022000000-acted-governments.js';
import { createQuickWin, createRegulation, createTestApp, type TestApp } from '#testing';
import { driveTo } from './support/quick-win.js';
import { driveRegulation } from './support/regulation.js';

/** Read scope (issue 9, "Read scope, decided") over HTTP: detail, history, versions and the list. */
describe('read scope', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function reads(user: string, resource: string, id: string): Promise<number[]> {
    const auth = await t.auth(user);
    const statuses = await Promise.all(['', '/history', '/versions'].map((path) => t.http.get(`/api/${resource}/${id}${path}`).set(auth)));
    return statuses.map((r) => r.status);
  }

  async function listed(user: string, resource: string, id: string): Promise<{ listed: boolean; totalMatches: boolean }> {
    const res = await t.http.get(`/api/${resource}?limit=100`).set(await t.auth(user));
    expect(res.status).toBe(200);
    return { listed: res.body.items.some((d: { id: string }) => d.id === id), totalMatches: res.body.total === res.body.items.length || res.body.total > 100 };
  }

  it('shows a Quick Win draft never submitted to its unit only; kaltim.plh, who holds no role, reads none of it', async () => {
    const draft = await createQuickWin(t, 'kaltim.drafter');
    expect(await reads('kaltim.drafter2', 'quick-wins', draft.id)).toEqual([200, 200, 200]);
    expect(await reads('kaltim.kadis', 'quick-wins', draft.id)).toEqual([200, 200, 200]);
    for (const user of ['kaltim.plh', 'kaltim.sekda', 'kaltim.organisasi', 'kaltim.admin', 'paser.sekda']) {
      expect({ user, statuses: await reads(user, 'quick-wins', draft.id) }).toEqual({ user, statuses: [404, 404, 404] });
    }
    expect(await listed('kaltim.plh', 'quick-wins', draft.id)).toEqual({ listed: false, totalMatches: true });
    expect(await listed('kaltim.sekda', 'quick-wins', draft.id)).toEqual({ listed: false, totalMatches: true });
    expect(await listed('kaltim.drafter2', 'quick-wins', draft.id)).toEqual({ listed: true, totalMatches: true });
  });

  it("once submitted, the government's reading roles and who acted read it; kaltim.plh still does not", async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    await driveTo(t, doc.id, 'verification');
    for (const user of ['kaltim.organisasi', 'kaltim.hukum', 'kaltim.asisten', 'kaltim.sekda', 'kaltim.kepala', 'kaltim.inspektur', 'kaltim.admin', 'kaltim.kadis']) {
      expect({ user, statuses: await reads(user, 'quick-wins', doc.id) }).toEqual({ user, statuses: [200, 200, 200] });
    }
    for (const user of ['kaltim.plh', 'paser.sekda', 'berau.admin']) {
      expect({ user, statuses: await reads(user, 'quick-wins', doc.id) }).toEqual({ user, statuses: [404, 404, 404] });
    }
    expect(await listed('kaltim.sekda', 'quick-wins', doc.id)).toEqual({ listed: true, totalMatches: true });
    expect(await listed('kaltim.plh', 'quick-wins', doc.id)).toEqual({ listed: false, totalMatches: true });
  });

  it("kaltim.hukum does not read paser's regulation before its facilitation is requested, and does from then on", async () => {
    const reg = await createRegulation(t, 'paser.drafter');
    await driveRegulation(t, reg.id, 'draft', 'harmonization', 'paser');
    expect(await reads('kaltim.hukum', 'regulations', reg.id)).toEqual([404, 404, 404]);
    expect(await listed('kaltim.hukum', 'regulations', reg.id)).toEqual({ listed: false, totalMatches: true });
    await driveRegulation(t, reg.id, 'harmonization', 'facilitation', 'paser');
    expect(await reads('kaltim.hukum', 'regulations', reg.id)).toEqual([200, 200, 200]);
    expect(await listed('kaltim.hukum', 'regulations', reg.id)).toEqual({ listed: true, totalMatches: true });
    // still after it leaves facilitation (returned for revision)
    const returned = await t.http.post(`/api/regulations/${reg.id}/actions`).set(await t.auth('kaltim.hukum')).send({ action: 'RETURN', comment: 'Lengkapi naskah akademik' });
    expect(returned.status).toBe(200);
    expect(await reads('kaltim.hukum', 'regulations', reg.id)).toEqual([200, 200, 200]);
    // another province's LEGAL and the province's other roles never do
    expect(await reads('kaltim.organisasi', 'regulations', reg.id)).toEqual([404, 404, 404]);
  });

  it("a list names the governments it reads from, and governmentCode narrows it to one: the province's LEGAL picks a regency whose regulations it facilitates", async () => {
    const paserReg = await createRegulation(t, 'paser.drafter');
    await driveRegulation(t, paserReg.id, 'draft', 'facilitation', 'paser');
    const kaltimReg = await createRegulation(t, 'kaltim.drafter');
    await driveRegulation(t, kaltimReg.id, 'draft', 'harmonization', 'kaltim');
    const list = async (user: string, resource: string, query = '') => {
      const res = await t.http.get(`/api/${resource}?limit=100${query}`).set(await t.auth(user));
      expect(res.status).toBe(200);
      return { governments: res.body.governments, ids: res.body.items.map((d: { id: string }) => d.id) as string[], total: res.body.total as number };
    };
    const kaltim = { code: 'kaltim', name: 'Pemerintah Provinsi Kalimantan Timur' };
    const regencies = [
      { code: 'berau', name: 'Pemerintah Kabupaten Berau' },
      { code: 'paser', name: 'Pemerintah Kabupaten Paser' },
    ];

    const all = await list('kaltim.hukum', 'regulations');
    expect(all.governments).toEqual([kaltim, ...regencies]);
    expect(all.ids).toEqual(expect.arrayContaining([paserReg.id, kaltimReg.id]));
    const paser = await list('kaltim.hukum', 'regulations', '&governmentCode=paser');
    expect(paser.ids).toContain(paserReg.id);
    expect(paser.ids).not.toContain(kaltimReg.id);
    expect(paser.total).toBe(paser.ids.length);
    expect(paser.governments).toEqual(all.governments); // what can be chosen does not shrink with the choice
    const own = await list('kaltim.hukum', 'regulations', '&governmentCode=kaltim');
    expect([own.ids.includes(kaltimReg.id), own.ids.includes(paserReg.id), own.total]).toEqual([true, false, own.ids.length]);
    expect(all.total).toBe(paser.total + own.total);

    // quick wins are never facilitated, and other roles read their own government only
    expect((await list('kaltim.hukum', 'quick-wins')).governments).toEqual([kaltim]);
    expect((await list('kaltim.sekda', 'regulations')).governments).toEqual([kaltim]);
    expect((await list('paser.hukum', 'regulations')).governments).toEqual([regencies[1]]);
    // a government outside the list's is an empty page, as a unit of another government is
    expect(await list('kaltim.sekda', 'regulations', '&governmentCode=paser')).toEqual({ governments: [kaltim], ids: [], total: 0 });
    expect(await list('paser.hukum', 'regulations', '&governmentCode=kaltim')).toMatchObject({ ids: [], total: 0 });
    // the caller's own government first, whatever the names (a Plt of berau's Sekda placed in paser)
    const order = await readableGovernmentRows(t.dataSource.manager, { own: 'paser', codes: ['berau', 'paser'], childrenOf: [], actedBy: ['paser.sekda'], kinds: ['quick-win'] });
    expect(order.map((g) => g.code)).toEqual(['paser', 'berau']);
    const malformed = await t.http.get('/api/regulations?governmentCode=Paser!').set(await t.auth('kaltim.hukum'));
    expect([malformed.status, malformed.body.code, malformed.body.message]).toEqual([400, 'VALIDATION_FAILED', expect.stringContaining('governmentCode')]);
  });

  it("a document of another government someone acted on stays in their list after the authority that let them act has ended", async () => {
    const reg = await createRegulation(t, 'paser.drafter');
    await driveRegulation(t, reg.id, 'draft', 'facilitation', 'paser');
    const now = Date.now();
    const plh = await t.http
      .post('/api/delegations')
      .set(await t.auth('kaltim.hukum'))
      .send({ delegate: 'kaltim.organisasi', role: 'LEGAL', kind: 'PLH', reason: 'Kepala Biro Hukum cuti (SPT 800/77/2026)', startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString() });
    expect(plh.status).toBe(201);
    const facilitated = await t.http.post(`/api/regulations/${reg.id}/actions`).set(await t.auth('kaltim.organisasi')).send({ action: 'FACILITATE' });
    expect(facilitated.status).toBe(200);
    expect((await t.http.delete(`/api/delegations/${plh.body.id}`).set(await t.auth('kaltim.hukum'))).status).toBe(200);

    // the Biro Organisasi's verifier holds LEGAL no more: the read scope still lets them read what they acted on, and so does their list
    const auth = await t.auth('kaltim.organisasi');
    expect((await t.http.get(`/api/regulations/${reg.id}`).set(auth)).status).toBe(200);
    const listed = await t.http.get('/api/regulations?limit=100').set(auth);
    expect(listed.body.items.map((d: { id: string }) => d.id)).toContain(reg.id);
    expect(listed.body.total).toBe(listed.body.items.length);
    expect(listed.body.governments.map((g: { code: string }) => g.code)).toEqual(['kaltim', 'paser']);
    expect((await t.http.get('/api/regulations?governmentCode=paser').set(auth)).body.items.map((d: { id: string }) => d.id)).toEqual([reg.id]);
    expect((await t.http.get('/api/units?governmentCode=paser').set(auth)).status).toBe(200);
    // the province's other people did not act on it
    expect((await t.http.get('/api/regulations?limit=100').set(await t.auth('kaltim.sekda'))).body.governments).toEqual([{ code: 'kaltim', name: 'Pemerintah Provinsi Kalimantan Timur' }]);
    expect(await t.dataSource.query(`SELECT a.username, a.kind, g.code FROM acted_governments a JOIN governments g ON g.id = a.government_id WHERE a.username LIKE 'kaltim.%' ORDER BY 1`)).toEqual(
      expect.arrayContaining([
        { username: 'kaltim.organisasi', kind: 'regulation', code: 'paser' },
        { username: 'kaltim.hukum', kind: 'regulation', code: 'paser' }, // acted for by the Plh
      ]),
    );
    expect((await t.http.get('/api/quick-wins').set(auth)).body.governments.map((g: { code: string }) => g.code)).toEqual(['kaltim']);

    // the migration fills the table from the history so far with what the writes keep in it
    const kept = `SELECT username, kind, government_id FROM acted_governments ORDER BY 1, 2, 3`;
    const live = await t.dataSource.query(kept);
    const runner = t.dataSource.createQueryRunner();
    try {
      await runner.query('DROP TABLE acted_governments');
      await new ActedGovernments1764022000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await t.dataSource.query(kept)).toEqual(live);
  });

  it('refuses actions and edits on a document out of scope with 404, changing nothing', async () => {
    const draft = await createQuickWin(t, 'kaltim.drafter');
    const auth = await t.auth('kaltim.plh');
    const fired = await t.http.post(`/api/quick-wins/${draft.id}/actions`).set(auth).send({ action: 'SUBMIT' });
    expect([fired.status, fired.body.code]).toEqual([404, 'NOT_FOUND']);
    const edited = await t.http.patch(`/api/quick-wins/${draft.id}`).set(auth).send({ title: 'Diubah orang lain' });
    expect([edited.status, edited.body.code]).toEqual([404, 'NOT_FOUND']);
    const mine = await t.http.get(`/api/quick-wins/${draft.id}`).set(await t.auth('kaltim.drafter'));
    expect({ state: mine.body.state, version: mine.body.version }).toEqual({ state: 'draft', version: 1 });
  });
});
