import { describe, expect, it } from '@jest/globals';
import { targetRemindersToSchedule } from './target-date.util.js';

const WITA = 'Asia/Makassar';
const HOUR = 3_600_000;
// 2026-06-30: reminders at 08:00 WITA (00:00 UTC) on 31 May (30 days), 23 June (7) and 29 June (1).
const subject = (overrides: Partial<Parameters<typeof targetRemindersToSchedule>[0]> = {}) => ({
  targetDate: '2026-06-30',
  timeZone: WITA,
  createdAt: new Date('2026-01-05T00:00:00Z'),
  fired: new Set<number>(),
  ...overrides,
});
const days = (list: Array<{ daysBefore: number }>) => list.map((r) => r.daysBefore);

describe('targetRemindersToSchedule', () => {
  it('schedules the reminders that fall within the horizon', () => {
    const now = new Date('2026-05-30T23:30:00Z');
    expect(days(targetRemindersToSchedule(subject(), now, new Date(now.getTime() + HOUR)))).toEqual([30]);
    expect(targetRemindersToSchedule(subject(), now, new Date(now.getTime() + 10 * 60_000))).toEqual([]);
    const far = new Date('2026-07-30T00:00:00Z');
    expect(days(targetRemindersToSchedule(subject(), now, far))).toEqual([30, 7, 1]);
  });

  it('catches up only the latest missed reminder, and only one due while the regulation existed', () => {
    const now = new Date('2026-06-25T03:00:00Z'); // after the 7-day reminder, before the 1-day one
    const horizon = new Date(now.getTime() + HOUR);
    expect(targetRemindersToSchedule(subject(), now, horizon)).toEqual([{ daysBefore: 7, at: new Date('2026-06-23T00:00:00Z') }]);
    expect(targetRemindersToSchedule(subject({ createdAt: new Date('2026-06-24T00:00:00Z') }), now, horizon)).toEqual([]);
    expect(targetRemindersToSchedule(subject({ fired: new Set([7]) }), now, horizon)).toEqual([]);
  });

  it('stops on the target date (local midnight) and leaves fired ones alone', () => {
    expect(targetRemindersToSchedule(subject(), new Date('2026-06-29T16:00:00Z'), new Date('2026-08-01T00:00:00Z'))).toEqual([]);
    const now = new Date('2026-05-01T00:00:00Z');
    expect(days(targetRemindersToSchedule(subject({ fired: new Set([30, 1]) }), now, new Date('2026-08-01T00:00:00Z')))).toEqual([7]);
  });
});
