import type { LocalDate, WorkingDayCalendar } from '#workflow';

/** What a calendar was read for: whose, in which zone, and the first date of the holidays read. */
export interface CalendarReading {
  governmentId: string;
  timeZone: string;
  from: LocalDate;
}

export interface KeptCalendar {
  revision: string;
  calendar: WorkingDayCalendar;
}

/** More than Indonesia's provinces, regencies and cities together. */
const MAX_KEPT = 1_024;

/**
 * Working-day calendars this process has read, one per government, each with the calendar revision it was
 * read at (`CALENDAR_REVISION_SQL`). A reader takes the kept calendar first and passes its revision to the
 * statement that would read the calendar, which reads the holidays and office hours again only when the
 * revision moved (so a calendar kept meanwhile by another request changes nothing for this one). A kept
 * calendar serves only the same zone and the same window of holidays (the day it was read on).
 */
export class WorkingCalendarCache {
  private readonly kept = new Map<string, { reading: CalendarReading; kept: KeptCalendar }>();

  /** The calendar kept for this reading, with the revision it was read at; null when none fits. */
  get(reading: CalendarReading): KeptCalendar | null {
    const entry = this.kept.get(reading.governmentId);
    return entry && entry.reading.timeZone === reading.timeZone && entry.reading.from === reading.from ? entry.kept : null;
  }

  remember(reading: CalendarReading, revision: string, calendar: WorkingDayCalendar): void {
    this.kept.delete(reading.governmentId);
    if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(reading.governmentId, { reading, kept: { revision, calendar } });
  }
}
