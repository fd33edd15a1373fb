import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDaysToLocalDate, slaStatusBounds, WorkingDayCalendar, type SlaStatusBounds } from '#workflow';
import { holidaysByGovernment } from './holiday-queries.js';
import { OfficeHoursRepository } from './office-hours.repository.js';

/** Holidays read to count a few working days from now ("Segera jatuh tempo" is 2): far more than needed. */
const CALENDAR_DAYS_AHEAD = 60;

export interface CalendarSubject {
  id: string;
  timeZone: string;
}

/**
 * The working-day calendars of governments around `now` (their office hours, the national holidays and
 * their own from the day before to 60 days after), for arithmetic that counts a few working days from
 * now: the SLA status of open stages in the inbox, the reports and the weekly digest.
 */
@Injectable()
export class WorkingCalendars {
  constructor(private readonly officeHours: OfficeHoursRepository) {}

  async around(manager: EntityManager, governments: readonly CalendarSubject[], now: Date): Promise<Map<string, WorkingDayCalendar>> {
    if (governments.length === 0) return new Map();
    const ids = [...new Set(governments.map((g) => g.id))];
    const today = now.toISOString().slice(0, 10); // UTC's date minus one covers every zone's
    const holidays = await holidaysByGovernment(manager, ids, { from: addDaysToLocalDate(today, -1), to: addDaysToLocalDate(today, CALENDAR_DAYS_AHEAD) });
    const officeHours = await this.officeHours.byGovernment(manager, ids);
    return new Map(governments.map((g) => [g.id, new WorkingDayCalendar({ timeZone: g.timeZone, holidays: holidays.get(g.id) ?? [], officeHours: officeHours.get(g.id) })]));
  }

  /** Where "Segera jatuh tempo" ends at `now` for each of these governments (`slaStatusBounds`), by government id. */
  async slaBoundsAround(manager: EntityManager, governments: readonly CalendarSubject[], now: Date): Promise<Map<string, SlaStatusBounds>> {
    const calendars = await this.around(manager, governments, now);
    return new Map([...calendars].map(([id, calendar]) => [id, slaStatusBounds(calendar, now)]));
  }
}
