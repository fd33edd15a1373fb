import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  computeDeadlineSchedule,
  DEFAULT_OFFICE_HOURS,
  DEFAULT_SLA,
  formatIndonesianDateTime,
  toLocalDateTime,
  WEEKDAY_NAMES,
  WorkingDayCalendar,
  type Holiday,
  type OfficeHours,
} from '#workflow';
import {
  act,
  createQuickWin,
  createTestApp,
  createTestWorker,
  notificationsOf,
  startSmtpSink,
  waitFor,
  type SmtpSink,
  type TestApp,
  type TestWorker,
} from '#testing';

// Generous for a loaded machine; the night-reminder test waits up to two minutes for an opening.
jest.setTimeout(240_000);

/** Time left before the opening for the office-hours change and the read of the deadline it moved. */
const SETUP_MARGIN_MS = 15_000;

interface DeadlineRow {
  id: string;
  enteredAt: Date;
  dueAt: Date;
  remindAt: Date | null;
  escalationTimes: Date[];
  explanation: string;
  generation: number;
}

const week = (day: { opens: string; closes: string } | null): OfficeHours =>
  Object.fromEntries(WEEKDAY_NAMES.map((name) => [name, day])) as unknown as OfficeHours;

describe('office hours per government', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t?.close());

  const url = (code: string) => `/api/governments/${code}/office-hours`;
  const get = async (user: string, code: string) => t.http.get(url(code)).set(await t.auth(user));
  const put = async (user: string, code: string, body: unknown) => t.http.put(url(code)).set(await t.auth(user)).send(body as object);

  async function pendingDeadline(documentId: string): Promise<DeadlineRow> {
    const [row] = await t.dataSource.query(
      `SELECT id, entered_at AS "enteredAt", due_at AS "dueAt", remind_at AS "remindAt", escalation_times AS "escalationTimes",
              explanation, generation
         FROM deadlines WHERE document_id = $1 AND status = 'PENDING'`,
      [documentId],
    );
    return row;
  }

  async function calendarOf(code: string, officeHours: OfficeHours): Promise<WorkingDayCalendar> {
    const holidays: Holiday[] = await t.dataSource.query(
      `SELECT to_char(h.date, 'YYYY-MM-DD') AS date, h.name FROM holidays h
        WHERE h.government_id IS NULL OR h.government_id = (SELECT id FROM governments WHERE code = $1)`,
      [code],
    );
    const [{ timeZone }] = await t.dataSource.query(`SELECT time_zone AS "timeZone" FROM governments WHERE code = $1`, [code]);
    return new WorkingDayCalendar({ timeZone, holidays, officeHours });
  }

  async function inEndorsement(government: string): Promise<{ documentId: string; deadline: DeadlineRow }> {
    const doc = await createQuickWin(t, `${government}.drafter`);
    expect((await act(t, 'quick-wins', doc.id, `${government}.drafter`, 'SUBMIT')).status).toBe(200);
    return { documentId: doc.id, deadline: await pendingDeadline(doc.id) };
  }

  const officeHoursRows = async (code: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM office_hours oh JOIN governments g ON g.id = oh.government_id WHERE g.code = $1`, [code]))[0].n;

  describe('reading', () => {
    it('gives the national ASN hours to a government without its own, in its zone', async () => {
      const res = await get('paser.drafter', 'paser');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        governmentCode: 'paser',
        timeZone: 'Asia/Makassar',
        isDefault: true,
        days: {
          sunday: null,
          monday: { opens: '07:30', closes: '16:00' },
          tuesday: { opens: '07:30', closes: '16:00' },
          wednesday: { opens: '07:30', closes: '16:00' },
          thursday: { opens: '07:30', closes: '16:00' },
          friday: { opens: '07:30', closes: '16:30' },
          saturday: null,
        },
        updatedAt: null,
        updatedBy: null,
      });
    });

    it("is open to the government's people, its province's, and its regencies' (the province's hours)", async () => {
      expect((await get('kaltim.drafter', 'paser')).status).toBe(200);
      expect((await get('paser.kadis', 'kaltim')).status).toBe(200);
    });

    it('is 401 without a token, 404 for an unknown government or a sibling regency', async () => {
      const anonymous = await t.http.get(url('paser'));
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.code).toBe('UNAUTHENTICATED');
      for (const [user, code] of [['paser.admin', 'nowhere'], ['berau.admin', 'paser']]) {
        const res = await get(user!, code!);
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      // a code no government can have (a NUL) is refused as such
      expect((await get('paser.admin', 'PASER%00')).body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    });
  });

  describe('changing', () => {
    it.each([
      ['no days', {}, /days is required/],
      ['an unknown field', { days: DEFAULT_OFFICE_HOURS, lunch: '12:00' }, /lunch is not a known field/],
      ['a time without a leading zero', { days: { ...DEFAULT_OFFICE_HOURS, monday: { opens: '7:30', closes: '16:00' } } }, /days\.monday\.opens/],
      ['a day that closes before it opens', { days: { ...DEFAULT_OFFICE_HOURS, friday: { opens: '16:30', closes: '07:30' } } }, /days\.friday\.closes must be later than opens/],
      ['a missing weekday', { days: { ...DEFAULT_OFFICE_HOURS, sunday: undefined } }, /days\.sunday/],
      ['a week with no open day', { days: week(null) }, /days at least one day must be open/],
      ['an array', [], /body must be a JSON object/],
    ])('refuses %s with 400 VALIDATION_FAILED and changes nothing', async (_name, body, message) => {
      const res = await put('paser.admin', 'paser', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.message).toMatch(message);
      expect(await officeHoursRows('paser')).toBe(0);
    });

    it("is 403 for someone who is not an ADMIN, and for a regency's ADMIN on the province; 404 before 400 and 403 for a sibling", async () => {
      const notAdmin = await put('paser.sekda', 'paser', { days: DEFAULT_OFFICE_HOURS });
      expect([notAdmin.status, notAdmin.body.code]).toEqual([403, 'FORBIDDEN']);
      const regencyOnProvince = await put('paser.admin', 'kaltim', { days: DEFAULT_OFFICE_HOURS });
      expect([regencyOnProvince.status, regencyOnProvince.body.code]).toEqual([403, 'FORBIDDEN']);
      const sibling = await put('berau.admin', 'paser', { days: 'nonsense' });
      expect([sibling.status, sibling.body.code]).toEqual([404, 'NOT_FOUND']);
      expect(await officeHoursRows('paser')).toBe(0);
      expect(await officeHoursRows('kaltim')).toBe(0);
    });

    it("moves the pending working-day deadlines of that government only: generation + 1, explained, an outbox row each", async () => {
      const paser = await inEndorsement('paser');
      const berau = await inEndorsement('berau');
      const kaltim = await inEndorsement('kaltim');
      // Office closes at noon every weekday: every endorsement deadline now ends at 12.00 on its day.
      const shortDays: OfficeHours = { ...DEFAULT_OFFICE_HOURS, ...Object.fromEntries(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'].map((d) => [d, { opens: '07:30', closes: '12:00' }])) };

      // The province's ADMIN edits a regency's hours.
      const res = await put('kaltim.admin', 'paser', { days: shortDays });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ governmentCode: 'paser', isDefault: false, days: shortDays, updatedBy: 'kaltim.admin' });
      expect(res.body.rescheduledDeadlines).toBeGreaterThanOrEqual(1);
      expect((await get('paser.drafter', 'paser')).body.days).toEqual(shortDays);

      const after = await pendingDeadline(paser.documentId);
      const expected = computeDeadlineSchedule({
        enteredAt: paser.deadline.enteredAt,
        policy: DEFAULT_SLA['quick-win'].endorsement,
        calendar: await calendarOf('paser', shortDays),
      });
      expect(after.dueAt.toISOString()).toBe(expected.dueAt.toISOString());
      expect(after.remindAt?.toISOString()).toBe(expected.remindAt?.toISOString());
      expect(after.escalationTimes.map((d) => d.toISOString())).toEqual(expected.escalations.map((d) => d.toISOString()));
      expect(after.explanation).toBe(expected.explanation);
      expect(toLocalDateTime(after.dueAt, 'Asia/Makassar')).toMatchObject({ hour: 12, minute: 0 });
      expect(after.generation).toBe(2);
      const outbox = await t.dataSource.query(`SELECT payload FROM outbox WHERE type = 'DEADLINE_RESCHEDULED' AND payload ->> 'deadlineId' = $1`, [after.id]);
      expect(outbox.map((r: { payload: unknown }) => r.payload)).toEqual([{ deadlineId: after.id, generation: 2 }]);

      expect(await pendingDeadline(berau.documentId)).toEqual(berau.deadline);
      expect(await pendingDeadline(kaltim.documentId)).toEqual(kaltim.deadline);

      // Back to the national hours: the deadline moves back (generation 3).
      const reset = await put('paser.admin', 'paser', { days: null });
      expect(reset.status).toBe(200);
      expect(reset.body).toMatchObject({ isDefault: true, days: DEFAULT_OFFICE_HOURS, updatedBy: null });
      const back = await pendingDeadline(paser.documentId);
      expect(back.dueAt).toEqual(paser.deadline.dueAt);
      expect(back.generation).toBe(3);
    });
    it('changes nothing for the week already held: not its updated stamps, not a deadline', async () => {
      const paser = await inEndorsement('paser');
      const nationalAgain = await put('paser.admin', 'paser', { days: null });
      expect(nationalAgain.status).toBe(200);
      expect(nationalAgain.body).toMatchObject({ isDefault: true, updatedAt: null, updatedBy: null, rescheduledDeadlines: 0 });
      expect(await officeHoursRows('paser')).toBe(0);

      // The national week sent as paser's own is a change: paser no longer follows the national hours.
      const own = await put('paser.admin', 'paser', { days: DEFAULT_OFFICE_HOURS });
      expect(own.body).toMatchObject({ isDefault: false, updatedBy: 'paser.admin', rescheduledDeadlines: 0 });
      const same = await put('kaltim.admin', 'paser', { days: DEFAULT_OFFICE_HOURS });
      expect(same.status).toBe(200);
      expect(same.body).toEqual({ ...own.body, rescheduledDeadlines: 0 });
      expect(await pendingDeadline(paser.documentId)).toEqual(paser.deadline);
      expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE type = 'DEADLINE_RESCHEDULED' AND payload ->> 'deadlineId' = $1`, [paser.deadline.id]))[0].n).toBe(0);
      await put('paser.admin', 'paser', { days: null });
    });
  });

  describe('a reminder due at night arrives at the next opening', () => {
    let w: TestWorker;
    let smtp: SmtpSink;

    beforeAll(async () => {
      smtp = await startSmtpSink();
      w = await createTestWorker({ ...t.env, SMTP_URL: smtp.url });
    });
    afterAll(async () => {
      await w?.close();
      await smtp?.close();
    });

    it('after the office hours change to open in a minute or two, in-app and by e-mail, not before', async () => {
      const zone = 'Asia/Makassar';
      // Not across midnight: the opening must be later today.
      while (toLocalDateTime(new Date(), zone).hour === 23 && toLocalDateTime(new Date(), zone).minute >= 57) {
        await new Promise((r) => setTimeout(r, 10_000));
      }
      const now = new Date();
      const today = toLocalDateTime(now, zone).date;
      await t.dataSource.query(`DELETE FROM holidays WHERE date = $1::date`, [today]); // a working day whatever the date

      // A working-day SLA of two office minutes, reminded two office minutes before: at the opening itself.
      const sla = await t.http
        .put('/api/workflows/quick-win/sla')
        .set(await t.auth('berau.admin'))
        .send({ stages: { endorsement: { duration: 'PT2M', businessDays: true, remindBefore: 'PT2M', escalateAfter: 'PT1H', escalateEvery: 'PT1H', maxEscalations: 1 } } });
      expect(sla.status).toBe(200);
      const { documentId } = await inEndorsement('berau');

      // Every day opens at the start of a coming minute (office hours have minutes), the next one when
      // the setup above and the change below fit before it, and stays open until midnight.
      const nextMinute = Math.ceil((now.getTime() + 1) / 60_000) * 60_000;
      const opening = new Date(nextMinute - Date.now() >= SETUP_MARGIN_MS ? nextMinute : nextMinute + 60_000);
      const clock = toLocalDateTime(opening, zone);
      const opens = `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
      const res = await put('berau.admin', 'berau', { days: week({ opens, closes: '24:00' }) });
      expect(res.status).toBe(200);

      const deadline = await pendingDeadline(documentId);
      expect(deadline.remindAt?.toISOString()).toBe(opening.toISOString());
      expect(deadline.dueAt.toISOString()).toBe(new Date(opening.getTime() + 120_000).toISOString());
      expect(deadline.explanation).toBe(`2 menit kerja, dihitung sejak ${toIndonesian(opening)}`);

      const reminders = await waitFor(
        async () => {
          const all = (await notificationsOf(t.dataSource, documentId)).filter((n) => n.type === 'REMINDER');
          return all.length > 0 && all.every((n) => n.emailedAt !== null) ? all : null;
        },
        { what: 'the REMINDER at the opening', timeoutMs: 200_000 },
      );
      expect(reminders.map((n) => n.username).sort()).toContain('berau.kadis');
      for (const reminder of reminders) {
        expect(reminder.createdAt.getTime()).toBeGreaterThanOrEqual(opening.getTime());
        expect(reminder.createdAt.getTime()).toBeLessThan(opening.getTime() + 60_000);
      }
      const mail = smtp.messages.find((m) => m.to.includes('berau.kadis@demo.alur.local') && m.subject.startsWith('Pengingat batas waktu'));
      expect(mail?.text).toContain(`paling lambat ${toIndonesian(new Date(opening.getTime() + 120_000))}`);
    });
  });
});

/** "Selasa, 1 Desember 2026 pukul 07.31 WITA", as the explanations write it. */
const toIndonesian = (instant: Date): string => formatIndonesianDateTime(instant, 'Asia/Makassar');
