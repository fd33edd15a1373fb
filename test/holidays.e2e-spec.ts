import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CALENDAR_LOCK_KEY, DeadlineRescheduler, lockCalendarExclusive, NATIONAL_HOLIDAYS, seedHolidays } from '#persistence';
import type { EntityManager } from 'typeorm';
import { act, calendarInDatabase, createQuickWin, createTestApp, type TestApp } from '#testing';
import {
  addDaysToLocalDate,
  computeDeadlineSchedule,
  DEFAULT_SLA,
  formatIndonesianLocalDate,
  missingNationalHolidayYears,
  toLocalDateTime,
  WorkingDayCalendar,
  type LocalDate,
} from '#workflow';
import { driveTo } from './support/quick-win.js';
import { addUser } from './support/users.js';

// Generous for a loaded machine (app start, argon2 logins); nothing here measures time.
jest.setTimeout(60_000);

interface DeadlineRow {
  id: string;
  documentId: string;
  stage: string;
  enteredAt: Date;
  dueAt: Date;
  remindAt: Date | null;
  escalationTimes: Date[];
  explanation: string;
  generation: number;
}

const ENDORSEMENT = DEFAULT_SLA['quick-win'].endorsement; // 3 working days

describe('holidays and the deadlines they move', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    // Kalimantan Tengah runs on WIB (Asia/Jakarta), one hour behind Kalimantan Timur's WITA.
    await t.dataSource.query(
      `INSERT INTO governments (code, name, region_name, level, time_zone)
       VALUES ('kalteng', 'Pemerintah Provinsi Kalimantan Tengah', 'Kalimantan Tengah', 'PROVINCE', 'Asia/Jakarta')`,
    );
    await addUser(t, { username: 'kalteng.drafter', governmentCode: 'kalteng', unitCode: 'diskominfo', roles: ['DRAFTER'] });
    await addUser(t, { username: 'kalteng.admin', governmentCode: 'kalteng', unitCode: 'setda', roles: ['ADMIN'] });
  });
  afterAll(() => t.close());

  const postHoliday = async (user: string, body: Record<string, unknown>) => t.http.post('/api/holidays').set(await t.auth(user)).send(body);
  const deleteHoliday = async (user: string, id: string) => t.http.delete(`/api/holidays/${id}`).set(await t.auth(user));

  async function pendingDeadline(documentId: string): Promise<DeadlineRow> {
    const [row] = await t.dataSource.query(
      `SELECT id, document_id AS "documentId", stage, entered_at AS "enteredAt", due_at AS "dueAt", remind_at AS "remindAt",
              escalation_times AS "escalationTimes", explanation, generation
         FROM deadlines WHERE document_id = $1 AND status = 'PENDING'`,
      [documentId],
    );
    return row;
  }

  const calendarOf = (governmentCode: string) => calendarInDatabase(t.dataSource, governmentCode);

  async function rescheduledRows(deadlineId: string): Promise<Array<Record<string, unknown>>> {
    const rows: Array<{ payload: Record<string, unknown> }> = await t.dataSource.query(
      `SELECT payload FROM outbox WHERE type = 'DEADLINE_RESCHEDULED' AND payload ->> 'deadlineId' = $1 ORDER BY id`,
      [deadlineId],
    );
    return rows.map((r) => r.payload);
  }

  /** A Quick Win of `government` waiting in endorsement (3 working days). */
  async function inEndorsement(government: string): Promise<DeadlineRow> {
    const doc = await createQuickWin(t, `${government}.drafter`);
    expect((await act(t, 'quick-wins', doc.id, `${government}.drafter`, 'SUBMIT')).status).toBe(200);
    return pendingDeadline(doc.id);
  }

  /** The first working day after the deadline's entry date: it lies inside every working-day window. */
  function firstWorkingDayAfterEntry(calendar: WorkingDayCalendar, deadline: DeadlineRow): LocalDate {
    return calendar.nextWorkingDay(calendar.localDateOf(deadline.enteredAt));
  }

  describe("a government's own holiday", () => {
    let kaltim: DeadlineRow;
    let paser: DeadlineRow;
    let holidayDate: LocalDate;
    let holidayId: string;
    let calendar: WorkingDayCalendar;

    beforeAll(async () => {
      kaltim = await inEndorsement('kaltim');
      paser = await inEndorsement('paser');
      calendar = await calendarOf('kaltim');
      holidayDate = firstWorkingDayAfterEntry(calendar, kaltim);
    });

    it('the deadline was planned with the calendar in the database', () => {
      const expected = computeDeadlineSchedule({ enteredAt: kaltim.enteredAt, policy: ENDORSEMENT, calendar });
      expect(kaltim.dueAt.toISOString()).toBe(expected.dueAt.toISOString());
      expect(kaltim.explanation).toBe(expected.explanation);
      expect(kaltim.generation).toBe(1);
    });

    it("an ADMIN adds one inside a pending deadline's window: due one working day later, generation + 1, explained, outbox row", async () => {
      const res = await postHoliday('kaltim.admin', { date: holidayDate, name: 'Libur Uji Coba Daerah', governmentCode: 'kaltim' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ date: holidayDate, name: 'Libur Uji Coba Daerah', governmentCode: 'kaltim' });
      expect(res.body.rescheduledDeadlines).toBeGreaterThanOrEqual(1);
      holidayId = res.body.id;

      const after = await pendingDeadline(kaltim.documentId);
      const withHoliday = calendar.withHolidays([...calendar.holidays, { date: holidayDate, name: 'Libur Uji Coba Daerah' }]);
      expect(after.dueAt.toISOString()).toBe(withHoliday.addWorkingDays(kaltim.dueAt, 1).toISOString());
      const expected = computeDeadlineSchedule({ enteredAt: kaltim.enteredAt, policy: ENDORSEMENT, calendar: withHoliday });
      expect(after.dueAt.toISOString()).toBe(expected.dueAt.toISOString());
      expect(after.remindAt?.toISOString()).toBe(expected.remindAt?.toISOString());
      expect(after.escalationTimes.map((at) => at.toISOString())).toEqual(expected.escalations.map((at) => at.toISOString()));
      expect(after.explanation).toBe(expected.explanation);
      expect(after.explanation).toContain(`tidak termasuk ${formatIndonesianLocalDate(holidayDate)} (Libur Uji Coba Daerah)`);
      expect(after.generation).toBe(2);
      expect(after.enteredAt).toEqual(kaltim.enteredAt);
      expect(await rescheduledRows(kaltim.id)).toEqual([{ deadlineId: kaltim.id, generation: 2 }]);

      const doc = await t.http.get(`/api/quick-wins/${kaltim.documentId}`).set(await t.auth('kaltim.kadis'));
      expect(doc.body.deadline).toMatchObject({ stage: 'endorsement', dueAt: after.dueAt.toISOString(), explanation: after.explanation });
    });

    it("leaves another government's deadlines alone", async () => {
      expect(await pendingDeadline(paser.documentId)).toEqual(paser);
      expect(await rescheduledRows(paser.id)).toEqual([]);
    });

    it('is listed for its government, not for others', async () => {
      const own = await t.http.get('/api/holidays').set(await t.auth('kaltim.drafter'));
      expect(own.status).toBe(200);
      expect(own.body.items).toContainEqual({ id: holidayId, date: holidayDate, name: 'Libur Uji Coba Daerah', governmentCode: 'kaltim' });
      const other = await t.http.get('/api/holidays').set(await t.auth('paser.drafter'));
      expect(other.body.items.map((h: { id: string }) => h.id)).not.toContain(holidayId);
      expect(other.body.items.every((h: { governmentCode: string | null }) => h.governmentCode === null || h.governmentCode === 'paser')).toBe(true);
    });

    it('a second holiday on the same date and scope is a conflict (409), and changes nothing', async () => {
      const res = await postHoliday('kaltim.admin', { date: holidayDate, name: 'Libur Lain', governmentCode: 'kaltim' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'CONFLICT' });
      expect((await pendingDeadline(kaltim.documentId)).generation).toBe(2);
    });

    it('removing it moves the deadline back: the original due date and explanation, generation + 1 again', async () => {
      const res = await deleteHoliday('kaltim.admin', holidayId);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: holidayId, date: holidayDate, governmentCode: 'kaltim' });
      expect(res.body.rescheduledDeadlines).toBeGreaterThanOrEqual(1);

      const back = await pendingDeadline(kaltim.documentId);
      expect(back).toEqual({ ...kaltim, generation: 3 });
      expect(await rescheduledRows(kaltim.id)).toEqual([
        { deadlineId: kaltim.id, generation: 2 },
        { deadlineId: kaltim.id, generation: 3 },
      ]);
      expect((await deleteHoliday('kaltim.admin', holidayId)).status).toBe(404);
    });
  });

  describe('a national holiday', () => {
    it("moves every government's pending working-day deadlines, but no calendar-day one", async () => {
      const paser = await inEndorsement('paser');
      const berau = await inEndorsement('berau');
      const implementationDoc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, implementationDoc.id, 'implementation');
      const implementation = await pendingDeadline(implementationDoc.id);
      expect(implementation.stage).toBe('implementation'); // 30 calendar days

      const paserCalendar = await calendarOf('paser');
      const date = firstWorkingDayAfterEntry(paserCalendar, paser);
      expect(date <= paserCalendar.localDateOf(implementation.dueAt)).toBe(true);

      const res = await postHoliday('kaltim.admin', { date, name: 'Cuti Bersama Uji Coba', governmentCode: null });
      expect(res.status).toBe(201);
      expect(res.body.governmentCode).toBeNull();

      for (const before of [paser, berau]) {
        const after = await pendingDeadline(before.documentId);
        expect(after.generation).toBe(2);
        expect(after.dueAt.getTime()).toBeGreaterThan(before.dueAt.getTime());
        expect(after.explanation).toContain(`(Cuti Bersama Uji Coba)`);
        expect(await rescheduledRows(before.id)).toEqual([{ deadlineId: before.id, generation: 2 }]);
      }
      expect(await pendingDeadline(implementationDoc.id)).toEqual(implementation);
      expect(await rescheduledRows(implementation.id)).toEqual([]);

      const national = await t.http.get(`/api/holidays?year=${date.slice(0, 4)}`).set(await t.auth('berau.sekda'));
      expect(national.body.items).toContainEqual({ id: res.body.id, date, name: 'Cuti Bersama Uji Coba', governmentCode: null });

      expect((await deleteHoliday('kaltim.admin', res.body.id)).status).toBe(200);
      expect((await pendingDeadline(paser.documentId)).dueAt).toEqual(paser.dueAt);
    });

    it('leaves a deadline whose due time has passed alone', async () => {
      const overdue = await inEndorsement('kaltim');
      const now = Date.now();
      // Make it overdue: due a minute ago, escalations still to come.
      await t.dataSource.query(
        `UPDATE deadlines SET entered_at = $2, due_at = $3, remind_at = NULL, escalation_times = ARRAY[$4::timestamptz] WHERE id = $1`,
        [overdue.id, new Date(now - 3 * 86_400_000), new Date(now - 60_000), new Date(now + 5 * 86_400_000)],
      );
      const calendar = await calendarOf('kaltim');
      const date = calendar.nextWorkingDay(calendar.localDateOf(new Date(now)));
      const res = await postHoliday('kaltim.admin', { date, name: 'Libur Setelah Tenggat', governmentCode: 'kaltim' });
      expect(res.status).toBe(201);
      expect((await pendingDeadline(overdue.documentId)).generation).toBe(1);
      expect(await rescheduledRows(overdue.id)).toEqual([]);
      expect((await deleteHoliday('kaltim.admin', res.body.id)).status).toBe(200);
    });
  });

  describe('time zones: WITA (Kalimantan Timur) and WIB (Kalimantan Tengah)', () => {
    /**
     * A Friday 09:15 UTC some weeks ahead whose next week has no holiday anywhere yet: 16.15 in WIB,
     * before its office closes at 16.30, but 17.15 in WITA, after closing.
     */
    async function fridayAfternoon(): Promise<{ entered: Date; monday: LocalDate }> {
      const wita = await calendarOf('kaltim');
      const wib = await calendarOf('kalteng');
      let date = addDaysToLocalDate(new Date().toISOString().slice(0, 10), 21);
      while (new Date(`${date}T00:00:00Z`).getUTCDay() !== 5) date = addDaysToLocalDate(date, 1);
      for (;; date = addDaysToLocalDate(date, 7)) {
        const week = Array.from({ length: 12 }, (_, i) => addDaysToLocalDate(date, i));
        if (week.every((d) => !wita.isHoliday(d) && !wib.isHoliday(d))) return { entered: new Date(`${date}T09:15:00Z`), monday: addDaysToLocalDate(date, 3) };
      }
    }

    /** Re-plans a pending deadline as if its document had entered the stage at `entered`. */
    async function enteredAt(deadline: DeadlineRow, government: string, entered: Date): Promise<DeadlineRow> {
      const schedule = computeDeadlineSchedule({ enteredAt: entered, policy: ENDORSEMENT, calendar: await calendarOf(government) });
      await t.dataSource.query(
        `UPDATE deadlines SET entered_at = $2, due_at = $3, remind_at = $4, escalation_times = $5, explanation = $6 WHERE id = $1`,
        [deadline.id, entered, schedule.dueAt, schedule.remindAt, schedule.escalations, schedule.explanation],
      );
      return pendingDeadline(deadline.documentId);
    }

    it('the same instant is in office hours in WIB but not in WITA, and a national holiday moves each in its own zone', async () => {
      const { entered, monday } = await fridayAfternoon();
      const wita = await enteredAt(await inEndorsement('kaltim'), 'kaltim', entered);
      const wib = await enteredAt(await inEndorsement('kalteng'), 'kalteng', entered);

      // WITA: Friday 17.15, after closing, so counting starts Monday 07.30 and 3 working days end Thursday at 16.00 WITA.
      expect(wita.explanation).toMatch(/^3 hari kerja, dihitung sejak Senin, .* pukul 07\.30 WITA$/);
      expect(wita.dueAt.toISOString()).toBe(`${addDaysToLocalDate(monday, 3)}T08:00:00.000Z`);
      // WIB: Friday 16.15, still open: Monday, Tuesday, Wednesday, to 16.00 WIB.
      expect(wib.explanation).toMatch(/^3 hari kerja, dihitung sejak Jumat, .* pukul 16\.15 WIB$/);
      expect(wib.dueAt.toISOString()).toBe(`${addDaysToLocalDate(monday, 2)}T09:00:00.000Z`);

      // Any province's ADMIN keeps the national calendar, Kalimantan Tengah's too.
      const national = await postHoliday('kalteng.admin', { date: monday, name: 'Libur Nasional Uji Coba', governmentCode: null });
      expect(national.status).toBe(201);

      const witaAfter = await pendingDeadline(wita.documentId);
      const wibAfter = await pendingDeadline(wib.documentId);
      expect(witaAfter.dueAt.toISOString()).toBe(`${addDaysToLocalDate(monday, 4)}T08:30:00.000Z`); // Friday 16.30 WITA
      expect(wibAfter.dueAt.toISOString()).toBe(`${addDaysToLocalDate(monday, 3)}T09:00:00.000Z`); // Thursday 16.00 WIB
      expect(witaAfter.explanation).toContain(`${formatIndonesianLocalDate(monday)} (Libur Nasional Uji Coba)`);
      expect(wibAfter.explanation).toContain(`${formatIndonesianLocalDate(monday)} (Libur Nasional Uji Coba)`);
      expect([witaAfter.generation, wibAfter.generation]).toEqual([2, 2]);
      expect((await deleteHoliday('kaltim.admin', national.body.id)).status).toBe(200);
      expect((await pendingDeadline(wita.documentId)).dueAt).toEqual(wita.dueAt);
      expect((await pendingDeadline(wib.documentId)).dueAt).toEqual(wib.dueAt);
    });
  });

  describe('permissions and validation', () => {
    let kaltimHoliday: string;
    let nationalHoliday: string;

    beforeAll(async () => {
      const rows: Array<{ id: string; national: boolean }> = await t.dataSource.query(
        `SELECT id, government_id IS NULL AS national FROM holidays
          WHERE date IN ('2027-01-09', '2027-01-01') ORDER BY date`,
      );
      nationalHoliday = rows.find((r) => r.national)!.id;
      kaltimHoliday = rows.find((r) => !r.national)!.id;
    });

    const body = (overrides: Record<string, unknown> = {}) => ({ date: '2027-07-01', name: 'Libur Uji', governmentCode: 'paser', ...overrides });

    it.each([
      ['a regency ADMIN adding a national holiday', 'paser.admin', body({ governmentCode: null })],
      ["an ADMIN adding another government's holiday", 'paser.admin', body({ governmentCode: 'kaltim' })],
      ["a province ADMIN adding a regency's holiday", 'kaltim.admin', body()],
      ['a Sekda, who is no ADMIN', 'paser.sekda', body()],
      ['an unknown government', 'paser.admin', body({ governmentCode: 'nowhere' })],
    ])('refuses %s (403)', async (_what, user, payload) => {
      const res = await postHoliday(user, payload);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    });

    it.each([
      [body({ date: '2027-02-30' }), /date/],
      [body({ date: '01-07-2027' }), /date/],
      [body({ name: '   ' }), /name/],
      [body({ name: 'x'.repeat(201) }), /name/],
      [{ date: '2027-07-01', name: 'Libur Uji' }, /governmentCode/],
      [body({ governmentCode: 12 }), /governmentCode/],
      [body({ kind: 'CUTI_BERSAMA' }), /kind/],
    ])('refuses a malformed body (400): %j', async (payload, message) => {
      const res = await postHoliday('paser.admin', payload);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.message).toMatch(message);
    });

    it("a regency ADMIN adds and removes their own government's holiday", async () => {
      const res = await postHoliday('paser.admin', body({ name: '  Hari Jadi Kabupaten Paser  ' }));
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ date: '2027-07-01', name: 'Hari Jadi Kabupaten Paser', governmentCode: 'paser', rescheduledDeadlines: 0 });
      expect((await deleteHoliday('paser.sekda', res.body.id)).status).toBe(403);
      expect((await deleteHoliday('berau.admin', res.body.id)).status).toBe(404); // not in berau's calendar
      expect((await deleteHoliday('paser.admin', res.body.id)).status).toBe(200);
    });

    it("removing: a national holiday needs a province's ADMIN; another government's is not found", async () => {
      expect((await deleteHoliday('paser.admin', nationalHoliday)).status).toBe(403);
      expect((await deleteHoliday('kaltim.sekda', kaltimHoliday)).status).toBe(403);
      expect((await deleteHoliday('paser.admin', kaltimHoliday)).status).toBe(404);
      expect((await deleteHoliday('paser.admin', 'not-a-uuid')).status).toBe(404);
      expect((await deleteHoliday('paser.admin', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM holidays WHERE id = ANY($1::uuid[])`, [[nationalHoliday, kaltimHoliday]]);
      expect(n).toBe(2);
    });

    it('lists by year, in date order; refuses a bad year or an unknown parameter; needs a token', async () => {
      const res = await t.http.get('/api/holidays?year=2026').set(await t.auth('kaltim.inspektur'));
      expect(res.status).toBe(200);
      const dates = res.body.items.map((h: { date: string }) => h.date);
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((d: string) => d.startsWith('2026-'))).toBe(true);
      expect(res.body.items).toContainEqual(expect.objectContaining({ date: '2026-03-19', name: 'Hari Suci Nyepi', governmentCode: null }));
      expect(res.body.items).toContainEqual(expect.objectContaining({ date: '2026-01-09', governmentCode: 'kaltim' }));
      expect((await t.http.get('/api/holidays?year=26').set(await t.auth('kaltim.inspektur'))).status).toBe(400);
      expect((await t.http.get('/api/holidays?month=3').set(await t.auth('kaltim.inspektur'))).status).toBe(400);
      expect((await t.http.get('/api/holidays')).status).toBe(401);
    });
  });

  describe('a calendar change and a transition at the same time', () => {
    /**
     * Runs `change` in a transaction holding the calendar lock (exclusive), sends `transition` meanwhile and
     * commits once the transition's transaction queues on the lock (polled, no fixed sleep); its response.
     */
    async function transitionDuring(change: (manager: EntityManager) => Promise<unknown>, transition: () => Promise<{ status: number }>) {
      const calendarChange = t.dataSource.createQueryRunner();
      await calendarChange.connect();
      await calendarChange.startTransaction();
      try {
        await lockCalendarExclusive(calendarChange.manager);
        await change(calendarChange.manager);
        const sent = transition();
        for (;;) {
          const [{ waiting }] = await t.dataSource.query(
            `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1`,
            [CALENDAR_LOCK_KEY],
          );
          if (waiting > 0) break;
          await new Promise((resolve) => setImmediate(resolve));
        }
        await calendarChange.commitTransaction();
        return await sent;
      } finally {
        if (calendarChange.isTransactionActive) await calendarChange.rollbackTransaction();
        await calendarChange.release();
      }
    }

    it('a stage entered while a holiday is being added waits for it, then counts it', async () => {
      const doc = await createQuickWin(t, 'paser.drafter');
      const calendar = await calendarOf('paser');
      const date = calendar.nextWorkingDay(calendar.localDateOf(new Date()));
      const [{ id: paserId }] = await t.dataSource.query(`SELECT id FROM governments WHERE code = 'paser'`);

      const submitted = await transitionDuring(
        (manager) => manager.query(`INSERT INTO holidays (date, name, government_id) VALUES ($1, 'Libur Serentak', $2)`, [date, paserId]),
        () => act(t, 'quick-wins', doc.id, 'paser.drafter', 'SUBMIT'),
      );
      expect(submitted.status).toBe(200);

      const deadline = await pendingDeadline(doc.id);
      const expected = computeDeadlineSchedule({ enteredAt: deadline.enteredAt, policy: ENDORSEMENT, calendar: await calendarOf('paser') });
      expect(deadline.dueAt.toISOString()).toBe(expected.dueAt.toISOString());
      expect(deadline.explanation).toContain('(Libur Serentak)');
      await t.dataSource.query(`DELETE FROM holidays WHERE name = 'Libur Serentak'`);
    });

    it("a stage entered while its government's time zone is being changed waits for it, then counts in the new zone", async () => {
      const doc = await createQuickWin(t, 'kalteng.drafter');
      const submitted = await transitionDuring(
        (manager) => manager.query(`UPDATE governments SET time_zone = 'Asia/Makassar' WHERE code = 'kalteng'`),
        () => act(t, 'quick-wins', doc.id, 'kalteng.drafter', 'SUBMIT'),
      );
      expect(submitted.status).toBe(200);

      const deadline = await pendingDeadline(doc.id);
      const calendar = await calendarOf('kalteng');
      expect(calendar.timeZone).toBe('Asia/Makassar');
      const expected = computeDeadlineSchedule({ enteredAt: deadline.enteredAt, policy: ENDORSEMENT, calendar });
      expect(deadline.dueAt.toISOString()).toBe(expected.dueAt.toISOString());
      expect(deadline.explanation).toBe(expected.explanation);
      await t.dataSource.query(`UPDATE governments SET time_zone = 'Asia/Jakarta' WHERE code = 'kalteng'`);
    });
  });

  describe('the seeded calendar', () => {
    it('holds the national holidays and cuti bersama of 2026 and 2027, and HUT Kalimantan Timur for kaltim only', async () => {
      const rows: Array<{ date: string; name: string; code: string | null }> = await t.dataSource.query(
        `SELECT to_char(h.date, 'YYYY-MM-DD') AS date, h.name, g.code FROM holidays h LEFT JOIN governments g ON g.id = h.government_id
          WHERE h.created_by IS NULL ORDER BY h.date`,
      );
      const national = rows.filter((r) => r.code === null).map(({ date, name }) => ({ date, name }));
      expect(national).toEqual([...NATIONAL_HOLIDAYS[2026]!, ...NATIONAL_HOLIDAYS[2027]!].map(({ date, name }) => ({ date, name })));
      expect(rows.filter((r) => r.code !== null)).toEqual([
        { date: '2026-01-09', name: 'Hari Ulang Tahun Provinsi Kalimantan Timur', code: 'kaltim' },
        { date: '2027-01-09', name: 'Hari Ulang Tahun Provinsi Kalimantan Timur', code: 'kaltim' },
      ]);
    });

    it('seeding again inserts nothing, and does not bring back a holiday an admin removed', async () => {
      const [{ id }] = await t.dataSource.query(`SELECT id FROM holidays WHERE date = '2027-08-17' AND government_id IS NULL`);
      expect((await deleteHoliday('kaltim.admin', id)).status).toBe(200);
      expect(await seedHolidays(t.dataSource.manager)).toBe(0);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM holidays WHERE date = '2027-08-17'`);
      expect(n).toBe(0);
    });
  });

  describe('many deadlines', () => {
    it('pages through them in batches, moving each once', async () => {
      const deadlines = [];
      for (let i = 0; i < 5; i += 1) deadlines.push(await inEndorsement('berau'));
      const calendar = await calendarOf('berau');
      const date = firstWorkingDayAfterEntry(calendar, deadlines[0]!);
      const [{ id: berauId }] = await t.dataSource.query(`SELECT id FROM governments WHERE code = 'berau'`);
      const report = await t.dataSource.transaction(async (tx) => {
        await tx.query(`INSERT INTO holidays (date, name, government_id) VALUES ($1, 'Libur Berau', $2)`, [date, berauId]);
        return new DeadlineRescheduler().afterHolidayChange(tx, { date, governmentId: berauId }, new Date(), 2);
      });
      expect(report.rescheduled).toBeGreaterThanOrEqual(5);
      for (const before of deadlines) {
        const after = await pendingDeadline(before.documentId);
        expect(after.generation).toBe(before.generation + 1);
        expect(after.dueAt.toISOString()).toBe(calendar.withHolidays([...calendar.holidays, { date, name: 'Libur Berau' }]).addWorkingDays(before.dueAt, 1).toISOString());
        expect(await rescheduledRows(before.id)).toEqual([{ deadlineId: before.id, generation: before.generation + 1 }]);
      }
    });
  });

  describe('a year without national holidays', () => {
    const missing = async (user: string) => (await t.http.get('/api/holidays').set(await t.auth(user))).body.missingNationalYears as number[];

    it('is named to every reader until a province ADMIN enters one of its national holidays', async () => {
      const today = toLocalDateTime(new Date(), 'Asia/Makassar').date;
      const thisYear = Number(today.slice(0, 4));
      const seededYears = (await t.dataSource.query(`SELECT DISTINCT extract(year FROM date)::int AS y FROM holidays WHERE government_id IS NULL`)).map((r: { y: number }) => r.y);
      expect(await missing('kaltim.admin')).toEqual(missingNationalHolidayYears(today, seededYears));

      await t.dataSource.query(`DELETE FROM holidays WHERE government_id IS NULL AND extract(year FROM date) = $1`, [thisYear]);
      expect(await missing('kaltim.admin')).toContain(thisYear);
      expect(await missing('paser.drafter')).toContain(thisYear);
      // a government's own holiday does not stand in for the national ones
      expect((await postHoliday('paser.admin', { date: `${thisYear}-12-30`, name: 'Libur Paser', governmentCode: 'paser' })).status).toBe(201);
      expect(await missing('paser.admin')).toContain(thisYear);

      expect((await postHoliday('kaltim.admin', { date: `${thisYear}-12-25`, name: 'Hari Raya Natal', governmentCode: null })).status).toBe(201);
      expect(await missing('kaltim.admin')).not.toContain(thisYear);
      expect(await missing('paser.admin')).not.toContain(thisYear);
    });
  });
});
