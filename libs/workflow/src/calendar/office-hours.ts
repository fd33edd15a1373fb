import type { Weekday } from './local-date.util.js';

/** One day's office hours on a 24-hour wall clock, `"07:30"` to `"16:00"` (`"24:00"` closes at midnight). */
export interface OfficeDay {
  readonly opens: string;
  readonly closes: string;
}

export const WEEKDAY_NAMES = Object.freeze(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const);
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** A government's office hours per weekday in its own zone; null: closed that day. */
export type OfficeHours = { readonly [day in WeekdayName]: OfficeDay | null };

/** The national working hours of ASN (five-day week): Monday to Thursday 07.30-16.00, Friday 07.30-16.30. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = Object.freeze({
  monday: Object.freeze({ opens: '07:30', closes: '16:00' }),
  tuesday: Object.freeze({ opens: '07:30', closes: '16:00' }),
  wednesday: Object.freeze({ opens: '07:30', closes: '16:00' }),
  thursday: Object.freeze({ opens: '07:30', closes: '16:00' }),
  friday: Object.freeze({ opens: '07:30', closes: '16:30' }),
  saturday: null,
  sunday: null,
});

/** Minutes after local midnight, indexed by `Weekday`; null: closed. */
export type OfficeMinutes = readonly ({ readonly opens: number; readonly closes: number } | null)[];

export interface OfficeHoursIssue {
  /** e.g. `friday.closes`, or `days` for the week as a whole. */
  readonly field: string;
  readonly message: string;
}

export class InvalidOfficeHoursError extends Error {
  readonly code = 'INVALID_OFFICE_HOURS';
  constructor(readonly issues: readonly OfficeHoursIssue[]) {
    super(`Invalid office hours: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`);
    this.name = 'InvalidOfficeHoursError';
  }
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MIDNIGHT_CLOSE = '24:00';

/** `"07:30"` -> 450; `"24:00"` -> 1440 when `allowMidnight`; null for anything else. */
function clockMinutes(value: unknown, allowMidnight: boolean): number | null {
  if (allowMidnight && value === MIDNIGHT_CLOSE) return 24 * 60;
  const match = typeof value === 'string' ? CLOCK.exec(value) : null;
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/**
 * Every problem with a week of office hours (empty when it is valid): each of the seven weekdays
 * must be given, as null (closed) or `{opens, closes}` in `HH:MM` with `opens` before `closes`, and
 * at least one day must be open (else no deadline could ever fall due).
 */
export function validateOfficeHours(input: unknown): OfficeHoursIssue[] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return [{ field: 'days', message: 'must be an object with monday ... sunday' }];
  }
  const issues: OfficeHoursIssue[] = [];
  const days = input as Record<string, unknown>;
  for (const key of Object.keys(days)) {
    if (!(WEEKDAY_NAMES as readonly string[]).includes(key)) issues.push({ field: key, message: 'is not a weekday (monday ... sunday)' });
  }
  let open = 0;
  for (const name of WEEKDAY_NAMES) {
    const day = days[name];
    if (day === null) continue;
    if (typeof day !== 'object' || day === undefined || Array.isArray(day)) {
      issues.push({ field: name, message: 'must be {"opens": "07:30", "closes": "16:00"}, or null when the office is closed' });
      continue;
    }
    const { opens, closes, ...rest } = day as Record<string, unknown>;
    for (const extra of Object.keys(rest)) issues.push({ field: `${name}.${extra}`, message: 'is not a field of a day (opens, closes)' });
    const from = clockMinutes(opens, false);
    const to = clockMinutes(closes, true);
    if (from === null) issues.push({ field: `${name}.opens`, message: 'must be a time HH:MM from 00:00 to 23:59' });
    if (to === null) issues.push({ field: `${name}.closes`, message: 'must be a time HH:MM from 00:01 to 24:00' });
    if (from !== null && to !== null && from >= to) issues.push({ field: `${name}.closes`, message: 'must be later than opens' });
    open += 1;
  }
  if (issues.length === 0 && open === 0) issues.push({ field: 'days', message: 'at least one day must be open' });
  return issues;
}

/** The week as minutes per `Weekday`; throws `InvalidOfficeHoursError` listing every problem. */
export function officeMinutes(hours: OfficeHours): OfficeMinutes {
  const issues = validateOfficeHours(hours);
  if (issues.length > 0) throw new InvalidOfficeHoursError(issues);
  return Object.freeze(
    WEEKDAY_NAMES.map((name) => {
      const day = hours[name];
      return day === null ? null : Object.freeze({ opens: clockMinutes(day.opens, false)!, closes: clockMinutes(day.closes, true)! });
    }),
  );
}

/** The office hours of `weekday`, or null when closed. */
export function officeDayOf(hours: OfficeHours, weekday: Weekday): OfficeDay | null {
  return hours[WEEKDAY_NAMES[weekday]];
}

/** Whether two weeks of office hours are the same, day by day. */
export function sameOfficeHours(a: OfficeHours, b: OfficeHours): boolean {
  return WEEKDAY_NAMES.every((name) => {
    const x = a[name];
    const y = b[name];
    return x === null || y === null ? x === y : x.opens === y.opens && x.closes === y.closes;
  });
}
