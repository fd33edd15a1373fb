/**
 * ISO 8601 durations as SLAs use them: weeks, days, hours, minutes and seconds in whole numbers
 * (`P5D`, `P2W`, `P1DT2H`, `PT30S`, `PT0S`).
 *
 * Years and months are rejected: their length varies and "1 month of working days" means nothing
 * definite, so an SLA must say `P30D` or `P20D`. Also rejected: a sign (`-P1D`), fractions
 * (`PT0.5S`), an empty `P` or `PT`, lower case, spaces, and anything longer than 3660 days.
 * Weeks may be combined with days (`P1W2D`); components must come in the order W, D, H, M, S.
 * How many days a week is depends on the use: see `SlaPolicy`.
 */
export interface IsoDuration {
  readonly weeks: number;
  readonly days: number;
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
}

export type InvalidIsoDurationReason = 'EMPTY' | 'SYNTAX' | 'NEGATIVE' | 'FRACTION' | 'UNSUPPORTED_UNIT' | 'TOO_LARGE';

export class InvalidIsoDurationError extends Error {
  readonly code = 'INVALID_DURATION';

  constructor(
    readonly input: unknown,
    readonly reason: InvalidIsoDurationReason,
    detail: string,
  ) {
    super(`Invalid duration ${JSON.stringify(input)}: ${detail}`);
    this.name = 'InvalidIsoDurationError';
  }
}

/** The longest accepted duration, 3660 days (about 10 years). */
export const MAX_DURATION_SECONDS = 3660 * 86_400;

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const ISO_DURATION = new RegExp(
  `^(-)?P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?(?:(T)(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
);

/** Parses an SLA duration; throws `InvalidIsoDurationError` saying what is wrong. */
export function parseIsoDuration(input: string): IsoDuration {
  const fail = (reason: InvalidIsoDurationReason, detail: string): never => {
    throw new InvalidIsoDurationError(input, reason, detail);
  };
  if (typeof input !== 'string' || input === '') fail('EMPTY', 'expected an ISO 8601 duration such as P5D or PT30S');
  const match = ISO_DURATION.exec(input);
  if (!match) return fail('SYNTAX', 'expected an ISO 8601 duration such as P5D, P2W, P1DT2H or PT30S');
  const [, sign, years, months, weeks, days, timeDesignator, hours, minutes, seconds] = match;
  const values = [years, months, weeks, days, hours, minutes, seconds];
  if (values.every((value) => value === undefined)) fail('EMPTY', 'a duration needs at least one component, e.g. PT0S');
  if (timeDesignator && [hours, minutes, seconds].every((value) => value === undefined)) {
    fail('SYNTAX', '"T" must be followed by hours, minutes or seconds');
  }
  if (sign) fail('NEGATIVE', 'durations cannot be negative');
  if (values.some((value) => value !== undefined && /[.,]/.test(value))) fail('FRACTION', 'use whole numbers, e.g. PT90M');
  if (years !== undefined || months !== undefined) {
    fail('UNSUPPORTED_UNIT', 'years and months have no fixed length; use days or weeks, e.g. P30D');
  }
  const duration: IsoDuration = {
    weeks: Number(weeks ?? 0),
    days: Number(days ?? 0),
    hours: Number(hours ?? 0),
    minutes: Number(minutes ?? 0),
    seconds: Number(seconds ?? 0),
  };
  if (durationUpperBoundSeconds(duration) > MAX_DURATION_SECONDS) fail('TOO_LARGE', 'at most 3660 days are allowed');
  return Object.freeze(duration);
}

export function isIsoDuration(input: unknown): input is string {
  try {
    parseIsoDuration(input as string);
    return true;
  } catch {
    return false;
  }
}

/** The canonical text of a duration: `P2W`, `P1DT2H`, `PT0S` for zero. Weeks are kept as weeks. */
export function formatIsoDuration(duration: IsoDuration): string {
  const { weeks, days, hours, minutes, seconds } = duration;
  for (const [unit, value] of Object.entries(duration)) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Duration ${unit} must be a whole number >= 0, got ${value}`);
  }
  const part = (value: number, designator: string): string => (value === 0 ? '' : `${value}${designator}`);
  const date = part(weeks, 'W') + part(days, 'D');
  const time = part(hours, 'H') + part(minutes, 'M') + part(seconds, 'S');
  if (date === '' && time === '') return 'PT0S';
  return `P${date}${time === '' ? '' : `T${time}`}`;
}

/** The hours, minutes and seconds of a duration in milliseconds (its part below a day). */
export function subDayMilliseconds(duration: IsoDuration): number {
  return ((duration.hours * 60 + duration.minutes) * 60 + duration.seconds) * 1000;
}

/** Counting a week as 7 days: the longest a duration can be, whatever a week counts as. */
function durationUpperBoundSeconds(duration: IsoDuration): number {
  return (duration.weeks * 7 + duration.days) * 86_400 + subDayMilliseconds(duration) / 1000;
}
