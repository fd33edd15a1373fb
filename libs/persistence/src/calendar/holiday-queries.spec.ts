import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addDaysToLocalDate, computeDeadlineSchedule, DEFAULT_SLA, WorkingDayCalendar, type SlaPolicy } from '#workflow';
import { holidayWindow, unionWindow } from './holiday-queries.js';

describe('holidayWindow', () => {
  it('starts the day before the entry (UTC), so every zone east of UTC has its entry date inside', () => {
    // 16:30Z on Sunday 1 March is already Monday 2 March in WITA.
    expect(holidayWindow(new Date('2026-03-01T16:30:00Z'), DEFAULT_SLA['quick-win'].approval).from).toBe('2026-02-28');
  });

  it('reaches at least a year past the entry for the default SLAs', () => {
    const window = holidayWindow(new Date('2026-12-30T02:00:00Z'), DEFAULT_SLA.regulation.harmonization);
    expect(window.to >= '2027-12-30').toBe(true);
  });

  it('grows with long SLAs so it holds every holiday a schedule can skip', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const policies = fc.record({
      days: fc.integer({ min: 0, max: 400 }),
      after: fc.integer({ min: 0, max: 30 }),
      every: fc.integer({ min: 1, max: 30 }),
      max: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * 365 * 24 }), policies, fc.integer({ min: 0, max: 60 }), (hours, p, holidayCount) => {
        const enteredAt = new Date(start + hours * 3_600_000);
        const policy: SlaPolicy = {
          duration: `P${p.days}D`,
          businessDays: true,
          remindBefore: 'P1D',
          escalateAfter: `P${p.after}D`,
          escalateEvery: `P${p.every}D`,
          maxEscalations: p.max,
        };
        // A dense calendar: a holiday on each of the first working days, then the usual weekends.
        const holidays = Array.from({ length: holidayCount }, (_, i) => ({ date: addDaysToLocalDate('2026-01-01', i + Math.floor(hours / 24)), name: `Libur ${i}` }));
        const schedule = computeDeadlineSchedule({ enteredAt, policy, calendar: new WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays }) });
        const last = schedule.escalations.at(-1) ?? schedule.dueAt;
        const window = holidayWindow(enteredAt, policy);
        expect(window.from <= enteredAt.toISOString().slice(0, 10)).toBe(true);
        expect(window.to > addDaysToLocalDate(last.toISOString().slice(0, 10), 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('unionWindow', () => {
  it('covers all windows, and is null for none', () => {
    expect(unionWindow([])).toBeNull();
    expect(unionWindow([{ from: '2026-03-02', to: '2027-03-02' }, { from: '2026-01-05', to: '2026-12-31' }])).toEqual({ from: '2026-01-05', to: '2027-03-02' });
  });
});
