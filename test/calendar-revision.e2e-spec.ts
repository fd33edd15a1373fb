import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import request from 'supertest';
import { act, calendarInDatabase, createQuickWin, createTestApp, quickWinBody, spawnApi, type SpawnedApi, type TestApp } from '#testing';
import { computeDeadlineSchedule, DEFAULT_OFFICE_HOURS, DEFAULT_SLA, toLocalDateTime, type LocalDate, type OfficeHours, type WorkingDayCalendar } from '#workflow';

// Two API processes start on a shared, loaded machine; nothing here measures time.
jest.setTimeout(120_000);

const ENDORSEMENT = DEFAULT_SLA['quick-win'].endorsement; // 3 working days

interface Deadline {
  enteredAt: Date;
  dueAt: Date;
  explanation: string;
}

/**
 * Issue 16: the API keeps each government's working-day calendar between transitions and reads the
 * holidays and office hours again only when the calendar revision moved. Every write of holidays, office
 * hours or a government's zone moves it, whoever writes; a transition never counts on a calendar the
 * database no longer holds.
 */
describe('the calendar a transition counts on, kept between transitions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const revision = async (): Promise<string> => (await t.dataSource.query(`SELECT revision FROM calendar_revision`))[0].revision;

  async function pendingDeadline(documentId: string): Promise<Deadline> {
    const [row] = await t.dataSource.query(
      `SELECT entered_at AS "enteredAt", due_at AS "dueAt", explanation FROM deadlines WHERE document_id = $1 AND status = 'PENDING'`,
      [documentId],
    );
    return row;
  }

  const calendarOf = (code: string) => calendarInDatabase(t.dataSource, code);

  /** A Quick Win of `government` submitted now: its endorsement deadline. */
  async function submitted(government: string): Promise<Deadline> {
    const doc = await createQuickWin(t, `${government}.drafter`);
    expect((await act(t, 'quick-wins', doc.id, `${government}.drafter`, 'SUBMIT')).status).toBe(200);
    return pendingDeadline(doc.id);
  }

  const countedOn = (deadline: Deadline, calendar: WorkingDayCalendar) => {
    const expected = computeDeadlineSchedule({ enteredAt: deadline.enteredAt, policy: ENDORSEMENT, calendar });
    return { dueAt: expected.dueAt.toISOString(), explanation: expected.explanation };
  };
  const asStored = (deadline: Deadline) => ({ dueAt: deadline.dueAt.toISOString(), explanation: deadline.explanation });

  /** A working day inside the endorsement of a stage entered at `deadline.enteredAt`, so a holiday on it moves the due date. */
  const insideEndorsement = (calendar: WorkingDayCalendar, deadline: Deadline): LocalDate => calendar.nextWorkingDay(calendar.localDateOf(deadline.enteredAt));

  it("moves with every statement that writes holidays, office hours or a government's time zone, whoever writes it, and not with reads", async () => {
    const seen = [await revision()];
    const moved = async () => {
      const now = await revision();
      expect(seen).not.toContain(now);
      seen.push(now);
    };
    const auth = await t.auth('kaltim.admin');

    const added = await t.http.post('/api/holidays').set(auth).send({ date: '2027-03-03', name: 'Libur uji revisi', governmentCode: 'kaltim' });
    expect(added.status).toBe(201);
    await moved();
    expect((await t.http.get('/api/holidays?year=2027').set(auth)).status).toBe(200);
    expect((await t.http.get('/api/governments/kaltim/office-hours').set(auth)).status).toBe(200);
    expect(await revision()).toBe(seen.at(-1));
    expect((await t.http.delete(`/api/holidays/${added.body.id}`).set(auth)).status).toBe(200);
    await moved();
    const shortDays = { ...DEFAULT_OFFICE_HOURS, friday: { opens: '07:30', closes: '11:00' } };
    expect((await t.http.put('/api/governments/kaltim/office-hours').set(auth).send({ days: shortDays })).status).toBe(200);
    await moved();
    expect((await t.http.put('/api/governments/kaltim/office-hours').set(auth).send({ days: null })).status).toBe(200);
    await moved();

    // a seed, an import or a person at psql
    const [{ id }] = await t.dataSource.query(`INSERT INTO holidays (date, name) VALUES ('2027-03-04', 'Libur uji psql') RETURNING id`);
    await moved();
    await t.dataSource.query(`UPDATE holidays SET name = 'Libur uji psql diganti' WHERE id = $1`, [id]);
    await moved();
    await t.dataSource.query(`DELETE FROM holidays WHERE id = $1`, [id]);
    await moved();
    await t.dataSource.query(
      `INSERT INTO office_hours (government_id, weekday, opens, closes) SELECT id, 6, '08:00', '12:00' FROM governments WHERE code = 'berau'`,
    );
    await moved();
    await t.dataSource.query(`DELETE FROM office_hours WHERE government_id = (SELECT id FROM governments WHERE code = 'berau')`);
    await moved();
    await t.dataSource.query(`UPDATE governments SET time_zone = 'Asia/Jayapura' WHERE code = 'berau'`);
    await moved();
    await t.dataSource.query(`UPDATE governments SET time_zone = 'Asia/Makassar' WHERE code = 'berau'`);
    await moved();
    await t.dataSource.query(`UPDATE governments SET name = name WHERE code = 'berau'`); // not what a calendar is made of
    await t.dataSource.query(`UPDATE governments SET time_zone = time_zone WHERE code = 'berau'`); // named, not changed
    expect(await revision()).toBe(seen.at(-1));

    // the API's edit of a government names the zone whatever it changes: a new name, the same zone or nothing moves nothing
    const kaltim = '/api/governments/kaltim';
    const [{ name }] = await t.dataSource.query(`SELECT name FROM governments WHERE code = 'kaltim'`);
    for (const edit of [{ name: `${name} (uji)` }, { name }, { timeZone: 'Asia/Makassar' }, {}]) {
      expect({ edit, status: (await t.http.patch(kaltim).set(auth).send(edit)).status }).toEqual({ edit, status: 200 });
    }
    expect(await revision()).toBe(seen.at(-1));
  });

  it('a holiday written straight into the database is counted by the next transition of that government', async () => {
    const first = await submitted('kaltim'); // the API now keeps kaltim's calendar
    expect(asStored(first)).toEqual(countedOn(first, await calendarOf('kaltim')));
    const before = await calendarOf('kaltim');
    await t.dataSource.query(`INSERT INTO holidays (date, name) VALUES ($1, 'Libur nasional uji')`, [insideEndorsement(before, first)]);

    const next = await submitted('kaltim');
    const now = await calendarOf('kaltim');
    expect(countedOn(next, now)).not.toEqual(countedOn(next, before)); // the holiday falls inside the stage
    expect(asStored(next)).toEqual(countedOn(next, now));
  });

  it("office hours an ADMIN changes count from the government's next transition on", async () => {
    const first = await submitted('berau');
    const noonClose: OfficeHours = {
      ...DEFAULT_OFFICE_HOURS,
      ...Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, { opens: '07:30', closes: '12:00' }])),
    };
    expect((await t.http.put('/api/governments/berau/office-hours').set(await t.auth('kaltim.admin')).send({ days: noonClose })).status).toBe(200);

    const next = await submitted('berau');
    expect(asStored(next)).toEqual(countedOn(next, await calendarOf('berau')));
    expect(toLocalDateTime(next.dueAt, 'Asia/Makassar')).toMatchObject({ hour: 12, minute: 0 });
    expect(toLocalDateTime(first.dueAt, 'Asia/Makassar').hour).not.toBe(12);
  });

  it('reads the calendar once per revision: a holiday slipped in without moving the revision is not seen until it moves', async () => {
    const first = await submitted('paser');
    const kept = await calendarOf('paser');
    // what the statement triggers prevent: a write that leaves the revision as it was
    await t.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`INSERT INTO holidays (date, name, government_id) SELECT $1, 'Libur Paser uji', id FROM governments WHERE code = 'paser'`, [
        insideEndorsement(kept, first),
      ]);
    });
    const withHoliday = await calendarOf('paser');

    const unseen = await submitted('paser');
    expect(countedOn(unseen, withHoliday)).not.toEqual(countedOn(unseen, kept));
    expect(asStored(unseen)).toEqual(countedOn(unseen, kept));

    await t.dataSource.query(`UPDATE calendar_revision SET revision = gen_random_uuid()`);
    const seen = await submitted('paser');
    expect(asStored(seen)).toEqual(countedOn(seen, withHoliday));
  });

  it('a document and the inbox say "due soon" from the calendar kept at the revision they were read at, and from the new one once it moves', async () => {
    const doc = await createQuickWin(t, 'paser.drafter');
    expect((await act(t, 'quick-wins', doc.id, 'paser.drafter', 'SUBMIT')).status).toBe(200); // kept: paser's calendar now
    const kept = await calendarOf('paser');
    const now = new Date();
    await t.dataSource.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`INSERT INTO holidays (date, name, government_id) SELECT $1, 'Libur Paser kedua', id FROM governments WHERE code = 'paser'`, [
        kept.nextWorkingDay(kept.localDateOf(now)),
      ]);
    });
    const withHoliday = await calendarOf('paser');
    // "Segera jatuh tempo" ends two working days on: a day later with the holiday; due between the two ends
    const [endKept, endWithHoliday] = [kept.addWorkingDays(now, 2), withHoliday.addWorkingDays(now, 2)];
    expect(endWithHoliday.getTime()).toBeGreaterThan(endKept.getTime());
    const dueAt = new Date((endKept.getTime() + endWithHoliday.getTime()) / 2);
    await t.dataSource.query(`UPDATE deadlines SET due_at = $2 WHERE document_id = $1 AND status = 'PENDING'`, [doc.id, dueAt]);

    const dueSoon = async () => {
      const view = await t.http.get(`/api/quick-wins/${doc.id}`).set(await t.auth('paser.drafter'));
      expect(view.status).toBe(200);
      expect(new Date(view.body.deadline.dueAt).toISOString()).toBe(dueAt.toISOString());
      const inbox = await t.http.get('/api/tasks?kind=quick-win').set(await t.auth('paser.kadis'));
      expect(inbox.status).toBe(200);
      const task = inbox.body.items.find((item: { id: string }) => item.id === doc.id);
      return { document: view.body.deadline.dueSoon as boolean, inbox: task?.dueSoon as boolean };
    };
    expect(await dueSoon()).toEqual({ document: false, inbox: false }); // the kept calendar: the holiday not read
    await t.dataSource.query(`UPDATE calendar_revision SET revision = gen_random_uuid()`);
    expect(await dueSoon()).toEqual({ document: true, inbox: true });
  });

  describe('with two API processes', () => {
    let apis: SpawnedApi[] = [];
    const tokens = new Map<string, string>();

    beforeAll(async () => {
      apis = await Promise.all([spawnApi(t.env), spawnApi(t.env)]);
    });
    afterAll(() => Promise.all(apis.map((api) => api.kill())));

    async function call(api: SpawnedApi, username: string, method: 'post' | 'delete', path: string, body?: object) {
      let token = tokens.get(username);
      if (!token) {
        token = (await request(api.base).post('/api/auth/login').send({ username, password: 'demo12345' })).body.accessToken as string;
        tokens.set(username, token);
      }
      const req = request(api.base)[method](path).set('Authorization', `Bearer ${token}`);
      return body === undefined ? req : req.send(body);
    }

    async function submittedOn(api: SpawnedApi, government: string): Promise<Deadline> {
      const created = await call(api, `${government}.drafter`, 'post', '/api/quick-wins', quickWinBody());
      expect(created.status).toBe(201);
      expect((await call(api, `${government}.drafter`, 'post', `/api/quick-wins/${created.body.id}/actions`, { action: 'SUBMIT' })).status).toBe(200);
      return pendingDeadline(created.body.id);
    }

    it("one process counts the holiday another added and stops counting it once the other removed it", async () => {
      const [a, b] = apis as [SpawnedApi, SpawnedApi];
      const first = await submittedOn(a, 'kaltim'); // a keeps kaltim's calendar
      const without = await calendarOf('kaltim');
      expect(asStored(first)).toEqual(countedOn(first, without));

      const added = await call(b, 'kaltim.admin', 'post', '/api/holidays', { date: insideEndorsement(without, first), name: 'Libur daerah uji', governmentCode: 'kaltim' });
      expect(added.status).toBe(201);
      const withHoliday = await calendarOf('kaltim');
      const counted = await submittedOn(a, 'kaltim');
      expect(countedOn(counted, withHoliday)).not.toEqual(countedOn(counted, without));
      expect(asStored(counted)).toEqual(countedOn(counted, withHoliday));

      expect((await call(b, 'kaltim.admin', 'delete', `/api/holidays/${added.body.id}`)).status).toBe(200);
      const after = await submittedOn(a, 'kaltim');
      expect(asStored(after)).toEqual(countedOn(after, without));
    });
  });
});
