import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { seedHolidayYear } from '#persistence';
import { JobName, JobProducer, weeklyDigestJobId } from '#queue';
import { createRegulation, createTestApp, createTestWorker, waitFor, type TestApp, type TestWorker } from '#testing';
import { Reconciler } from '../apps/worker/src/deadlines/reconciler.service.js';
import { DigestSchedule } from '../apps/worker/src/digest/digest-schedule.js';
import { addDaysToLocalDate, digestTimeOf, formatIndonesianLocalDate, holidayYearsExpected, isoWeekLabel, isoWeekStartOf, type LocalDate } from '#workflow';
import { calendarInDatabase } from './support/deadline-helpers.js';

jest.setTimeout(90_000);

/** kaltim's Sekda and the demo data's Kepala OPD of each of its units. */
const KALTIM_RECIPIENTS = ['kaltim.kadis', 'kaltim.kepala-biro-hukum', 'kaltim.kepala-biro-organisasi', 'kaltim.kepala-inspektorat', 'kaltim.kepala-setda', 'kaltim.sekda'];

describe('weekly digest', () => {
  let t: TestApp;
  let workers: TestWorker[];
  let producer: JobProducer;
  /**
   * The latest week whose digest time (kaltim's Monday 07:00, or its next working day's) has passed, a minute
   * after that time (when the reconciler wants that week's digest, due at once), and the week after, whose time
   * is still to come: BullMQ delays a job by the real clock, so the weeks follow the day the test runs on.
   */
  let WEEK: LocalDate;
  let AFTER_SEVEN: Date;
  let NEXT_WEEK: LocalDate;

  const digestsOf = async (governmentCode: string, week: string): Promise<Array<{ username: string; title: string; message: string; documentId: string | null }>> =>
    t.dataSource.query(
      `SELECT u.username, n.title, n.message, n.document_id AS "documentId" FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.type = 'WEEKLY_DIGEST' AND n.dedup_key LIKE $1 ORDER BY u.username`,
      [`digest:${governmentCode}:${week}:%`],
    );

  beforeAll(async () => {
    t = await createTestApp();
    const now = new Date();
    const calendar = await calendarInDatabase(t.dataSource, 'kaltim');
    const thisWeek = isoWeekStartOf(now, calendar.timeZone);
    WEEK = digestTimeOf(calendar, thisWeek) <= now ? thisWeek : addDaysToLocalDate(thisWeek, -7);
    AFTER_SEVEN = new Date(Math.min(digestTimeOf(calendar, WEEK).getTime() + 60_000, now.getTime()));
    NEXT_WEEK = addDaysToLocalDate(WEEK, 7);
    // the demo data holds the national holidays of 2026 and 2027; a later week expects later years' too
    for (const year of holidayYearsExpected(WEEK)) {
      await seedHolidayYear(t.dataSource.manager, null, year, [{ date: `${year}-01-01`, name: 'Tahun Baru Masehi' }]);
    }
    // an overdue endorsement in kaltim's diskominfo, and one document started in the week before
    const doc = await createRegulation(t, 'kaltim.drafter');
    await t.dataSource.query(
      `INSERT INTO deadlines (document_id, government_id, unit_id, kind, stage, entered_at, due_at, policy, explanation)
       SELECT $1, d.government_id, d.unit_id, 'quick-win', 'endorsement', now() - interval '9 days', now() - interval '2 days', '{}', 'uji' FROM documents d WHERE d.id = $1`,
      [doc.id],
    );
    const weekBefore = `${addDaysToLocalDate(WEEK, -5)}T03:00:00Z`; // its Wednesday
    await t.dataSource.query(`UPDATE documents SET state = 'endorsement', updated_at = $2 WHERE id = $1`, [doc.id, weekBefore]);
    const env = { ...t.env, RECONCILE_INTERVAL_MS: '600000', WEEKLY_DIGEST: 'true' };
    workers = [await createTestWorker(env), await createTestWorker(env)];
    producer = new JobProducer({ redisUrl: t.env.REDIS_URL!, prefix: t.env.QUEUE_PREFIX! });
  });
  afterAll(async () => {
    await producer?.close();
    for (const w of workers ?? []) await w.close();
    await t?.close();
  });

  it('goes once to the Sekda and each Kepala OPD of every government, with two workers reconciling at once', async () => {
    await Promise.all(workers.map((w) => w.app.get(Reconciler).reconcile(AFTER_SEVEN)));
    const kaltim = await waitFor(async () => {
      const rows = await digestsOf('kaltim', WEEK);
      return rows.length >= KALTIM_RECIPIENTS.length && rows;
    }, { what: 'the kaltim digests' });
    await waitFor(async () => (await digestsOf('paser', WEEK)).length >= 2 && (await digestsOf('berau', WEEK)).length >= 2, { what: 'the regencies’ digests' });
    // a second job for the same week, added by hand while the first has gone: nothing more
    await producer.add([{ item: { name: JobName.WeeklyDigest, data: { governmentCode: 'kaltim', week: WEEK } } }]);
    await waitFor(async () => (await producer.states(JobName.WeeklyDigest, [weeklyDigestJobId({ governmentCode: 'kaltim', week: WEEK })]))[0] === 'unknown', { what: 'the repeated job to finish' });

    expect((await digestsOf('kaltim', WEEK)).map((d) => d.username)).toEqual(KALTIM_RECIPIENTS);
    expect(kaltim.every((d) => d.documentId === null)).toBe(true);
    const sekda = kaltim.find((d) => d.username === 'kaltim.sekda')!;
    expect(sekda.title).toBe('Ringkasan mingguan Pemerintah Provinsi Kalimantan Timur: 1 tahap terlambat');
    expect(sekda.message).toContain('Terlambat di Pemerintah Provinsi Kalimantan Timur: 1 dari 1 tahap yang sedang berjalan.');
    expect(sekda.message).toContain('Menunggu tindakan Anda: 0 (0 terlambat).');
    const lastWeek = addDaysToLocalDate(WEEK, -7);
    expect(sekda.message).toContain(`Minggu lalu (${isoWeekLabel(lastWeek)}, mulai ${formatIndonesianLocalDate(lastWeek)}): 1 dokumen diajukan, 0 selesai.`);
    const kadis = kaltim.find((d) => d.username === 'kaltim.kadis')!;
    expect(kadis.message).toContain('Menunggu tindakan Anda: 1 (1 terlambat).');
    // in-app: the Sekda's notifications list it, about no document
    const inbox = await t.http.get('/api/notifications').set(await t.auth('kaltim.sekda'));
    expect(inbox.body.items.filter((i: { type: string }) => i.type === 'WEEKLY_DIGEST').map((i: Record<string, unknown>) => [i.title, i.documentKind, i.documentId])).toContainEqual([sekda.title, null, null]);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM weekly_digests WHERE week = $1`, [WEEK]);
    expect(n).toBe(3);
  });

  it('after Redis lost the jobs, the reconciler makes next week’s again, and this week’s is not sent twice', async () => {
    const next = weeklyDigestJobId({ governmentCode: 'kaltim', week: NEXT_WEEK });
    await producer.remove(JobName.WeeklyDigest, [next]);
    expect((await producer.states(JobName.WeeklyDigest, [next]))[0]).toBe('unknown');
    const report = await workers[0]!.app.get(Reconciler).reconcile(AFTER_SEVEN);
    expect(report.digestJobsAdded).toBeGreaterThanOrEqual(1);
    expect((await producer.states(JobName.WeeklyDigest, [next]))[0]).toBe('delayed');
    expect((await digestsOf('kaltim', WEEK)).length).toBe(KALTIM_RECIPIENTS.length);
  });

  it('a government whose office is closed on Mondays has its digest scheduled for Tuesday at 07:00, as one whose Monday is a holiday', async () => {
    const auth = await t.auth('kaltim.admin');
    const week = await t.http.get('/api/governments/berau/office-hours').set(auth);
    expect((await t.http.put('/api/governments/berau/office-hours').set(auth).send({ days: { ...week.body.days, monday: null } })).status).toBe(200);
    try {
      // Sunday 6 December 2026: this week's digests went out; next week's is wanted
      await t.dataSource.query(`INSERT INTO weekly_digests (government_id, week, recipients) SELECT id, '2026-11-30', 1 FROM governments ON CONFLICT DO NOTHING`);
      const jobs = await workers[0]!.app.get(DigestSchedule).wanted(new Date('2026-12-06T00:00:00Z'));
      const at = (code: string) => jobs.find((j) => (j.item.data as { governmentCode: string }).governmentCode === code)!;
      expect(at('berau').item.data).toEqual({ governmentCode: 'berau', week: '2026-12-07' });
      expect(at('berau').at?.toISOString()).toBe('2026-12-07T23:00:00.000Z'); // Tuesday 07:00 WITA
      expect(at('kaltim').at?.toISOString()).toBe('2026-12-06T23:00:00.000Z'); // Monday 07:00 WITA
    } finally {
      await t.http.put('/api/governments/berau/office-hours').set(auth).send({ days: null });
    }
  });

  it('a job for a day that is not a Monday or an unknown government is dropped; one for the future waits', async () => {
    await producer.add([
      { item: { name: JobName.WeeklyDigest, data: { governmentCode: 'kaltim', week: '2026-11-24' } } },
      { item: { name: JobName.WeeklyDigest, data: { governmentCode: 'atlantis', week: WEEK } } },
      { item: { name: JobName.WeeklyDigest, data: { governmentCode: 'kaltim', week: '2099-03-02' } } },
    ]);
    await waitFor(async () => (await producer.states(JobName.WeeklyDigest, [weeklyDigestJobId({ governmentCode: 'kaltim', week: '2099-03-02' })]))[0] === 'delayed', { what: 'the future digest to wait' });
    await waitFor(async () => (await producer.states(JobName.WeeklyDigest, [weeklyDigestJobId({ governmentCode: 'atlantis', week: WEEK })]))[0] === 'unknown', { what: 'the bad jobs to finish' });
    expect((await digestsOf('kaltim', '2026-11-24')).length).toBe(0);
    expect((await digestsOf('kaltim', '2099-03-02')).length).toBe(0);
  });

  it("tells a province's ADMINs, with the digest, of an expected year without national holidays; nobody when there are", async () => {
    const notices = async (week: string): Promise<Array<{ username: string; title: string; message: string; documentId: string | null }>> =>
      t.dataSource.query(
        `SELECT u.username, n.title, n.message, n.document_id AS "documentId" FROM notifications n JOIN users u ON u.id = n.user_id
          WHERE n.type = 'HOLIDAYS_MISSING' AND n.dedup_key LIKE $1 ORDER BY u.username`,
        [`holidays-missing:%:${week}:%`],
      );
    // the week of the first test: every year it expects has its national holidays (beforeAll)
    expect(await notices(WEEK)).toEqual([]);

    await t.dataSource.query(`DELETE FROM holidays WHERE government_id IS NULL AND date BETWEEN '2027-01-01' AND '2027-12-31'`);
    const week = '2026-11-23';
    await producer.add(['kaltim', 'paser'].map((governmentCode) => ({ item: { name: JobName.WeeklyDigest, data: { governmentCode, week } } })));
    await waitFor(async () => (await t.dataSource.query(`SELECT 1 FROM weekly_digests WHERE week = $1`, [week])).length === 2, { what: 'the two digests of the week' });

    const sent = await notices(week);
    expect(sent.map((n) => [n.username, n.title, n.documentId])).toEqual([['kaltim.admin', 'Hari libur nasional tahun 2027 belum diisi', null]]);
    expect(sent[0]!.message).toContain('Senin sampai Jumat sebagai hari kerja');
    expect(sent[0]!.message).toContain('Pengaturan, bagian Hari Libur');
    const listed = await t.http.get('/api/notifications').set(await t.auth('kaltim.admin'));
    expect(listed.body.items.map((i: Record<string, unknown>) => [i.type, i.title, i.documentKind, i.documentId])).toContainEqual(['HOLIDAYS_MISSING', sent[0]!.title, null, null]);
  });
});
