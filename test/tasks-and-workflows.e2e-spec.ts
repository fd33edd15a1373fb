import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { act, createQuickWin, createRegulation, createTestApp, type TestApp } from '#testing';
import { createDefaultRegistry, statesOfKind, toLocalDateTime, WorkingDayCalendar, type Holiday, type OfficeHours } from '#workflow';
import { regulationInCoordination } from './support/coordination.js';
import { delegate } from './support/deadline-helpers.js';
import { driveTo } from './support/quick-win.js';
import { regulationIn } from './support/regulation.js';
import { addUser, setRoles } from './support/users.js';

interface TaskItem {
  kind: string;
  id: string;
  title: string;
  state: string;
  governmentCode: string;
  governmentName: string;
  unitCode: string;
  unitName: string;
  dueAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
  allowedActions: string[];
  onBehalfOf: string | null;
}

describe('GET /api/tasks', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function tasks(user: string): Promise<TaskItem[]> {
    const res = await t.http.get('/api/tasks').set(await t.auth(user));
    expect(res.status).toBe(200);
    return res.body.items;
  }

  const ids = (items: TaskItem[]) => items.map((i) => i.id);

  async function setDue(id: string, dueAt: Date) {
    await t.dataSource.query(`UPDATE deadlines SET due_at = $2 WHERE document_id = $1 AND status = 'PENDING'`, [id, dueAt]);
  }

  it('follows one Quick Win through every role\'s inbox', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter', { title: 'Inbox mengikuti dokumen' });
    const where = async () =>
      Object.fromEntries(
        await Promise.all(
          ['kaltim.drafter', 'kaltim.drafter2', 'kaltim.kadis', 'kaltim.organisasi', 'kaltim.sekda', 'kaltim.inspektur', 'kaltim.kepala'].map(
            async (u) => [u, (await tasks(u)).find((i) => i.id === doc.id)?.allowedActions ?? null] as const,
          ),
        ),
      );

    // a draft waits for the unit's drafters to submit it
    expect(await where()).toEqual({
      'kaltim.drafter': ['SUBMIT', 'WITHDRAW'],
      'kaltim.drafter2': ['SUBMIT'],
      'kaltim.kadis': null,
      'kaltim.organisasi': null,
      'kaltim.sekda': null,
      'kaltim.inspektur': null,
      'kaltim.kepala': null,
    });

    await driveTo(t, doc.id, 'endorsement');
    // the creator could withdraw, but WITHDRAW alone makes nothing a task
    expect(await where()).toEqual({
      'kaltim.drafter': null,
      'kaltim.drafter2': null,
      'kaltim.kadis': ['ENDORSE', 'RETURN'],
      'kaltim.organisasi': null,
      'kaltim.sekda': null,
      'kaltim.inspektur': null,
      'kaltim.kepala': null,
    });
    const item = (await tasks('kaltim.kadis')).find((i) => i.id === doc.id)!;
    expect(item).toEqual({
      kind: 'quick-win',
      id: doc.id,
      title: 'Inbox mengikuti dokumen',
      state: 'endorsement',
      governmentCode: 'kaltim',
      governmentName: 'Pemerintah Provinsi Kalimantan Timur',
      unitCode: 'diskominfo',
      unitName: 'Dinas Komunikasi dan Informatika',
      dueAt: expect.any(String),
      overdue: false,
      dueSoon: false, // 3 working days: past the 2 of "Segera jatuh tempo"
      explanation: expect.stringMatching(/^3 hari kerja, dihitung sejak /),
      timeZone: 'Asia/Makassar',
      allowedActions: ['ENDORSE', 'RETURN'],
      onBehalfOf: null,
    });
    const [deadline] = await t.dataSource.query(`SELECT due_at AS "dueAt" FROM deadlines WHERE document_id = $1 AND status = 'PENDING'`, [doc.id]);
    expect(new Date(item.dueAt!).getTime()).toBe(deadline.dueAt.getTime());

    expect((await act(t, 'quick-wins', doc.id, 'kaltim.kadis', 'ENDORSE')).status).toBe(200);
    expect((await where())['kaltim.kadis']).toBeNull();
    expect((await where())['kaltim.organisasi']).toEqual(['VERIFY', 'RETURN']);

    expect((await act(t, 'quick-wins', doc.id, 'kaltim.organisasi', 'RETURN', { comment: 'Lengkapi indikator' })).status).toBe(200);
    expect(await where()).toEqual({
      'kaltim.drafter': ['RESUBMIT', 'WITHDRAW'],
      'kaltim.drafter2': ['RESUBMIT'],
      'kaltim.kadis': null,
      'kaltim.organisasi': null,
      'kaltim.sekda': null,
      'kaltim.inspektur': null,
      'kaltim.kepala': null,
    });
    expect((await tasks('kaltim.drafter')).find((i) => i.id === doc.id)).toMatchObject({ state: 'revision', dueAt: expect.any(String) });

    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'RESUBMIT')).status).toBe(200);
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.kadis', 'ENDORSE')).status).toBe(200);
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.organisasi', 'VERIFY')).status).toBe(200);
    expect(await where()).toMatchObject({ 'kaltim.sekda': ['APPROVE', 'REJECT', 'RETURN'], 'kaltim.organisasi': null, 'kaltim.kepala': null });

    expect((await act(t, 'quick-wins', doc.id, 'kaltim.sekda', 'APPROVE')).status).toBe(200);
    // implementation: a progress report is due from the drafters; the unit head has nothing to do yet
    expect(await where()).toMatchObject({ 'kaltim.drafter': ['REPORT_PROGRESS'], 'kaltim.drafter2': ['REPORT_PROGRESS'], 'kaltim.kadis': null, 'kaltim.sekda': null });
    expect(
      (await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'REPORT_PROGRESS', { data: { period: '2026-03', percent: 50, realization: 'Berjalan' } })).status,
    ).toBe(200);
    expect(await where()).toMatchObject({ 'kaltim.kadis': ['COMPLETE'], 'kaltim.drafter': ['REPORT_PROGRESS'] });
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.kadis', 'COMPLETE')).status).toBe(200);
    expect(await where()).toMatchObject({ 'kaltim.inspektur': ['RETURN', 'EVALUATE'], 'kaltim.kadis': null, 'kaltim.drafter': null });
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.inspektur', 'EVALUATE', { data: { score: 80, notes: 'Baik' } })).status).toBe(200);
    // a final document is nobody's task
    expect(Object.values(await where()).every((v) => v === null)).toBe(true);
  });

  it('lists the soonest due first, documents without a deadline last, and flags the overdue', async () => {
    const docs: string[] = [];
    for (let i = 0; i < 4; i++) {
      const doc = await createQuickWin(t, 'kaltim.drafter', { title: `Urutan ${i}` });
      await driveTo(t, doc.id, 'endorsement');
      docs.push(doc.id);
    }
    const now = Date.now();
    await setDue(docs[0], new Date(now + 5 * 86_400_000));
    await setDue(docs[1], new Date(now - 2 * 86_400_000)); // overdue
    await setDue(docs[2], new Date(now + 1 * 86_400_000));
    await setDue(docs[3], new Date(now - 1 * 3_600_000)); // overdue by an hour
    const items = (await tasks('kaltim.kadis')).filter((i) => docs.includes(i.id));
    expect(ids(items)).toEqual([docs[1], docs[3], docs[2], docs[0]]);
    expect(items.map((i) => i.overdue)).toEqual([true, true, false, false]);
    const all = await tasks('kaltim.kadis');
    const dues = all.map((i) => (i.dueAt === null ? Infinity : new Date(i.dueAt).getTime()));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));

    // a draft (no deadline) comes after every dated task of the drafter
    const draft = await createQuickWin(t, 'kaltim.drafter2', { title: 'Konsep tanpa tenggat' });
    const returned = await createQuickWin(t, 'kaltim.drafter2', { title: 'Dikembalikan' });
    expect((await act(t, 'quick-wins', returned.id, 'kaltim.drafter2', 'SUBMIT')).status).toBe(200);
    expect((await act(t, 'quick-wins', returned.id, 'kaltim.kadis', 'RETURN', { comment: 'Perbaiki' })).status).toBe(200);
    const drafterItems = await tasks('kaltim.drafter2');
    const positions = [drafterItems.findIndex((i) => i.id === returned.id), drafterItems.findIndex((i) => i.id === draft.id)];
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions[0]).toBeLessThan(positions[1]);
    expect(drafterItems[positions[1]]).toMatchObject({ state: 'draft', dueAt: null, overdue: false });
    const firstUndated = drafterItems.findIndex((i) => i.dueAt === null);
    expect(drafterItems.slice(firstUndated).every((i) => i.dueAt === null)).toBe(true);
  });

  it('marks "Segera jatuh tempo" as the reports do: due within 2 working days of the government, its holidays and office hours counted', async () => {
    const admin = await t.auth('kaltim.admin');
    const year = new Date().getUTCFullYear();
    const holidays: Holiday[] = [];
    for (const y of [year, year + 1]) holidays.push(...(await t.http.get(`/api/holidays?year=${y}`).set(admin)).body.items);
    const office = (await t.http.get('/api/governments/kaltim/office-hours').set(admin)).body as { timeZone: string; days: OfficeHours };
    const calendar = (extra: Holiday[] = []) => new WorkingDayCalendar({ timeZone: office.timeZone, holidays: [...holidays, ...extra], officeHours: office.days });
    const now = new Date();
    const twoWorkingDays = calendar().addWorkingDays(now, 2);
    // always more than a day away: the old 24-hour mark of the web app called it on time
    expect(twoWorkingDays.getTime() - now.getTime()).toBeGreaterThan(24 * 3_600_000);

    const docs: Record<string, string> = {};
    for (const name of ['inAnHour', 'justInside', 'justOutside', 'inForty', 'overdue']) {
      const doc = await createQuickWin(t, 'kaltim.drafter', { title: `Segera ${name}` });
      await driveTo(t, doc.id, 'endorsement');
      docs[name] = doc.id;
    }
    await setDue(docs.inAnHour, new Date(now.getTime() + 3_600_000));
    await setDue(docs.justInside, new Date(twoWorkingDays.getTime() - 10 * 60_000));
    await setDue(docs.justOutside, new Date(twoWorkingDays.getTime() + 10 * 60_000));
    await setDue(docs.inForty, new Date(now.getTime() + 40 * 86_400_000));
    await setDue(docs.overdue, new Date(now.getTime() - 3_600_000));
    const marks = async () =>
      Object.fromEntries((await tasks('kaltim.kadis')).filter((i) => Object.values(docs).includes(i.id)).map((i) => [i.title.replace('Segera ', ''), [i.overdue, i.dueSoon]]));
    expect(await marks()).toEqual({ inAnHour: [false, true], justInside: [false, true], justOutside: [false, false], inForty: [false, false], overdue: [true, false] });
    // the document's own deadline, read alone and in its list, carries the same marks (one rule: deadlineViewOf)
    const kadis = await t.auth('kaltim.kadis');
    const documentMarks = async () => {
      const alone = Object.fromEntries(
        await Promise.all(
          Object.entries(docs).map(async ([name, id]) => {
            const { deadline } = (await t.http.get(`/api/quick-wins/${id}`).set(kadis)).body;
            return [name, [deadline.overdue, deadline.dueSoon]];
          }),
        ),
      );
      const listed = (await t.http.get('/api/quick-wins?q=Segera&limit=100').set(kadis)).body.items as Array<{ id: string; title: string; deadline: { overdue: boolean; dueSoon: boolean } }>;
      const inList = listed.filter((i) => Object.values(docs).includes(i.id)).map((i) => [i.title.replace('Segera ', ''), [i.deadline.overdue, i.deadline.dueSoon]]);
      expect(Object.fromEntries(inList)).toEqual(alone);
      return alone;
    };
    expect(await documentMarks()).toEqual(await marks());

    // a holiday of kaltim's own on the next working day moves the bound a working day later: justOutside is now due soon
    const nextWorkingDay = calendar().addWorkingDaysToDate(toLocalDateTime(now, office.timeZone).date, 1);
    const withHoliday = calendar([{ date: nextWorkingDay, name: 'Cuti bersama' }]).addWorkingDays(now, 2);
    expect(withHoliday.getTime()).toBeGreaterThan(twoWorkingDays.getTime() + 10 * 60_000);
    await t.dataSource.query(`INSERT INTO holidays (date, name, government_id) SELECT $1::date, 'Cuti bersama', id FROM governments WHERE code = 'kaltim'`, [nextWorkingDay]);
    try {
      expect((await marks()).justOutside).toEqual([false, true]);
      expect((await documentMarks()).justOutside).toEqual([false, true]);
    } finally {
      await t.dataSource.query(`DELETE FROM holidays WHERE date = $1::date AND name = 'Cuti bersama'`, [nextWorkingDay]);
    }
  });

  it('a transition answers with its new deadline marked "Segera jatuh tempo" when the stage is that short', async () => {
    const sla = { duration: 'P1D', businessDays: true, remindBefore: 'PT2H', escalateAfter: 'P1D', escalateEvery: 'P1D', maxEscalations: 1 };
    const put = await t.http.put('/api/workflows/quick-win/sla').set(await t.auth('paser.admin')).send({ stages: { endorsement: sla } });
    expect(put.status).toBe(200);
    const short = await createQuickWin(t, 'paser.drafter', { title: 'Tahap satu hari kerja' });
    const submitted = await act(t, 'quick-wins', short.id, 'paser.drafter', 'SUBMIT');
    expect(submitted.status).toBe(200);
    expect(submitted.body.deadline).toMatchObject({ stage: 'endorsement', overdue: false, dueSoon: true });
    // kaltim's endorsement keeps its 3 working days: not due soon
    const usual = await createQuickWin(t, 'kaltim.drafter', { title: 'Tahap tiga hari kerja' });
    expect((await act(t, 'quick-wins', usual.id, 'kaltim.drafter', 'SUBMIT')).body.deadline).toMatchObject({ stage: 'endorsement', overdue: false, dueSoon: false });
  });

  it('a paser user never sees kaltim tasks, and the other way round', async () => {
    const kaltim = await createQuickWin(t, 'kaltim.drafter');
    await driveTo(t, kaltim.id, 'approval');
    const paser = await createQuickWin(t, 'paser.drafter');
    await driveTo(t, paser.id, 'approval', 'paser');
    const paserSekda = await tasks('paser.sekda');
    expect(ids(paserSekda)).toContain(paser.id);
    expect(ids(paserSekda)).not.toContain(kaltim.id);
    const kaltimSekda = await tasks('kaltim.sekda');
    expect(ids(kaltimSekda)).toContain(kaltim.id);
    expect(ids(kaltimSekda)).not.toContain(paser.id);
    const [{ ids: kaltimIds }] = await t.dataSource.query(
      `SELECT array_agg(d.id::text) AS ids FROM documents d JOIN governments g ON g.id = d.government_id WHERE g.code = 'kaltim'`,
    );
    for (const user of ['paser.drafter', 'paser.drafter2', 'paser.kadis', 'paser.organisasi', 'paser.sekda', 'paser.inspektur', 'paser.hukum', 'berau.sekda']) {
      const items = await tasks(user);
      expect(items.filter((i) => kaltimIds.includes(i.id))).toEqual([]);
    }
  });

  it("names whose document a task is: the province's Biro Hukum facilitating a regency's draft sees the regency and its unit", async () => {
    const regulation = await regulationIn(t, 'paser', 'facilitation', { title: 'Fasilitasi dari kabupaten' });
    const item = (await tasks('kaltim.hukum')).find((i) => i.id === regulation.id)!;
    expect(item).toMatchObject({
      state: 'facilitation',
      allowedActions: expect.arrayContaining(['FACILITATE']),
      governmentCode: 'paser',
      governmentName: 'Pemerintah Kabupaten Paser',
      unitCode: 'diskominfo',
      unitName: 'Dinas Komunikasi, Informatika, Statistik dan Persandian',
    });
    // the document itself and its list item say the same
    const whose = { governmentCode: 'paser', governmentName: 'Pemerintah Kabupaten Paser', unitName: 'Dinas Komunikasi, Informatika, Statistik dan Persandian' };
    const auth = await t.auth('kaltim.hukum');
    expect((await t.http.get(`/api/regulations/${regulation.id}`).set(auth)).body).toMatchObject(whose);
    const list = (await t.http.get('/api/regulations?state=facilitation').set(auth)).body as { items: Array<{ id: string }> };
    expect(list.items.find((d) => d.id === regulation.id)).toMatchObject(whose);
  });

  it("names the governments its tasks can be on, the caller's own first, whatever the filters: a province's Biro Hukum and its Plh also the regencies and cities it facilitates", async () => {
    const governments = async (user: string, query = '') => {
      const res = await t.http.get(`/api/tasks${query}`).set(await t.auth(user));
      expect({ user, query, status: res.status }).toEqual({ user, query, status: 200 });
      return (res.body.governments as Array<{ code: string; name: string }>).map((g) => g.code);
    };
    // with or without tasks found, narrowed to another government, a kind it has no task of, or nothing at all
    for (const query of ['', '?kind=quick-win', '?governmentCode=paser&state=facilitation', '?q=judul-yang-tidak-ada', '?limit=1']) {
      expect({ query, governments: await governments('kaltim.hukum', query) }).toEqual({ query, governments: ['kaltim', 'berau', 'paser'] });
    }
    const named = (await t.http.get('/api/tasks').set(await t.auth('kaltim.hukum'))).body.governments;
    expect(named).toEqual([
      { code: 'kaltim', name: 'Pemerintah Provinsi Kalimantan Timur' },
      { code: 'berau', name: 'Pemerintah Kabupaten Berau' },
      { code: 'paser', name: 'Pemerintah Kabupaten Paser' },
    ]);
    // a regency's Bagian Hukum and everyone else acts on their own government alone
    for (const user of ['paser.hukum', 'kaltim.drafter', 'kaltim.sekda', 'berau.kadis']) expect({ user, governments: await governments(user) }).toEqual({ user, governments: [user.split('.')[0]] });
    // the Plh of the province's Biro Hukum facilitates as it does, while the delegation is in force
    await addUser(t, { username: 'kaltim.hukum-plh', governmentCode: 'kaltim', unitCode: 'biro-hukum', roles: ['DRAFTER'] });
    expect(await governments('kaltim.hukum-plh')).toEqual(['kaltim']);
    await delegate(t.dataSource, 'kaltim.hukum', 'kaltim.hukum-plh', 'LEGAL');
    expect(await governments('kaltim.hukum-plh')).toEqual(['kaltim', 'berau', 'paser']);
  });

  it('a creator holding the reviewing role is offered only what separation of duties leaves', async () => {
    await setRoles(t, 'kaltim.drafter2', ['DRAFTER', 'UNIT_HEAD']);
    try {
      const own = await createQuickWin(t, 'kaltim.drafter2');
      await act(t, 'quick-wins', own.id, 'kaltim.drafter2', 'SUBMIT');
      const other = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, other.id, 'endorsement');
      const items = await tasks('kaltim.drafter2');
      // RETURN is no endorsing action, so it stays a task of theirs; ENDORSE is not offered
      expect(items.find((i) => i.id === own.id)?.allowedActions).toEqual(['RETURN', 'WITHDRAW']);
      expect(items.find((i) => i.id === other.id)?.allowedActions).toEqual(['ENDORSE', 'RETURN']);
      // as SECRETARY in approval: APPROVE and REJECT are refused, RETURN stays
      await setRoles(t, 'kaltim.drafter2', ['DRAFTER', 'SECRETARY']);
      expect((await act(t, 'quick-wins', own.id, 'kaltim.kadis', 'ENDORSE')).status).toBe(200);
      expect((await act(t, 'quick-wins', own.id, 'kaltim.organisasi', 'VERIFY')).status).toBe(200);
      expect((await tasks('kaltim.drafter2')).find((i) => i.id === own.id)?.allowedActions).toEqual(['RETURN']);
    } finally {
      await setRoles(t, 'kaltim.drafter2', ['DRAFTER']);
    }
  });

  it('includes what waits for a delegate (Plh of the Sekda), only inside the delegation window', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    await driveTo(t, doc.id, 'approval');
    expect(ids(await tasks('kaltim.plh'))).not.toContain(doc.id);
    const [{ id: delegationId }] = await t.dataSource.query(
      `INSERT INTO delegations (principal_id, delegate_id, role, kind, reason, starts_at, ends_at, created_by)
       SELECT p.id, d.id, 'SECRETARY', 'PLH', 'Sekda dinas luar', now() - interval '1 hour', now() + interval '1 day', p.id
         FROM users p, users d WHERE p.username = 'kaltim.sekda' AND d.username = 'kaltim.plh' RETURNING id`,
    );
    const held = (await tasks('kaltim.plh')).find((i) => i.id === doc.id);
    expect(held?.allowedActions).toEqual(['APPROVE', 'REJECT', 'RETURN']);
    expect(held?.onBehalfOf).toBe('kaltim.sekda'); // the inbox says "atas nama" the Sekda
    await t.dataSource.query(
      `UPDATE delegations SET revoked_at = now(), revoked_by = (SELECT id FROM users WHERE username = 'kaltim.sekda') WHERE id = $1`,
      [delegationId],
    );
    expect(ids(await tasks('kaltim.plh'))).not.toContain(doc.id);
  });

  it('does not let documents the caller cannot act on crowd out the tasks of another stage', async () => {
    // 22 documents in implementation, due soonest: the unit head may not COMPLETE any (no progress report)
    const early = Date.now() + 3_600_000;
    for (let i = 0; i < 22; i++) {
      const doc = await createQuickWin(t, 'berau.drafter2', { title: `Belum ada laporan ${i}` });
      await driveTo(t, doc.id, 'implementation', 'berau');
      await setDue(doc.id, new Date(early + i * 1000));
    }
    const waiting = await createQuickWin(t, 'berau.drafter2', { title: 'Menunggu pengesahan' });
    await driveTo(t, waiting.id, 'endorsement', 'berau');
    await setDue(waiting.id, new Date(early + 86_400_000));
    const res = await t.http.get('/api/tasks?limit=1').set(await t.auth('berau.kadis'));
    expect(res.status).toBe(200);
    expect(ids(res.body.items)).toEqual([waiting.id]);
    expect(res.body.items[0].allowedActions).toContain('ENDORSE');
  });

  it('keeps the due order and the limit when refusals make it read more candidates than tasks are missing', async () => {
    // Due before everything else of berau's unit head: A (no report), B, C (reported), D (no report), E, F.
    const plan = ['implementation', 'endorsement', 'reported', 'implementation', 'endorsement', 'endorsement'] as const;
    const base = Date.now() - 30 * 86_400_000;
    const docs: string[] = [];
    for (const [i, stage] of plan.entries()) {
      const doc = await createQuickWin(t, 'berau.drafter2', { title: `Urutan kotak masuk ${i}` });
      await driveTo(t, doc.id, stage, 'berau');
      await setDue(doc.id, new Date(base + i * 60_000));
      docs.push(doc.id);
    }
    const [, b, c, , e] = docs;
    const first = async (limit: number) => ids((await t.http.get(`/api/tasks?limit=${limit}`).set(await t.auth('berau.kadis'))).body.items);
    expect(await first(2)).toEqual([b, c]);
    expect(await first(3)).toEqual([b, c, e]);
    const five = await first(5);
    expect(five).toHaveLength(5); // berau's unit head has more waiting than these six
    expect(five.slice(0, 4)).toEqual([b, c, e, docs[5]]);
  });

  it("does not let a stage read to its depth hide its next task behind another stage's later ones", async () => {
    // berau's unit head, before everything else: A1..A10 (no progress report: COMPLETE refused; more than the
    // stage is read at first, four times the page), C (reported), then E, F (to endorse)
    const plan = [...Array<'implementation'>(10).fill('implementation'), 'reported', 'endorsement', 'endorsement'] as const;
    const base = Date.now() - 60 * 86_400_000;
    const docs: string[] = [];
    for (const [i, stage] of plan.entries()) {
      const doc = await createQuickWin(t, 'berau.drafter2', { title: `Tahap terpotong ${i}` });
      await driveTo(t, doc.id, stage, 'berau');
      await setDue(doc.id, new Date(base + i * 60_000));
      docs.push(doc.id);
    }
    const [c, e] = docs.slice(10);
    const res = await t.http.get('/api/tasks?limit=2').set(await t.auth('berau.kadis'));
    expect(res.status).toBe(200);
    expect(ids(res.body.items)).toEqual([c, e]);
  });

  it('answers every state and kind of the workflows for every role, with tasks of that state only', async () => {
    // a Kepala OPD whose every place of one state waits on a condition once got a 500 here (bench/RESULTS.md section 4's reading)
    const doc = await createQuickWin(t, 'kaltim.drafter', { title: 'Setiap tahap untuk setiap peran' });
    await driveTo(t, doc.id, 'implementation');
    const registry = createDefaultRegistry();
    const users = ['drafter', 'kadis', 'organisasi', 'hukum', 'asisten', 'sekda', 'kepala', 'inspektur', 'admin'].map((u) => `kaltim.${u}`).concat('paser.kadis', 'paser.sekda');
    const answers: string[] = [];
    for (const user of users) {
      for (const kind of ['quick-win', 'regulation'] as const) {
        for (const state of statesOfKind(registry, kind)) {
          for (const query of [`state=${state}`, `kind=${kind}&state=${state}`]) {
            const res = await t.http.get(`/api/tasks?${query}`).set(await t.auth(user));
            const states = res.status === 200 ? [...new Set((res.body.items as TaskItem[]).map((i) => i.state))] : [];
            if (res.status !== 200 || states.some((s) => s !== state)) answers.push(`${user} ${query}: ${res.status} ${states.join()}`);
          }
        }
      }
    }
    expect(answers).toEqual([]);
    const kadis = await t.http.get('/api/tasks?state=implementation').set(await t.auth('kaltim.kadis'));
    expect(ids(kadis.body.items)).not.toContain(doc.id);
  });

  /** Every page from the first on, each `limit` long at most, until `next` is null. */
  async function allPages(user: string, limit: number, filter: Record<string, string> = {}): Promise<TaskItem[]> {
    const items: TaskItem[] = [];
    let after: string | null | undefined;
    for (let pages = 0; after !== null; pages++) {
      expect(pages).toBeLessThan(500);
      const res = await t.http
        .get('/api/tasks')
        .query({ limit, ...filter, ...(after ? { after } : {}) })
        .set(await t.auth(user));
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      items.push(...res.body.items);
      after = res.body.next;
    }
    return items;
  }

  it('pages on with next and after: every task once, in the order of one long page, ties at one instant included', async () => {
    // three Quick Wins due at the same microsecond, and drafts, which come last by their creation
    const tied: string[] = [];
    for (let i = 0; i < 3; i++) {
      const doc = await createQuickWin(t, 'berau.drafter', { title: `Jatuh tempo bersamaan ${i}` });
      await driveTo(t, doc.id, 'approval', 'berau');
      tied.push(doc.id);
    }
    await t.dataSource.query(`UPDATE deadlines SET due_at = '2027-03-01 08:00:00.123456+00' WHERE document_id = ANY($1) AND status = 'PENDING'`, [tied]);
    for (let i = 0; i < 3; i++) await createQuickWin(t, 'berau.drafter2', { title: `Konsep berhalaman ${i}` });

    for (const user of ['berau.sekda', 'berau.kadis', 'berau.drafter', 'berau.drafter2', 'kaltim.hukum', 'kaltim.kadis']) {
      const whole = await t.http.get('/api/tasks?limit=200').set(await t.auth(user));
      expect(whole.body.next).toBeNull();
      expect(whole.body.items.length).toBeGreaterThan(0);
      expect(whole.body.items.length).toBeLessThan(200);
      for (const limit of [1, 2, 3]) expect({ user, limit, ids: ids(await allPages(user, limit)) }).toEqual({ user, limit, ids: ids(whole.body.items) });
    }
    const sekda = ids(await allPages('berau.sekda', 1));
    expect(sekda.filter((id) => tied.includes(id))).toHaveLength(3);
  });

  it('says where the next page begins only while more may wait', async () => {
    const first = await t.http.get('/api/tasks?limit=1').set(await t.auth('berau.kadis'));
    expect(first.body.items).toHaveLength(1);
    expect(first.body.next).toMatch(/^[0-9]+\.[0-9]+\.[0-9a-f-]{36}$/);
    expect(first.body.next.split('.')[2]).toBe(first.body.items[0].id);
    const none = await t.http.get('/api/tasks').set(await t.auth('kaltim.admin'));
    expect(none.body).toEqual({ items: [], limit: 50, next: null, governments: [{ code: 'kaltim', name: 'Pemerintah Provinsi Kalimantan Timur' }] });
  });

  it('narrows to one kind or one state, as the whole inbox filtered, also page by page', async () => {
    // berau's Sekda: Quick Wins to approve (earlier tests) and a regulation to initial
    await regulationIn(t, 'berau', 'coordination.secretary', { title: 'Paraf Sekda disaring' });
    const whole: TaskItem[] = (await t.http.get('/api/tasks?limit=200').set(await t.auth('berau.sekda'))).body.items;
    expect(new Set(whole.map((i) => i.kind))).toEqual(new Set(['quick-win', 'regulation']));
    const only = async (query: string) => {
      const res = await t.http.get(`/api/tasks?limit=200&${query}`).set(await t.auth('berau.sekda'));
      expect(res.status).toBe(200);
      expect(res.body.next).toBeNull();
      return ids(res.body.items);
    };
    expect(await only('kind=regulation')).toEqual(ids(whole.filter((i) => i.kind === 'regulation')));
    expect(await only('kind=quick-win')).toEqual(ids(whole.filter((i) => i.kind === 'quick-win')));
    expect(await only('state=approval')).toEqual(ids(whole.filter((i) => i.state === 'approval')));
    expect(await only('state=coordination.secretary&kind=regulation')).toEqual(ids(whole.filter((i) => i.state === 'coordination.secretary')));
    expect(await only('state=coordination.secretary&kind=quick-win')).toEqual([]);
    expect(await only('state=endorsement')).toEqual([]); // not a stage the Sekda acts in
    expect(await only('state=no_such_state')).toEqual([]);
    // page by page with the same filter
    const pages: string[] = [];
    for (let after: string | null | undefined; after !== null; ) {
      const res = await t.http
        .get('/api/tasks')
        .query({ limit: 2, kind: 'quick-win', ...(after ? { after } : {}) })
        .set(await t.auth('berau.sekda'));
      pages.push(...ids(res.body.items));
      after = res.body.next;
    }
    expect(pages).toEqual(ids(whole.filter((i) => i.kind === 'quick-win')));
    for (const bad of ['kind=Quick-Win', 'kind=', 'state=APPROVAL', 'state=a.b.c', 'state=']) {
      const res = await t.http.get(`/api/tasks?${bad}`).set(await t.auth('berau.sekda'));
      expect({ bad, status: res.status, code: res.body.code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it("narrows to one government, one unit (the document's, also in a paraf koordinasi) and the overdue, as the whole inbox filtered, also page by page", async () => {
    // kaltim's Biro Hukum: regencies' regulations to facilitate and kaltim's own to review, one of another unit's
    await regulationIn(t, 'paser', 'facilitation', { title: 'Fasilitasi Paser disaring' });
    const late = await regulationIn(t, 'berau', 'facilitation', { title: 'Fasilitasi Berau terlambat' });
    await setDue(late.id, new Date(Date.now() - 3_600_000));
    await regulationIn(t, 'kaltim', 'legal_review', { title: 'Telaah Diskominfo disaring' });
    await addUser(t, { username: 'kaltim.drafter-inspektorat', governmentCode: 'kaltim', unitCode: 'inspektorat', roles: ['DRAFTER'] });
    const inspektorat = await createRegulation(t, 'kaltim.drafter-inspektorat', { title: 'Telaah Inspektorat disaring', unitCode: 'inspektorat' });
    expect((await act(t, 'regulations', inspektorat.id, 'kaltim.drafter-inspektorat', 'SUBMIT')).status).toBe(200);
    expect((await act(t, 'regulations', inspektorat.id, 'kaltim.kepala-inspektorat', 'ENDORSE')).status).toBe(200);
    // a diskominfo regulation the heads of the Inspektorat and the Biro Organisasi initial: their deadlines lie in their units
    const paraf = await createRegulation(t, 'kaltim.drafter', { title: 'Paraf koordinasi disaring' });
    await regulationInCoordination(t, paraf.id, 'kaltim', ['inspektorat', 'biro-organisasi'], { kind: 'ALL' });
    // berau's Sekda approves a Quick Win; its drafter has a draft (undated: never overdue) and a revision
    await driveTo(t, (await createQuickWin(t, 'berau.drafter', { title: 'Persetujuan disaring' })).id, 'approval', 'berau');
    await createQuickWin(t, 'berau.drafter', { title: 'Konsep disaring' });
    const returned = await createQuickWin(t, 'berau.drafter', { title: 'Perbaikan disaring' });
    await driveTo(t, returned.id, 'endorsement', 'berau');
    expect((await act(t, 'quick-wins', returned.id, 'berau.kadis', 'RETURN', { comment: 'Lengkapi indikator.' })).status).toBe(200);
    await setDue(returned.id, new Date(Date.now() - 60_000));

    const cases: Array<{ user: string; filter: Record<string, string>; passes: (task: TaskItem) => boolean; some?: true }> = [
      { user: 'kaltim.hukum', filter: { governmentCode: 'paser' }, passes: (i) => i.governmentCode === 'paser', some: true },
      { user: 'kaltim.hukum', filter: { governmentCode: 'kaltim' }, passes: (i) => i.governmentCode === 'kaltim', some: true },
      { user: 'kaltim.hukum', filter: { unitCode: 'inspektorat' }, passes: (i) => i.unitCode === 'inspektorat', some: true },
      { user: 'kaltim.hukum', filter: { unitCode: 'diskominfo' }, passes: (i) => i.unitCode === 'diskominfo', some: true },
      { user: 'kaltim.hukum', filter: { governmentCode: 'berau', unitCode: 'diskominfo' }, passes: (i) => i.governmentCode === 'berau' && i.unitCode === 'diskominfo', some: true },
      { user: 'kaltim.hukum', filter: { governmentCode: 'paser', unitCode: 'inspektorat' }, passes: () => false },
      { user: 'kaltim.hukum', filter: { overdue: 'true' }, passes: (i) => i.overdue, some: true },
      { user: 'kaltim.hukum', filter: { overdue: 'false' }, passes: (i) => !i.overdue, some: true },
      { user: 'kaltim.hukum', filter: { overdue: 'true', governmentCode: 'paser' }, passes: (i) => i.overdue && i.governmentCode === 'paser' },
      { user: 'kaltim.kepala-inspektorat', filter: { unitCode: 'diskominfo' }, passes: (i) => i.unitCode === 'diskominfo', some: true },
      { user: 'kaltim.kepala-inspektorat', filter: { unitCode: 'inspektorat' }, passes: (i) => i.unitCode === 'inspektorat' },
      { user: 'kaltim.kepala-inspektorat', filter: { q: 'KOORDINASI disaring' }, passes: (i) => /koordinasi disaring/i.test(i.title), some: true },
      { user: 'berau.sekda', filter: { governmentCode: 'berau', unitCode: 'diskominfo' }, passes: () => true, some: true },
      { user: 'berau.sekda', filter: { governmentCode: 'kaltim' }, passes: () => false },
      { user: 'berau.drafter', filter: { overdue: 'false' }, passes: (i) => !i.overdue, some: true },
      { user: 'berau.drafter', filter: { overdue: 'true' }, passes: (i) => i.overdue, some: true },
    ];
    const wholes = new Map<string, TaskItem[]>();
    for (const user of new Set(cases.map((c) => c.user))) {
      const whole = await t.http.get('/api/tasks?limit=200').set(await t.auth(user));
      expect(whole.body.next).toBeNull();
      wholes.set(user, whole.body.items);
    }
    expect(wholes.get('kaltim.kepala-inspektorat')?.find((i) => i.id === paraf.id)).toMatchObject({ state: 'coordination.agencies', unitCode: 'diskominfo' });
    expect(wholes.get('berau.drafter')?.some((i) => i.dueAt === null)).toBe(true); // drafts, never overdue
    for (const { user, filter, passes, some } of cases) {
      const expected = ids(wholes.get(user)!.filter(passes));
      if (some) expect({ user, filter, found: expected.length > 0 }).toEqual({ user, filter, found: true });
      const res = await t.http.get('/api/tasks').query({ limit: 200, ...filter }).set(await t.auth(user));
      expect({ user, filter, status: res.status, ids: ids(res.body.items), next: res.body.next }).toEqual({ user, filter, status: 200, ids: expected, next: null });
      expect({ user, filter, ids: ids(await allPages(user, 1, filter)) }).toEqual({ user, filter, ids: expected });
    }
    for (const bad of ['governmentCode=Paser', 'governmentCode=', 'unitCode=Dinas Kominfo', 'unitCode=', 'overdue=yes', 'overdue=']) {
      const res = await t.http.get(`/api/tasks?${bad}`).set(await t.auth('kaltim.hukum'));
      expect({ bad, status: res.status, code: res.body.code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('refuses an after that no page gave, with VALIDATION_FAILED, and changes nothing', async () => {
    const id = '3f9c2d4e-5b6a-4c7d-8e9f-0a1b2c3d4e5f';
    for (const bad of ['', 'abc', `1.2.${id.toUpperCase()}`, `01.2.${id}`, `12345678901234567.2.${id}`, `9999999999999999.1.${id}`, `-.9007199254740992.${id}`, `1.2.${id}.4`, `1.2.${id}%00`]) {
      const res = await t.http.get(`/api/tasks?after=${bad}`).set(await t.auth('berau.sekda'));
      expect({ bad, status: res.status, code: res.body.code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.message).toContain('after');
    }
    // a well-formed position far in the future or before everything is simply a place in the order
    const late = await t.http.get(`/api/tasks?after=-.9007199254740991.${id}`).set(await t.auth('berau.drafter'));
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({ items: [], next: null });
    const early = await t.http.get(`/api/tasks?limit=200&after=0.0.${id}`).set(await t.auth('berau.sekda'));
    const whole = await t.http.get('/api/tasks?limit=200').set(await t.auth('berau.sekda'));
    expect(ids(early.body.items)).toEqual(ids(whole.body.items));
  });

  it('returns at most ?limit tasks, the soonest due, and refuses a bad limit', async () => {
    const docs = [];
    for (let i = 0; i < 3; i++) {
      const doc = await createQuickWin(t, 'berau.drafter', { title: `Batas inbox ${i}` });
      await driveTo(t, doc.id, 'approval', 'berau');
      docs.push(doc);
    }
    const base = Date.now() + 86_400_000;
    await setDue(docs[0].id, new Date(base + 3_000_000));
    await setDue(docs[1].id, new Date(base + 1_000_000));
    await setDue(docs[2].id, new Date(base + 2_000_000));
    const res = await t.http.get('/api/tasks?limit=2').set(await t.auth('berau.sekda'));
    expect(res.status).toBe(200);
    expect(res.body.limit).toBe(2);
    expect(ids(res.body.items)).toEqual([docs[1].id, docs[2].id]);
    for (const bad of ['0', '201', 'abc', '-1']) {
      const r = await t.http.get(`/api/tasks?limit=${bad}`).set(await t.auth('berau.sekda'));
      expect(r.status).toBe(400);
      expect(r.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('needs a token', async () => {
    const res = await t.http.get('/api/tasks');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('GET /api/workflows', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const QUICK_WIN_STATES = ['draft', 'endorsement', 'verification', 'approval', 'revision', 'implementation', 'evaluation', 'completed', 'rejected', 'withdrawn'];
  const QUICK_WIN_ACTIONS = ['SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE', 'REJECT', 'RETURN', 'RESUBMIT', 'REPORT_PROGRESS', 'COMPLETE', 'EVALUATE', 'WITHDRAW'];
  const REGULATION_STATES = [
    'draft', 'endorsement', 'legal_review', 'harmonization', 'facilitation', 'coordination.agencies', 'coordination.assistant', 'coordination.secretary',
    'signature', 'promulgation', 'promulgated', 'published', 'revision', 'withdrawn',
  ];
  const REGULATION_ACTIONS = [
    'SUBMIT', 'ENDORSE', 'REQUEST_HARMONIZATION', 'RECORD_HARMONIZATION', 'FACILITATE', 'PARAF', 'SIGN', 'PROMULGATE', 'PUBLISH', 'RETURN', 'RESUBMIT', 'WITHDRAW',
  ];

  /** The Quick Win table of domain.md, as edges `from ACTION to`. */
  const QUICK_WIN_EDGES = [
    'draft SUBMIT endorsement', 'draft WITHDRAW withdrawn',
    'endorsement ENDORSE verification', 'endorsement RETURN revision', 'endorsement WITHDRAW withdrawn',
    'verification VERIFY approval', 'verification RETURN revision', 'verification WITHDRAW withdrawn',
    'approval APPROVE implementation', 'approval RETURN revision', 'approval REJECT rejected',
    'revision RESUBMIT endorsement', 'revision WITHDRAW withdrawn',
    'implementation REPORT_PROGRESS implementation', 'implementation COMPLETE evaluation',
    'evaluation EVALUATE completed', 'evaluation RETURN implementation',
  ];

  it('lists both kinds with their states, actions and who may act', async () => {
    const res = await t.http.get('/api/workflows').set(await t.auth('kaltim.drafter'));
    expect(res.status).toBe(200);
    const byKind = Object.fromEntries(res.body.items.map((w: { kind: string }) => [w.kind, w]));
    expect(Object.keys(byKind).sort()).toEqual(['quick-win', 'regulation']);

    const qw = byKind['quick-win'];
    expect(qw.version).toEqual(expect.any(Number));
    expect(qw.initial).toBe('draft');
    expect(qw.states.map((s: { name: string }) => s.name).sort()).toEqual([...QUICK_WIN_STATES].sort());
    expect(qw.actions.map((a: { action: string }) => a.action).sort()).toEqual([...QUICK_WIN_ACTIONS].sort());
    const state = (name: string) => qw.states.find((s: { name: string }) => s.name === name);
    expect(state('completed')).toMatchObject({ final: true, actions: [] });
    expect(state('draft')).toMatchObject({ final: false, stage: null });
    const approval = state('approval');
    expect(approval.stage).toBe('approval');
    expect(Object.fromEntries(approval.actions.map((a: { action: string; roles: string[] }) => [a.action, a.roles]))).toEqual({
      APPROVE: ['SECRETARY'],
      RETURN: ['SECRETARY'],
      REJECT: ['SECRETARY'],
    });
    expect(approval.actions.find((a: { action: string }) => a.action === 'REJECT')).toMatchObject({ commentRequired: true, separationOfDuties: true, target: 'rejected' });
    const edges = qw.states.flatMap((s: { name: string; actions: Array<{ action: string; targets: Array<{ state: string }> }> }) =>
      s.actions.flatMap((a) => a.targets.map((target) => `${s.name} ${a.action} ${target.state}`)),
    );
    expect(edges.sort()).toEqual([...QUICK_WIN_EDGES].sort());

    const reg = byKind.regulation;
    expect(reg.states.map((s: { name: string }) => s.name).sort()).toEqual([...REGULATION_STATES].sort());
    expect(reg.actions.map((a: { action: string }) => a.action).sort()).toEqual([...REGULATION_ACTIONS].sort());
  });

  it('GET /api/workflows/quick-win/diagram is a Mermaid stateDiagram-v2 of exactly the domain table', async () => {
    const res = await t.http.get('/api/workflows/quick-win/diagram').set(await t.auth('paser.kepala'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text.startsWith('stateDiagram-v2\n')).toBe(true);
    for (const state of QUICK_WIN_STATES) expect(res.text).toMatch(new RegExp(`\\b${state}\\b`));
    for (const action of QUICK_WIN_ACTIONS) expect(res.text).toContain(action);
    expect(res.text).toMatch(/\[\*\] --> draft/);
    for (const final of ['completed', 'rejected', 'withdrawn']) expect(res.text).toContain(`${final} --> [*]`);
    const edges = [...res.text.matchAll(/^\s*(\w+) --> (\w+) : (\w+)/gm)].map((m) => `${m[1]} ${m[3]} ${m[2]}`);
    expect(edges.sort()).toEqual([...QUICK_WIN_EDGES].sort());
  });

  it('the regulation diagram names every state and action, nested states included', async () => {
    const res = await t.http.get('/api/workflows/regulation/diagram').set(await t.auth('kaltim.hukum'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text.startsWith('stateDiagram-v2')).toBe(true);
    for (const state of REGULATION_STATES) expect(res.text).toContain(state.split('.').at(-1));
    for (const action of REGULATION_ACTIONS) expect(res.text).toContain(action);
    // paraf koordinasi by the OPDs concerned: concurrent regions, left by its completion rule
    expect(res.text).toContain('state "agencies (paralel per OPD terkait)" as coordination__agencies {');
    expect(res.text).toMatch(/\n\s+--\n/);
    expect(res.text).toContain('coordination__agencies --> coordination__assistant : [ruleMet]');
    expect(res.text).toContain('coordination__agencies --> revision : [participantReturned]');
  });

  it.each(['nothing', 'quick-wins', 'QUICK-WIN', '__proto__', 'constructor'])('an unknown kind (%s) is 404', async (kind) => {
    const res = await t.http.get(`/api/workflows/${kind}/diagram`).set(await t.auth('kaltim.drafter'));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('a kind holding a NUL is 400', async () => {
    const res = await t.http.get('/api/workflows/%00/diagram').set(await t.auth('kaltim.drafter'));
    expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('needs a token', async () => {
    expect((await t.http.get('/api/workflows')).status).toBe(401);
    expect((await t.http.get('/api/workflows/quick-win/diagram')).status).toBe(401);
  });
});
