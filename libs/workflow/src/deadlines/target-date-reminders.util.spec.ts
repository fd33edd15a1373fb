import { describe, expect, it } from '@jest/globals';
import { InvalidLocalDateError } from '../calendar/calendar.errors.js';
import { targetDateReminders } from './target-date-reminders.util.js';

const asIso = (reminders: ReturnType<typeof targetDateReminders>) =>
  reminders.map((reminder) => [reminder.daysBefore, reminder.at.toISOString()]);

describe('targetDateReminders', () => {
  it('reminds 30, 7 and 1 days before the target date at 08:00 local time', () => {
    expect(asIso(targetDateReminders('2026-06-30', 'Asia/Makassar', new Date('2026-05-01T00:00:00Z')))).toEqual([
      [30, '2026-05-31T00:00:00.000Z'], // Sunday 31 May 08:00 WITA: calendar days
      [7, '2026-06-23T00:00:00.000Z'],
      [1, '2026-06-29T00:00:00.000Z'],
    ]);
  });

  it('uses the government zone: 08:00 WIB is an hour later than 08:00 WITA', () => {
    expect(asIso(targetDateReminders('2026-06-30', 'Asia/Jakarta', new Date('2026-05-01T00:00:00Z')))[0]).toEqual([
      30,
      '2026-05-31T01:00:00.000Z',
    ]);
  });

  it('leaves out reminders already past, keeping one due right now', () => {
    expect(asIso(targetDateReminders('2026-06-30', 'Asia/Makassar', new Date('2026-06-10T00:00:00Z'))).map(([days]) => days)).toEqual([7, 1]);
    expect(asIso(targetDateReminders('2026-06-30', 'Asia/Makassar', new Date('2026-06-23T00:00:00Z'))).map(([days]) => days)).toEqual([7, 1]);
    expect(asIso(targetDateReminders('2026-06-30', 'Asia/Makassar', new Date('2026-06-23T00:00:00.001Z'))).map(([days]) => days)).toEqual([1]);
    expect(targetDateReminders('2026-06-30', 'Asia/Makassar', new Date('2026-06-30T00:00:00Z'))).toEqual([]);
  });

  it('rejects a malformed target date', () => {
    expect(() => targetDateReminders('30-06-2026', 'Asia/Makassar', new Date())).toThrow(InvalidLocalDateError);
  });
});
