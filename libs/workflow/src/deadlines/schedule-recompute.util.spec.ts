import { describe, expect, it } from '@jest/globals';
import { DEFAULT_OFFICE_HOURS } from '../calendar/office-hours.js';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { computeDeadlineSchedule, type DeadlineSchedule } from './deadline-schedule.js';
import { DEFAULT_SLA } from './default-sla.js';
import { needsRecompute, recomputeSchedule } from './schedule-recompute.util.js';

const NYEPI = { date: '2026-03-19', name: 'Hari Suci Nyepi' };
const timeZone = 'Asia/Makassar';
const enteredAt = new Date('2026-03-02T01:00:00Z'); // Monday 2 March 2026, 09:00 WITA
const policy = DEFAULT_SLA['quick-win'].approval; // 5 working days
const original = computeDeadlineSchedule({ enteredAt, policy, calendar: new WorkingDayCalendar({ timeZone, holidays: [NYEPI] }) });

describe('recomputeSchedule', () => {
  it('moves dueAt by one working day when a holiday is added inside the window', () => {
    const holidays = [NYEPI, { date: '2026-03-04', name: 'Hari Jadi Provinsi' }];
    const next = recomputeSchedule({ enteredAt, policy, timeZone, holidays });
    expect(original.dueAt.toISOString()).toBe('2026-03-09T08:00:00.000Z'); // Monday 9 March 16.00 WITA
    expect(next.dueAt.toISOString()).toBe('2026-03-10T08:00:00.000Z');
    expect(next.explanation).toBe('5 hari kerja, dihitung sejak Senin, 2 Maret 2026 pukul 09.00 WITA; tidak termasuk 4 Maret 2026 (Hari Jadi Provinsi)');
    expect(needsRecompute(original, next)).toBe(true);
  });

  it('moves it back when the holiday is removed again', () => {
    const withHoliday = recomputeSchedule({ enteredAt, policy, timeZone, holidays: [NYEPI, { date: '2026-03-04', name: 'Hari Jadi Provinsi' }] });
    const withoutHoliday = recomputeSchedule({ enteredAt, policy, timeZone, holidays: [NYEPI] });
    expect(withoutHoliday).toEqual(original);
    expect(needsRecompute(withHoliday, withoutHoliday)).toBe(true);
  });

  it('changes only the escalations for a holiday between the deadline and the escalations', () => {
    const next = recomputeSchedule({ enteredAt, policy, timeZone, holidays: [NYEPI, { date: '2026-03-11', name: 'Libur Daerah' }] });
    expect(next.dueAt).toEqual(original.dueAt);
    expect(next.escalations).not.toEqual(original.escalations);
    expect(needsRecompute(original, next)).toBe(true);
  });

  it('leaves a deadline alone when the holiday falls outside it', () => {
    const next = recomputeSchedule({ enteredAt, policy, timeZone, holidays: [NYEPI, { date: '2026-04-03', name: 'Wafat Yesus Kristus' }] });
    expect(needsRecompute(original, next)).toBe(false);
  });

  it('moves the close of office when office hours change, and leaves it when an unrelated day changes', () => {
    const earlyMonday = { ...DEFAULT_OFFICE_HOURS, monday: { opens: '07:00', closes: '12:00' } };
    const next = recomputeSchedule({ enteredAt, policy, timeZone, holidays: [NYEPI], officeHours: earlyMonday });
    expect(next.dueAt.toISOString()).toBe('2026-03-09T04:00:00.000Z'); // Monday 9 March 12.00 WITA
    expect(needsRecompute(original, next)).toBe(true);
    const saturday = { ...DEFAULT_OFFICE_HOURS, saturday: { opens: '08:00', closes: '12:00' } };
    expect(recomputeSchedule({ enteredAt, policy, timeZone, holidays: [NYEPI], officeHours: saturday }).dueAt.toISOString()).toBe('2026-03-07T04:00:00.000Z');
    const sameDays = { ...DEFAULT_OFFICE_HOURS, tuesday: { opens: '08:00', closes: '16:00' } };
    expect(needsRecompute(original, recomputeSchedule({ enteredAt, policy, timeZone, holidays: [NYEPI], officeHours: sameDays }))).toBe(false);
  });

  it('never moves a calendar-day deadline', () => {
    const implementation = DEFAULT_SLA['quick-win'].implementation;
    const before = recomputeSchedule({ enteredAt, policy: implementation, timeZone, holidays: [] });
    const after = recomputeSchedule({ enteredAt, policy: implementation, timeZone, holidays: [{ date: '2026-03-04', name: 'Libur' }, NYEPI] });
    expect(needsRecompute(before, after)).toBe(false);
    const shortDays = { ...DEFAULT_OFFICE_HOURS, monday: { opens: '10:00', closes: '11:00' } };
    expect(needsRecompute(before, recomputeSchedule({ enteredAt, policy: implementation, timeZone, holidays: [], officeHours: shortDays }))).toBe(false);
  });
});

describe('needsRecompute', () => {
  const base: DeadlineSchedule = {
    dueAt: new Date('2026-03-09T01:00:00Z'),
    remindAt: new Date('2026-03-06T01:00:00Z'),
    escalations: [new Date('2026-03-10T01:00:00Z'), new Date('2026-03-12T01:00:00Z')],
    explanation: '5 hari kerja sejak Senin, 2 Maret 2026',
  };
  const copy = (): DeadlineSchedule => ({
    ...base,
    dueAt: new Date(base.dueAt),
    remindAt: base.remindAt && new Date(base.remindAt),
    escalations: base.escalations.map((instant) => new Date(instant)),
  });

  it('is false for equal schedules held in different Date objects', () => {
    expect(needsRecompute(base, copy())).toBe(false);
  });

  it('is true when dueAt differs', () => {
    expect(needsRecompute(base, { ...copy(), dueAt: new Date('2026-03-10T01:00:00Z') })).toBe(true);
  });

  it('is true when the reminder differs, appears or disappears', () => {
    expect(needsRecompute(base, { ...copy(), remindAt: new Date('2026-03-05T01:00:00Z') })).toBe(true);
    expect(needsRecompute(base, { ...copy(), remindAt: null })).toBe(true);
    expect(needsRecompute({ ...base, remindAt: null }, copy())).toBe(true);
    expect(needsRecompute({ ...base, remindAt: null }, { ...copy(), remindAt: null })).toBe(false);
  });

  it('is true when an escalation differs or their number does', () => {
    expect(needsRecompute(base, { ...copy(), escalations: [base.escalations[0]!, new Date('2026-03-13T01:00:00Z')] })).toBe(true);
    expect(needsRecompute(base, { ...copy(), escalations: [base.escalations[0]!] })).toBe(true);
    expect(needsRecompute({ ...base, escalations: [base.escalations[0]!] }, copy())).toBe(true);
  });

  it('is true when only the explanation differs (a skipped holiday renamed)', () => {
    expect(needsRecompute(base, { ...copy(), explanation: `${base.explanation}.` })).toBe(true);
  });
});
