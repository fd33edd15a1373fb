import { Injectable } from '@nestjs/common';
import { addDaysToLocalDate, WorkingDayCalendar, type Holiday, type LocalDate, type OfficeHours } from '#workflow';
import type { DateWindow } from './holiday-queries.js';

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

/** Holidays a calendar is read with: enough for any SLA but extreme ones (the planner reads more for those). */
const CALENDAR_DAYS_AHEAD = 3 * 366;

/** The holidays a calendar is read and kept with at `now`: from the day before (UTC's date minus one covers every zone's) to three years on. */
export function calendarWindow(now: Date): DateWindow {
  const today = now.toISOString().slice(0, 10);
  return { from: addDaysToLocalDate(today, -1), to: addDaysToLocalDate(today, CALENDAR_DAYS_AHEAD) };
}

/**
 * Working-day calendars this process has read, one per government, each with the calendar revision it was
 * read at (`CALENDAR_REVISION_SQL`). A reader takes the kept calendar first and passes its revision to the
 * statement that would read the calendar, which reads the holidays and office hours again only when the
 * revision moved (so a calendar kept meanwhile by another request changes nothing for this one). A kept
 * calendar serves only the same zone and the same window of holidays (`calendarWindow` of the day it was
 * read on). One per API process (`WorkingCalendarsModule`): the deadline planner and every reader of "Segera
 * jatuh tempo" share it.
 */
@Injectable()
export class WorkingCalendarCache {
  private readonly kept = new Map<string, { reading: CalendarReading; kept: KeptCalendar }>();

  /** The calendar kept for this reading, with the revision it was read at; null when none fits. */
  get(reading: CalendarReading): KeptCalendar | null {
    const entry = this.kept.get(reading.governmentId);
    return entry && entry.reading.timeZone === reading.timeZone && entry.reading.from === reading.from ? entry.kept : null;
  }

  /**
   * The calendar a reading statement gives: the one kept before it (`kept`) when the statement found that
   * revision current and so read no inputs, else one made from the inputs it read, kept at the revision read.
   */
  settle(reading: CalendarReading, kept: KeptCalendar | null, read: { revision: string | null; inputs: { holidays: Holiday[]; officeHours: OfficeHours } | null }): WorkingDayCalendar {
    if (read.inputs === null) {
      if (kept === null) throw new Error(`the calendar of government ${reading.governmentId} was neither read nor kept`);
      return kept.calendar;
    }
    const calendar = new WorkingDayCalendar({ timeZone: reading.timeZone, ...read.inputs });
    if (read.revision !== null) this.remember(reading, read.revision, calendar);
    return calendar;
  }

  remember(reading: CalendarReading, revision: string, calendar: WorkingDayCalendar): void {
    this.kept.delete(reading.governmentId);
    if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(reading.governmentId, { reading, kept: { revision, calendar } });
  }
}
