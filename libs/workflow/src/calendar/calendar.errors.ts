/** A calendar date that is not a real `YYYY-MM-DD` date (e.g. `2026-02-30`, `2026-2-3`). */
export class InvalidLocalDateError extends Error {
  readonly code = 'INVALID_LOCAL_DATE';

  constructor(readonly input: unknown) {
    super(`Invalid date ${JSON.stringify(input)}: expected a calendar date YYYY-MM-DD`);
    this.name = 'InvalidLocalDateError';
  }
}

/** A time zone name that the runtime's `Intl` does not know (e.g. `Asia/Samarinda`). */
export class InvalidTimeZoneError extends Error {
  readonly code = 'INVALID_TIME_ZONE';

  constructor(readonly input: unknown) {
    super(`Unknown time zone ${JSON.stringify(input)}: expected an IANA name such as Asia/Makassar`);
    this.name = 'InvalidTimeZoneError';
  }
}
