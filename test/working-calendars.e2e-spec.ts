import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { DeadlinePlanner, DocumentRepository, WorkingCalendarCache, WorkingCalendars } from '#persistence';
import { act, createQuickWin, createTestApp, type TestApp } from '#testing';

/**
 * The calendars kept between requests, read on a real database: what each reader asks PostgreSQL for
 * (this transaction's table accesses, `pg_stat_xact_user_tables`) with no calendar kept, with one kept at
 * the revision the caller's rows were read at, and with one kept at another revision.
 */
describe('working-day calendars kept between requests', () => {
  let t: TestApp;
  let kaltim: { id: string; timeZone: string };
  let revision: string;

  beforeAll(async () => {
    t = await createTestApp();
    [kaltim] = await t.dataSource.query(`SELECT id, time_zone AS "timeZone" FROM governments WHERE code = 'kaltim'`);
    [{ revision }] = await t.dataSource.query(`SELECT revision FROM calendar_revision`);
  });
  afterAll(() => t?.close());

  /** How often this transaction has scanned the calendar's tables so far. */
  async function scans(tx: EntityManager): Promise<{ holidays: number; officeHours: number; revision: number }> {
    const rows: Array<{ relname: string; scans: number }> = await tx.query(
      `SELECT relname, (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::int AS scans
         FROM pg_stat_xact_user_tables WHERE relname IN ('holidays', 'office_hours', 'calendar_revision')`,
    );
    const of = (name: string) => rows.find((r) => r.relname === name)?.scans ?? 0;
    return { holidays: of('holidays'), officeHours: of('office_hours'), revision: of('calendar_revision') };
  }

  /** Runs `work` in a transaction that is rolled back. */
  async function rolledBack(work: (tx: EntityManager) => Promise<void>): Promise<void> {
    const queryRunner = t.dataSource.createQueryRunner();
    await queryRunner.startTransaction();
    try {
      await work(queryRunner.manager);
    } finally {
      await queryRunner.rollbackTransaction();
      await queryRunner.release();
    }
  }

  /** Which of the calendar's tables `work` made this transaction read. */
  async function scanned(tx: EntityManager, work: () => Promise<unknown>) {
    const before = await scans(tx);
    await work();
    const after = await scans(tx);
    return { holidays: after.holidays > before.holidays, officeHours: after.officeHours > before.officeHours, revision: after.revision > before.revision };
  }

  it('WorkingCalendars.around reads a calendar once, then nothing at the revision read with the rows, and only the revision at another', async () => {
    const calendars = new WorkingCalendars(new WorkingCalendarCache());
    const now = new Date();
    await rolledBack(async (tx) => {
      let first: unknown;
      expect(await scanned(tx, async () => (first = (await calendars.around(tx, [kaltim], now, revision)).get(kaltim.id)))).toEqual({ holidays: true, officeHours: true, revision: true });
      let again: unknown;
      expect(await scanned(tx, async () => (again = (await calendars.around(tx, [kaltim], now, revision)).get(kaltim.id)))).toEqual({ holidays: false, officeHours: false, revision: false });
      expect(again).toBe(first);
      // rows read at a revision that is not the kept one's (or none): ask; the revision stood, so the kept one serves
      expect(await scanned(tx, () => calendars.around(tx, [kaltim], now, null))).toEqual({ holidays: false, officeHours: false, revision: true });
      expect(await scanned(tx, () => calendars.around(tx, [kaltim], now, '00000000-0000-0000-0000-000000000000'))).toEqual({ holidays: false, officeHours: false, revision: true });
      await tx.query(`INSERT INTO holidays (date, name) VALUES ('2027-07-07', 'Libur uji kalender')`); // moves the revision
      const [{ revision: next }] = await tx.query(`SELECT revision FROM calendar_revision`);
      expect(next).not.toBe(revision);
      // rows read before the change still go with the calendar of their revision; rows read after it do not
      expect((await calendars.around(tx, [kaltim], now, revision)).get(kaltim.id)).toBe(first);
      let moved: { holidays: readonly { date: string }[] } | undefined;
      expect(await scanned(tx, async () => (moved = (await calendars.around(tx, [kaltim], now, next)).get(kaltim.id)))).toEqual({ holidays: true, officeHours: true, revision: true });
      expect(moved).not.toBe(first);
      expect(moved!.holidays.map((h) => h.date)).toContain('2027-07-07');
      expect(await scanned(tx, () => calendars.around(tx, [kaltim], now, next))).toEqual({ holidays: false, officeHours: false, revision: false });
    });
  });

  it('the deadline planner reads the holidays once per revision, and only the revision while it stands', async () => {
    const planner = new DeadlinePlanner(new WorkingCalendarCache());
    const doc = await createQuickWin(t, 'kaltim.drafter');
    const subject = { documentId: doc.id, kind: 'quick-win' as const, governmentId: kaltim.id, unitId: '', timeZone: kaltim.timeZone };
    const enter = { leave: [], enter: 'endorsement' };
    await rolledBack(async (tx) => {
      expect(await scanned(tx, () => planner.prepare(tx, subject, enter, new Date()))).toEqual({ holidays: true, officeHours: true, revision: true });
      expect(await scanned(tx, () => planner.prepare(tx, subject, enter, new Date()))).toEqual({ holidays: false, officeHours: false, revision: true });
      // a stage without a deadline entered, or none: no calendar asked for
      expect(await scanned(tx, () => planner.prepare(tx, subject, { leave: ['endorsement'], enter: null }, new Date()))).toMatchObject({ holidays: false, officeHours: false });
      await tx.query(`DELETE FROM holidays WHERE date = (SELECT min(date) FROM holidays WHERE date > now())`);
      expect(await scanned(tx, () => planner.prepare(tx, subject, enter, new Date()))).toEqual({ holidays: true, officeHours: true, revision: true });
    });
  });

  it('without a revision row (deleted by hand) every reader reads the calendar each time and keeps none', async () => {
    const calendars = new WorkingCalendars(new WorkingCalendarCache());
    const planner = new DeadlinePlanner(new WorkingCalendarCache());
    const doc = await createQuickWin(t, 'kaltim.drafter');
    const subject = { documentId: doc.id, kind: 'quick-win' as const, governmentId: kaltim.id, unitId: '', timeZone: kaltim.timeZone };
    await rolledBack(async (tx) => {
      await tx.query(`DELETE FROM calendar_revision`);
      for (let i = 0; i < 2; i++) {
        expect(await scanned(tx, () => calendars.around(tx, [kaltim], new Date(), null))).toMatchObject({ holidays: true, officeHours: true });
        expect(await scanned(tx, () => planner.prepare(tx, subject, { leave: [], enter: 'endorsement' }, new Date()))).toMatchObject({ holidays: true, officeHours: true });
      }
    });
  });

  it('a document and the inbox summaries (list pages read them the same way) carry the revision they were read at; a read under the calendar lock none', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    const documents = new DocumentRepository({ content: [], facts: [] });
    const manager = t.dataSource.manager;
    expect((await documents.find(manager, 'quick-win', doc.id))?.calendarRevision).toBe(revision);
    expect((await documents.inboxSummaries(manager, [doc.id])).map((r) => r.calendarRevision)).toEqual([revision]);
    await t.dataSource.transaction(async (tx) => {
      expect((await documents.find(tx, 'quick-win', doc.id, { lock: true, calendarLock: true }))?.calendarRevision).toBeNull();
    });
  });

  it('a GET of a document whose deadline is open asks PostgreSQL twice: the guard and the document, its calendar kept', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    const auth = await t.auth('kaltim.drafter');
    expect((await t.http.get(`/api/quick-wins/${doc.id}`).set(auth)).body.deadline).toMatchObject({ stage: 'endorsement', overdue: false });
    // each statement outside a transaction takes a connection from the pool
    const pool = (t.dataSource.driver as unknown as { master: { connect: (...args: unknown[]) => unknown } }).master;
    const connect = jest.spyOn(pool, 'connect');
    try {
      const view = await t.http.get(`/api/quick-wins/${doc.id}`).set(auth);
      expect(view.status).toBe(200);
      expect(view.body.deadline).toMatchObject({ stage: 'endorsement', overdue: false, dueSoon: expect.any(Boolean) });
      expect(connect).toHaveBeenCalledTimes(2);
    } finally {
      connect.mockRestore();
    }
  });
});
