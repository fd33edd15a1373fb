import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrationsLocked, slaStatusSql } from '#persistence';
import { createTestDatabase, lastMigration, undoMigrationsThrough, useTestDatabase } from '#testing';
import {
  createDefaultRegistry,
  describeWorkflow,
  slaStatusOf,
  stageTimeBucket,
  throughputEventOf,
  workingMillisBetween,
  WorkingDayCalendar,
  type Holiday,
} from '#workflow';

jest.setTimeout(60_000);

/** The report rules that run in SQL (summary triggers, open-stage counts) agree with #workflow's. */
describe('report rules: SQL twins agree with #workflow', () => {
  const database = useTestDatabase({ poolSize: 2 });
  let kaltim: { id: string; timeZone: string };
  let calendar: WorkingDayCalendar;

  beforeAll(async () => {
    [kaltim] = await database.dataSource.query(`SELECT id, time_zone AS "timeZone" FROM governments WHERE code = 'kaltim'`);
    await database.dataSource.query(`INSERT INTO holidays (date, name, government_id) VALUES ('2026-06-10', 'Hari Jadi Provinsi (uji)', $1)`, [kaltim!.id]);
    const holidays: Holiday[] = await database.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, name FROM holidays WHERE government_id IS NULL OR government_id = $1`,
      [kaltim!.id],
    );
    calendar = new WorkingDayCalendar({ timeZone: kaltim!.timeZone, holidays });
  });

  const instant = fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true });

  it('working_seconds_between = workingMillisBetween (weekends, national and local holidays)', async () => {
    const pairs = fc.sample(fc.tuple(instant, fc.integer({ min: 0, max: 40 * 86_400_000 })), { numRuns: 300, seed: 15 });
    const rows: Array<{ s: string }> = await database.dataSource.query(
      `SELECT working_seconds_between(a, b, $3, $4)::text AS s FROM unnest($1::timestamptz[], $2::timestamptz[]) AS x(a, b)`,
      [pairs.map(([a]) => a), pairs.map(([a, ms]) => new Date(a.getTime() + ms)), kaltim.timeZone, kaltim.id],
    );
    const ts = pairs.map(([a, ms]) => Math.floor(workingMillisBetween(calendar, a, new Date(a.getTime() + ms)) / 1000));
    expect(rows.map((r) => Number(r.s))).toEqual(ts);
  });

  it('stage_time_bucket = stageTimeBucket', async () => {
    const seconds = [0, 1, 899, 900, 86_399, 86_400, 86_401, 1_727_999, 1_728_000, 1_728_001, ...fc.sample(fc.integer({ min: 0, max: 400 * 86_400 }), { numRuns: 300, seed: 15 })];
    const rows: Array<{ b: number }> = await database.dataSource.query(`SELECT stage_time_bucket(s) AS b FROM unnest($1::bigint[]) WITH ORDINALITY AS x(s, i) ORDER BY i`, [seconds]);
    expect(rows.map((r) => r.b)).toEqual(seconds.map(stageTimeBucket));
  });

  it('throughput_event = throughputEventOf for every pair of states of both kinds', async () => {
    const states = createDefaultRegistry().list().flatMap((d) => describeWorkflow(d).states.map((s) => ({ state: s.name, final: s.final })));
    const pairs = states.flatMap((a) => states.map((b) => [a, b] as const));
    const rows: Array<{ e: string | null }> = await database.dataSource.query(
      `SELECT throughput_event(fs, ff, ts, tf) AS e FROM unnest($1::text[], $2::boolean[], $3::text[], $4::boolean[]) WITH ORDINALITY AS x(fs, ff, ts, tf, i) ORDER BY i`,
      [pairs.map(([a]) => a.state), pairs.map(([a]) => a.final), pairs.map(([, b]) => b.state), pairs.map(([, b]) => b.final)],
    );
    expect(rows.map((r) => r.e)).toEqual(pairs.map(([a, b]) => throughputEventOf(a, b)));
  });

  it('slaStatusSql = slaStatusOf, at and around both bounds', async () => {
    const bounds = { now: new Date('2026-03-13T02:00:00Z'), dueSoonUntil: new Date('2026-03-17T02:00:00Z') };
    const dues = [bounds.now, bounds.dueSoonUntil, ...[-1, 1].flatMap((d) => [new Date(bounds.now.getTime() + d), new Date(bounds.dueSoonUntil.getTime() + d)]), ...fc.sample(instant, { numRuns: 100, seed: 15 })];
    const rows: Array<{ s: string }> = await database.dataSource.query(
      `SELECT ${slaStatusSql('due', '$2::timestamptz', '$3::timestamptz')} AS s FROM unnest($1::timestamptz[]) WITH ORDINALITY AS x(due, i) ORDER BY i`,
      [dues, bounds.now, bounds.dueSoonUntil],
    );
    expect(rows.map((r) => r.s)).toEqual(dues.map((d) => slaStatusOf(d, bounds)));
  });
  it('the report-summary migrations revert down to 1764007000000 and run again, the summaries still folding', async () => {
    const copy = await createTestDatabase();
    const other = await new DataSource(buildDataSourceOptions({ url: copy.url, poolSize: 2 })).initialize();
    try {
      const doneStages = async () => Number((await other.query(`SELECT count(*) AS n FROM deadlines WHERE status = 'DONE' AND closed_at IS NOT NULL`))[0].n);
      const counted = async () => Number((await other.query(`SELECT coalesce(sum(count), 0) AS n FROM stage_time_counts`))[0].n);
      await undoMigrationsThrough(other, 'ReportSummaryTotals1764007001000');
      expect(await lastMigration(other)).toBe('ReportSummaries1764007000000');
      // the previous fold and grid: no table of the reverted migration is read, stage times on the finer grid
      await other.query(`SELECT compact_report_summaries()`);
      expect((await other.query(`SELECT to_regclass('stage_time_totals') AS t, to_regclass('quick_win_counts') AS q`))[0]).toEqual({ t: null, q: null });
      expect((await other.query(`SELECT stage_time_bucket(200000) AS b`))[0].b).toBe(198_000);
      expect(await counted()).toBe(await doneStages());
      await runMigrationsLocked(other);
      await other.query(`SELECT compact_report_summaries()`);
      expect((await other.query(`SELECT stage_time_bucket(200000) AS b`))[0].b).toBe(stageTimeBucket(200_000));
      expect(await counted()).toBe(await doneStages());
    } finally {
      await other.destroy();
      await copy.drop();
    }
  });
});
