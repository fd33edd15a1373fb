import { describe, expect, it } from '@jest/globals';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { computeDeadlineSchedule, type DeadlineSchedule } from './deadline-schedule.js';
import { DEFAULT_SLA } from './default-sla.js';
import { InvalidSlaPolicyError, type SlaPolicy } from './sla-policy.js';

const NYEPI = { date: '2026-03-19', name: 'Hari Suci Nyepi' };
const NEW_YEAR_2027 = { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi' };
const wita = new WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays: [NYEPI, NEW_YEAR_2027] });
const wib = new WorkingDayCalendar({ timeZone: 'Asia/Jakarta', holidays: [NYEPI, NEW_YEAR_2027] });
const at = (iso: string): Date => new Date(iso);
const MONDAY_2_MARCH_0900_WITA = at('2026-03-02T01:00:00Z');

const workingDays: SlaPolicy = DEFAULT_SLA['quick-win'].approval; // P5D, working days
const isoTimes = (schedule: DeadlineSchedule) => ({
  dueAt: schedule.dueAt.toISOString(),
  remindAt: schedule.remindAt?.toISOString() ?? null,
  escalations: schedule.escalations.map((instant) => instant.toISOString()),
});

describe('computeDeadlineSchedule', () => {
  it('schedules a 5-working-day stage: due, reminder 1 working day before, escalations after 1 and every 2', () => {
    const schedule = computeDeadlineSchedule({ enteredAt: MONDAY_2_MARCH_0900_WITA, policy: workingDays, calendar: wita });
    expect(isoTimes(schedule)).toEqual({
      dueAt: '2026-03-09T01:00:00.000Z', // Monday 9 March 09:00 WITA
      remindAt: '2026-03-06T01:00:00.000Z', // Friday 6 March
      escalations: ['2026-03-10T01:00:00.000Z', '2026-03-12T01:00:00.000Z', '2026-03-16T01:00:00.000Z'],
    });
    expect(schedule.explanation).toBe('5 hari kerja sejak Senin, 2 Maret 2026');
  });

  it('skips weekends and holidays for escalations too', () => {
    // Monday 9 March + 5 -> Monday 16; +1 -> Tuesday 17; +2 -> Friday 20 (Nyepi Thursday); +2 -> Tuesday 24.
    const schedule = computeDeadlineSchedule({ enteredAt: at('2026-03-09T01:00:00Z'), policy: workingDays, calendar: wita });
    expect(isoTimes(schedule).escalations).toEqual(['2026-03-17T01:00:00.000Z', '2026-03-20T01:00:00.000Z', '2026-03-24T01:00:00.000Z']);
  });

  it('pushes the deadline past a holiday and says so', () => {
    const schedule = computeDeadlineSchedule({ enteredAt: MONDAY_2_MARCH_0900_WITA, policy: { ...workingDays, duration: 'P15D' }, calendar: wita });
    expect(schedule.dueAt.toISOString()).toBe('2026-03-24T01:00:00.000Z'); // Tuesday 24 March, not Monday 23
    expect(schedule.explanation).toBe('15 hari kerja sejak Senin, 2 Maret 2026; tidak termasuk 19 Maret 2026 (Hari Suci Nyepi)');
  });

  it('gives the same local deadline as a different instant in WITA and WIB', () => {
    const inWita = computeDeadlineSchedule({ enteredAt: at('2026-03-02T01:00:00Z'), policy: workingDays, calendar: wita });
    const inWib = computeDeadlineSchedule({ enteredAt: at('2026-03-02T02:00:00Z'), policy: workingDays, calendar: wib });
    // Both Monday 9 March 2026 at 09:00 local time.
    expect(inWita.dueAt.toISOString()).toBe('2026-03-09T01:00:00.000Z');
    expect(inWib.dueAt.toISOString()).toBe('2026-03-09T02:00:00.000Z');
  });

  it('crosses the year, skipping New Year: entered Wednesday 30 December 2026 with 2 working days', () => {
    const schedule = computeDeadlineSchedule({ enteredAt: at('2026-12-30T02:00:00Z'), policy: DEFAULT_SLA.regulation.promulgation, calendar: wita });
    expect(schedule.dueAt.toISOString()).toBe('2027-01-04T02:00:00.000Z'); // Monday 4 January 2027, 10:00 WITA
    expect(schedule.remindAt?.toISOString()).toBe('2026-12-31T02:00:00.000Z');
    expect(schedule.explanation).toBe('2 hari kerja sejak Rabu, 30 Desember 2026; tidak termasuk 1 Januari 2027 (Tahun Baru 2027 Masehi)');
  });

  it('starting on a Saturday counts from Monday 00:00', () => {
    // Saturday 7 March 10:00 WITA, 3 working days: Monday, Tuesday, Wednesday -> Thursday 12 March 00:00 WITA.
    const schedule = computeDeadlineSchedule({ enteredAt: at('2026-03-07T02:00:00Z'), policy: DEFAULT_SLA['quick-win'].endorsement, calendar: wita });
    expect(schedule.dueAt.toISOString()).toBe('2026-03-11T16:00:00.000Z');
    expect(schedule.remindAt?.toISOString()).toBe('2026-03-10T16:00:00.000Z');
    expect(schedule.explanation).toBe('3 hari kerja sejak Sabtu, 7 Maret 2026');
  });

  it('creates exactly maxEscalations escalations', () => {
    for (const maxEscalations of [0, 1, 3, 7]) {
      const schedule = computeDeadlineSchedule({ enteredAt: MONDAY_2_MARCH_0900_WITA, policy: { ...workingDays, maxEscalations }, calendar: wita });
      expect(schedule.escalations).toHaveLength(maxEscalations);
    }
  });

  it('drops the reminder when it would not come after entering the stage', () => {
    const oneDay = computeDeadlineSchedule({ enteredAt: MONDAY_2_MARCH_0900_WITA, policy: { ...workingDays, duration: 'P1D' }, calendar: wita });
    expect(oneDay.remindAt).toBeNull(); // it would be exactly at entry
    const twoDays = computeDeadlineSchedule({ enteredAt: MONDAY_2_MARCH_0900_WITA, policy: { ...workingDays, duration: 'P2D' }, calendar: wita });
    expect(twoDays.remindAt?.toISOString()).toBe('2026-03-03T01:00:00.000Z');
  });

  it('runs sub-day SLAs such as PT2S as plain time, even on a weekend', () => {
    const saturday = at('2026-03-07T02:00:00Z');
    const policy: SlaPolicy = { duration: 'PT2S', businessDays: true, remindBefore: 'PT1S', escalateAfter: 'PT1S', escalateEvery: 'PT2S', maxEscalations: 3 };
    const schedule = computeDeadlineSchedule({ enteredAt: saturday, policy, calendar: wita });
    expect(isoTimes(schedule)).toEqual({
      dueAt: '2026-03-07T02:00:02.000Z',
      remindAt: '2026-03-07T02:00:01.000Z',
      escalations: ['2026-03-07T02:00:03.000Z', '2026-03-07T02:00:05.000Z', '2026-03-07T02:00:07.000Z'],
    });
    expect(schedule.explanation).toBe('2 detik sejak Sabtu, 7 Maret 2026 pukul 10.00 WITA');
    expect(computeDeadlineSchedule({ enteredAt: saturday, policy: { ...policy, remindBefore: 'P1D' }, calendar: wita }).remindAt).toBeNull();
  });

  it('adds working days first, then hours as plain time', () => {
    // Friday 6 March 10:00 WITA + P1DT2H -> Monday 9 March 12:00 WITA.
    const schedule = computeDeadlineSchedule({ enteredAt: at('2026-03-06T02:00:00Z'), policy: { ...workingDays, duration: 'P1DT2H' }, calendar: wita });
    expect(schedule.dueAt.toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(schedule.explanation).toBe('1 hari kerja 2 jam sejak Jumat, 6 Maret 2026 pukul 10.00 WITA');
  });

  it('counts a week as 5 working days, or 7 calendar days', () => {
    const monday16 = at('2026-03-16T01:00:00Z');
    const business = computeDeadlineSchedule({ enteredAt: monday16, policy: { ...workingDays, duration: 'P1W' }, calendar: wita });
    const calendar = computeDeadlineSchedule({ enteredAt: monday16, policy: { ...workingDays, duration: 'P1W', businessDays: false }, calendar: wita });
    expect(business.dueAt.toISOString()).toBe('2026-03-24T01:00:00.000Z'); // 17, 18, 20, 23, 24 (Nyepi off)
    expect(calendar.dueAt.toISOString()).toBe('2026-03-23T01:00:00.000Z');
  });

  it('counts calendar days for calendar policies, holidays and weekends included, reminders and escalations too', () => {
    const schedule = computeDeadlineSchedule({ enteredAt: MONDAY_2_MARCH_0900_WITA, policy: DEFAULT_SLA['quick-win'].implementation, calendar: wita });
    expect(isoTimes(schedule)).toEqual({
      dueAt: '2026-04-01T01:00:00.000Z', // Wednesday 1 April 09:00 WITA
      remindAt: '2026-03-31T01:00:00.000Z',
      escalations: ['2026-04-02T01:00:00.000Z', '2026-04-04T01:00:00.000Z', '2026-04-06T01:00:00.000Z'],
    });
    expect(schedule.explanation).toBe('30 hari kalender sejak Senin, 2 Maret 2026');
  });

  it('refuses an invalid policy', () => {
    expect(() => computeDeadlineSchedule({ enteredAt: MONDAY_2_MARCH_0900_WITA, policy: { ...workingDays, duration: 'P1M' }, calendar: wita })).toThrow(
      InvalidSlaPolicyError,
    );
  });
});
