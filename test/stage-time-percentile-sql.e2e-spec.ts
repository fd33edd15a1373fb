import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { histogramPercentileSql } from '#persistence';
import { useTestDatabase } from '#testing';
import { histogramPercentile } from '#workflow';

jest.setTimeout(60_000);

/** stage-times takes median and p90 in SQL (ReportsRepository.stageTimeSummaries): the twin agrees with #workflow's. */
describe('histogramPercentileSql = histogramPercentile', () => {
  const database = useTestDatabase({ poolSize: 1 });


  const bucket = fc.record({ value: fc.integer({ min: 0, max: 400 * 86_400 }), count: fc.integer({ min: 0, max: 40 }) });
  const histograms = [
    [],
    [{ value: 900, count: 0 }],
    [{ value: 900, count: 1 }],
    [{ value: 0, count: 1 }, { value: 3600, count: 1 }],
    [{ value: 7200, count: 5 }, { value: 3600, count: 5 }],
    Array.from({ length: 10 }, (_, i) => ({ value: i * 900, count: 1 })), // ceil(0.9 x 10) = 9 exactly
    Array.from({ length: 7 }, (_, i) => ({ value: i * 900, count: 10 - i })),
    ...fc.sample(fc.array(bucket, { maxLength: 30 }), { numRuns: 300, seed: 15 }),
  ];

  it.each([0.5, 0.9, 0.1, 0.99, 1, 0.333])('p = %s', async (p) => {
    const flat = histograms.flatMap((h, i) => h.map((b) => ({ h: i, ...b })));
    const rows: Array<{ h: number; v: number | null }> = await database.dataSource.query(
      `SELECT h, ${histogramPercentileSql(p, 'value', 'running', 'total')} AS v
         FROM (SELECT h, value, sum(count) OVER (PARTITION BY h ORDER BY value) AS running, sum(count) OVER (PARTITION BY h) AS total
                 FROM unnest($1::int[], $2::int[], $3::int[]) AS x(h, value, count) WHERE count > 0) r
        GROUP BY h`,
      [flat.map((b) => b.h), flat.map((b) => b.value), flat.map((b) => b.count)],
    );
    const sql = new Map(rows.map((r) => [r.h, r.v]));
    expect(histograms.map((_, i) => sql.get(i) ?? null)).toEqual(histograms.map((h) => histogramPercentile(h, p)));
  });

  it('refuses a percentile outside (0, 1] as the rule does', () => {
    expect(() => histogramPercentileSql(0, 'v', 'r', 't')).toThrow(RangeError);
    expect(() => histogramPercentileSql(1.5, 'v', 'r', 't')).toThrow(RangeError);
  });
});
