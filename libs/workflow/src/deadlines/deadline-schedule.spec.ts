import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { formatIndonesianDateTime } from '../calendar/indonesian-format.util.js';
import { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { computeDeadlineSchedule, type DeadlineSchedule } from './deadline-schedule.js';
import { DEFAULT_SLA } from './default-sla.js';
import { InvalidSlaPolicyError, type SlaPolicy } from './sla-policy.js';
import { endsAtCloseOfOffice } from './sla-duration.util.js';

const NYEPI = { date: '2026-03-19', name: 'Hari Suci Nyepi' };
const NEW_YEAR_2027 = { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi' };
const wita = new WorkingDayCalendar({ timeZone: 'Asia/Makassar', holidays: [NYEPI, NEW_YEAR_2027] });
const wib = new WorkingDayCalendar({ timeZone: 'Asia/Jakarta', holidays: [NYEPI, NEW_YEAR_2027] });
const wit = new WorkingDayCalendar({ timeZone: 'Asia/Jayapura', holidays: [NYEPI, NEW_YEAR_2027] });
const at = (iso: string): Date => new Date(iso);
const MONDAY_2_MARCH_0900_WITA = at('2026-03-02T01:00:00Z');

const workingDays: SlaPolicy = DEFAULT_SLA['quick-win'].approval; // P5D, working days
const endorsement: SlaPolicy = DEFAULT_SLA['quick-win'].endorsement; // P3D, working days
const isoTimes = (schedule: DeadlineSchedule) => ({
  dueAt: schedule.dueAt.toISOString(),
  remindAt: schedule.remindAt?.toISOString() ?? null,
  escalations: schedule.escalations.map((instant) => instant.toISOString()),
});
/** "Batas waktu: <due> (<explanation>)" as the notifications say it. */
const dueSentence = (schedule: DeadlineSchedule, calendar = wita): string =>
  `Batas waktu: ${formatIndonesianDateTime(schedule.dueAt, calendar.timeZone)} (${schedule.explanation})`;

describe('computeDeadlineSchedule', () => {
  describe('working days end at the close of office', () => {
    it('entered on Wednesday at 04.12: 3 working days counted from 07.30, due Monday at 16.00', () => {
      const schedule = computeDeadlineSchedule({ enteredAt: at('2026-12-01T20:12:11Z'), policy: endorsement, calendar: wita });
      expect(dueSentence(schedule)).toBe(
        'Batas waktu: Senin, 7 Desember 2026 pukul 16.00 WITA (3 hari kerja, dihitung sejak Rabu, 2 Desember 2026 pukul 07.30 WITA)',
      );
      expect(isoTimes(schedule)).toEqual({
        dueAt: '2026-12-07T08:00:00.000Z', // Monday 16.00
        remindAt: '2026-12-04T08:00:00.000Z', // Friday 16.00, the office open until 16.30
        escalations: ['2026-12-08T08:00:00.000Z', '2026-12-10T08:00:00.000Z', '2026-12-14T08:00:00.000Z'], // Tue, Thu, Mon 16.00
      });
    });

    it('entered on Thursday at 15.59 counts Thursday; at 16.01 counts from Friday 07.30', () => {
      const before = computeDeadlineSchedule({ enteredAt: at('2026-12-03T07:59:00Z'), policy: endorsement, calendar: wita });
      const after = computeDeadlineSchedule({ enteredAt: at('2026-12-03T08:01:00Z'), policy: endorsement, calendar: wita });
      expect(dueSentence(before)).toBe(
        'Batas waktu: Selasa, 8 Desember 2026 pukul 16.00 WITA (3 hari kerja, dihitung sejak Kamis, 3 Desember 2026 pukul 15.59 WITA)',
      );
      expect(dueSentence(after)).toBe(
        'Batas waktu: Rabu, 9 Desember 2026 pukul 16.00 WITA (3 hari kerja, dihitung sejak Jumat, 4 Desember 2026 pukul 07.30 WITA)',
      );
    });

    it('entered on Friday after 16.30 counts from Monday 07.30', () => {
      const schedule = computeDeadlineSchedule({ enteredAt: at('2026-12-04T08:45:00Z'), policy: endorsement, calendar: wita });
      expect(dueSentence(schedule)).toBe(
        'Batas waktu: Kamis, 10 Desember 2026 pukul 16.00 WITA (3 hari kerja, dihitung sejak Senin, 7 Desember 2026 pukul 07.30 WITA)',
      );
    });

    it('entered on a Saturday counts from Monday 07.30', () => {
      const schedule = computeDeadlineSchedule({ enteredAt: at('2026-12-05T02:00:00Z'), policy: endorsement, calendar: wita });
      expect(schedule.dueAt.toISOString()).toBe('2026-12-10T08:00:00.000Z'); // Thursday 16.00
      expect(schedule.remindAt?.toISOString()).toBe('2026-12-09T08:00:00.000Z'); // Wednesday 16.00
      expect(schedule.explanation).toBe('3 hari kerja, dihitung sejak Senin, 7 Desember 2026 pukul 07.30 WITA');
    });

    it('entered the day before a holiday: skips it during office hours, counts from after it in the evening', () => {
      // Wednesday 18 March 2026; Nyepi on Thursday 19.
      const morning = computeDeadlineSchedule({ enteredAt: at('2026-03-18T02:00:00Z'), policy: endorsement, calendar: wita });
      expect(dueSentence(morning)).toBe(
        'Batas waktu: Selasa, 24 Maret 2026 pukul 16.00 WITA (3 hari kerja, dihitung sejak Rabu, 18 Maret 2026 pukul 10.00 WITA; ' +
          'tidak termasuk 19 Maret 2026 (Hari Suci Nyepi))',
      );
      const evening = computeDeadlineSchedule({ enteredAt: at('2026-03-18T09:00:00Z'), policy: endorsement, calendar: wita });
      expect(dueSentence(evening)).toBe(
        'Batas waktu: Rabu, 25 Maret 2026 pukul 16.00 WITA (3 hari kerja, dihitung sejak Jumat, 20 Maret 2026 pukul 07.30 WITA; ' +
          'tidak termasuk 19 Maret 2026 (Hari Suci Nyepi))',
      );
    });

    it('reads the office clock of WIB, WITA and WIT: the same instant is before opening, open, or counts from the next day', () => {
      // Thursday 3 December 08.30Z: 15.30 WIB, 16.30 WITA, 17.30 WIT.
      const enteredAt = at('2026-12-03T08:30:00Z');
      const [inWib, inWita, inWit] = [wib, wita, wit].map((calendar) => computeDeadlineSchedule({ enteredAt, policy: endorsement, calendar }));
      expect(dueSentence(inWib!, wib)).toBe(
        'Batas waktu: Selasa, 8 Desember 2026 pukul 16.00 WIB (3 hari kerja, dihitung sejak Kamis, 3 Desember 2026 pukul 15.30 WIB)',
      );
      expect(dueSentence(inWita!, wita)).toBe(
        'Batas waktu: Rabu, 9 Desember 2026 pukul 16.00 WITA (3 hari kerja, dihitung sejak Jumat, 4 Desember 2026 pukul 07.30 WITA)',
      );
      expect(dueSentence(inWit!, wit)).toBe(
        'Batas waktu: Rabu, 9 Desember 2026 pukul 16.00 WIT (3 hari kerja, dihitung sejak Jumat, 4 Desember 2026 pukul 07.30 WIT)',
      );
    });

    it('skips weekends and holidays for escalations too', () => {
      // Monday 9 March + 5 -> Monday 16; +1 -> Tuesday 17; +2 -> Friday 20 (Nyepi Thursday); +2 -> Tuesday 24.
      const schedule = computeDeadlineSchedule({ enteredAt: at('2026-03-09T01:00:00Z'), policy: workingDays, calendar: wita });
      expect(isoTimes(schedule).escalations).toEqual(['2026-03-17T08:00:00.000Z', '2026-03-20T08:30:00.000Z', '2026-03-24T08:00:00.000Z']);
    });

    it('crosses the year, skipping New Year: entered Wednesday 30 December 2026 with 2 working days', () => {
      const schedule = computeDeadlineSchedule({ enteredAt: at('2026-12-30T02:00:00Z'), policy: DEFAULT_SLA.regulation.promulgation, calendar: wita });
      expect(schedule.dueAt.toISOString()).toBe('2027-01-04T08:00:00.000Z'); // Monday 4 January 2027, 16.00 WITA
      expect(schedule.remindAt?.toISOString()).toBe('2026-12-31T08:00:00.000Z');
      expect(schedule.explanation).toBe(
        '2 hari kerja, dihitung sejak Rabu, 30 Desember 2026 pukul 10.00 WITA; tidak termasuk 1 Januari 2027 (Tahun Baru 2027 Masehi)',
      );
    });

    it('counts a week as 5 working days', () => {
      const business = computeDeadlineSchedule({ enteredAt: at('2026-03-16T01:00:00Z'), policy: { ...workingDays, duration: 'P1W' }, calendar: wita });
      expect(business.dueAt.toISOString()).toBe('2026-03-24T08:00:00.000Z'); // 17, 18, 20, 23, 24 (Nyepi off)
    });
  });

  describe('working time in hours counts office hours only', () => {
    const fourHours: SlaPolicy = { duration: 'PT4H', businessDays: true, remindBefore: 'PT1H', escalateAfter: 'PT2H', escalateEvery: 'PT4H', maxEscalations: 2 };

    it('PT4H entered on Thursday at 14.00 runs over the night to Friday 09.30; reminders and escalations in office hours', () => {
      const schedule = computeDeadlineSchedule({ enteredAt: at('2026-12-03T06:00:00Z'), policy: fourHours, calendar: wita });
      expect(isoTimes(schedule)).toEqual({
        dueAt: '2026-12-04T01:30:00.000Z', // Friday 09.30
        remindAt: '2026-12-04T00:30:00.000Z', // Friday 08.30
        escalations: ['2026-12-04T03:30:00.000Z', '2026-12-04T07:30:00.000Z'], // Friday 11.30, 15.30
      });
      expect(schedule.explanation).toBe('4 jam kerja, dihitung sejak Kamis, 3 Desember 2026 pukul 14.00 WITA');
    });

    it('adds the working days to the close of office, then office hours from the next opening', () => {
      const schedule = computeDeadlineSchedule({ enteredAt: at('2026-03-06T02:00:00Z'), policy: { ...workingDays, duration: 'P1DT2H' }, calendar: wita });
      expect(schedule.dueAt.toISOString()).toBe('2026-03-10T01:30:00.000Z'); // Friday 10.00 -> Monday 16.00 -> Tuesday 09.30
      expect(schedule.explanation).toBe('1 hari kerja dan 2 jam kerja, dihitung sejak Jumat, 6 Maret 2026 pukul 10.00 WITA');
    });
  });

  describe('reminders and escalations outside office hours go out at the next opening; overdue stays exact', () => {
    it('a zero working-day SLA entered on Saturday night is due then, but escalates on Monday at 07.30', () => {
      const policy: SlaPolicy = { duration: 'PT0S', businessDays: true, remindBefore: 'PT0S', escalateAfter: 'PT0S', escalateEvery: 'PT1H', maxEscalations: 2 };
      const saturdayNight = at('2026-12-05T14:00:00Z'); // 22.00 WITA
      const schedule = computeDeadlineSchedule({ enteredAt: saturdayNight, policy, calendar: wita });
      expect(schedule.dueAt).toEqual(saturdayNight);
      expect(isoTimes(schedule).escalations).toEqual(['2026-12-06T23:30:00.000Z', '2026-12-07T00:30:00.000Z']); // Monday 07.30, 08.30
    });

    it('every reminder and escalation of a working-day SLA falls in office hours, and the reminder before the due time', () => {
      const start = Date.parse('2026-01-01T00:00:00Z');
      const units = ['D', 'H', 'M', 'S'];
      const durationsFrom = (min: number) =>
        fc.tuple(fc.integer({ min, max: 12 }), fc.constantFrom(...units)).map(([n, unit]) => (unit === 'D' ? `P${n}D` : `PT${n}${unit}`));
      const durations = durationsFrom(0);
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 365 * 24 * 60 }),
          durations,
          durations,
          durations,
          durationsFrom(1),
          fc.constantFrom(wita, wib, wit),
          (minutes, duration, remindBefore, escalateAfter, escalateEvery, calendar) => {
            const enteredAt = new Date(start + minutes * 60_000);
            const policy: SlaPolicy = { duration, businessDays: true, remindBefore, escalateAfter, escalateEvery, maxEscalations: 3 };
            const schedule = computeDeadlineSchedule({ enteredAt, policy, calendar });
            for (const instant of [...(schedule.remindAt ? [schedule.remindAt] : []), ...schedule.escalations]) {
              expect(calendar.isInOfficeHours(instant)).toBe(true);
            }
            if (!/^PT?0/.test(duration)) expect(calendar.isInOfficeHours(schedule.dueAt)).toBe(true);
            if (schedule.remindAt) expect(schedule.remindAt.getTime()).toBeLessThanOrEqual(schedule.dueAt.getTime());
          },
        ),
        { numRuns: 300 },
      );
    });
  });

  describe('calendar durations are unchanged: exact, day or night', () => {
    it('PT2S entered on Saturday night runs as plain seconds, reminders and escalations too', () => {
      const saturdayNight = at('2026-03-07T15:00:00Z'); // 23.00 WITA
      const policy: SlaPolicy = { duration: 'PT2S', businessDays: false, remindBefore: 'PT1S', escalateAfter: 'PT1S', escalateEvery: 'PT2S', maxEscalations: 3 };
      const schedule = computeDeadlineSchedule({ enteredAt: saturdayNight, policy, calendar: wita });
      expect(isoTimes(schedule)).toEqual({
        dueAt: '2026-03-07T15:00:02.000Z',
        remindAt: '2026-03-07T15:00:01.000Z',
        escalations: ['2026-03-07T15:00:03.000Z', '2026-03-07T15:00:05.000Z', '2026-03-07T15:00:07.000Z'],
      });
      expect(schedule.explanation).toBe('2 detik sejak Sabtu, 7 Maret 2026 pukul 23.00 WITA');
    });

    it('P30D counts calendar days to the same wall-clock time, holidays and weekends included', () => {
      const wednesday0412 = at('2026-12-01T20:12:11Z');
      const schedule = computeDeadlineSchedule({ enteredAt: wednesday0412, policy: DEFAULT_SLA['quick-win'].implementation, calendar: wita });
      expect(isoTimes(schedule)).toEqual({
        dueAt: '2026-12-31T20:12:11.000Z', // Friday 1 January 2027 04.12.11 WITA: New Year and night both count
        remindAt: '2026-12-30T20:12:11.000Z',
        escalations: ['2027-01-01T20:12:11.000Z', '2027-01-03T20:12:11.000Z', '2027-01-05T20:12:11.000Z'],
      });
      expect(schedule.explanation).toBe('30 hari kalender sejak Rabu, 2 Desember 2026');
    });

    it('counts a week as 7 calendar days', () => {
      const calendar = computeDeadlineSchedule({ enteredAt: at('2026-03-16T01:00:00Z'), policy: { ...workingDays, duration: 'P1W', businessDays: false }, calendar: wita });
      expect(calendar.dueAt.toISOString()).toBe('2026-03-23T01:00:00.000Z');
    });
  });

  it('creates exactly maxEscalations escalations', () => {
    for (const maxEscalations of [0, 1, 3, 7]) {
      const schedule = computeDeadlineSchedule({ enteredAt: MONDAY_2_MARCH_0900_WITA, policy: { ...workingDays, maxEscalations }, calendar: wita });
      expect(schedule.escalations).toHaveLength(maxEscalations);
    }
  });

  it('drops the reminder when it would not come after entering the stage', () => {
    // Monday 09.00 + 1 working day: due Tuesday 16.00, a reminder 1 working day before would be Monday 16.00: kept.
    const oneDay = computeDeadlineSchedule({ enteredAt: MONDAY_2_MARCH_0900_WITA, policy: { ...workingDays, duration: 'P1D' }, calendar: wita });
    expect(oneDay.remindAt?.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    const twoHours = computeDeadlineSchedule({ enteredAt: MONDAY_2_MARCH_0900_WITA, policy: { ...workingDays, duration: 'PT2H', remindBefore: 'PT3H' }, calendar: wita });
    expect(twoHours.remindAt).toBeNull();
  });

  it('refuses an invalid policy', () => {
    expect(() => computeDeadlineSchedule({ enteredAt: MONDAY_2_MARCH_0900_WITA, policy: { ...workingDays, duration: 'P1M' }, calendar: wita })).toThrow(
      InvalidSlaPolicyError,
    );
  });
});

describe('endsAtCloseOfOffice', () => {
  it('holds for working days and weeks without hours, not for office hours or calendar time', () => {
    expect(endsAtCloseOfOffice({ duration: 'P3D', businessDays: true })).toBe(true);
    expect(endsAtCloseOfOffice({ duration: 'P1W', businessDays: true })).toBe(true);
    expect(endsAtCloseOfOffice({ duration: 'P1DT2H', businessDays: true })).toBe(false);
    expect(endsAtCloseOfOffice({ duration: 'PT4H', businessDays: true })).toBe(false);
    expect(endsAtCloseOfOffice({ duration: 'P3D', businessDays: false })).toBe(false);
    expect(endsAtCloseOfOffice({ duration: 'nonsense', businessDays: true })).toBe(false);
  });
});
