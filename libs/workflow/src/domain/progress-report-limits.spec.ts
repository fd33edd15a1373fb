import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { implementationPeriods, progressReportRefusal } from './progress-report-limits.js';

describe('progress report limits', () => {
  it('names the months of the implementation window, across a year end', () => {
    expect(implementationPeriods('2026-01-05', '2026-12-31')).toHaveLength(12);
    expect(implementationPeriods('2026-11-20', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(implementationPeriods('2026-03-01', '2027-03-01')).toHaveLength(13);
  });

  it('accepts one report per month of the window and refuses a second one or a month outside it', () => {
    const window = { startDate: '2026-01-05', endDate: '2026-06-30' };
    expect(progressReportRefusal({ ...window, period: '2026-03', reportedPeriods: ['2026-01', '2026-02'] })).toBeNull();
    expect(progressReportRefusal({ ...window, period: '2026-02', reportedPeriods: ['2026-01', '2026-02'] })).toMatchObject({ code: 'PERIOD_ALREADY_REPORTED' });
    expect(progressReportRefusal({ ...window, period: '2025-12', reportedPeriods: [] })).toEqual({
      code: 'PERIOD_OUTSIDE_IMPLEMENTATION',
      reason: 'period 2025-12 is outside the implementation window 2026-01 to 2026-06',
    });
    expect(progressReportRefusal({ ...window, period: '2026-07', reportedPeriods: [] })).toMatchObject({ code: 'PERIOD_OUTSIDE_IMPLEMENTATION' });
  });

  it('property: however many reports are sent, a window of at most 12 months accepts at most 13', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 365 }),
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 100 }),
        (start, days, offsets) => {
          const startDate = start.toISOString().slice(0, 10);
          const endDate = new Date(start.getTime() + days * 86_400_000).toISOString().slice(0, 10);
          const reported: string[] = [];
          for (const offset of offsets) {
            const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 10 + offset, 1));
            const period = d.toISOString().slice(0, 7);
            if (progressReportRefusal({ period, startDate, endDate, reportedPeriods: reported }) === null) reported.push(period);
          }
          expect(reported.length).toBeLessThanOrEqual(13);
          expect(new Set(reported).size).toBe(reported.length);
        },
      ),
    );
  });
});
