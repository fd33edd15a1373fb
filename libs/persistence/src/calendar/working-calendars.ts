import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDaysToLocalDate, slaStatusBounds, WorkingDayCalendar, type Holiday, type OfficeHours, type SlaStatusBounds } from '#workflow';
import { queryPrepared } from '../prepared-query.util.js';
import { holidaysJsonSql, type DateWindow } from './holiday-queries.js';
import { officeHoursJsonSql, toOfficeHours, type OfficeHoursRow } from './office-hours.repository.js';

/** Holidays read to count a few working days from now ("Segera jatuh tempo" is 2): far more than needed. */
const CALENDAR_DAYS_AHEAD = 60;

export interface CalendarSubject {
  id: string;
  timeZone: string;
}

/** What a government's working-day calendar is made of. */
export interface CalendarInputs {
  holidays: Holiday[];
  officeHours: OfficeHours;
}

/**
 * The national holidays and each government's own dated inside `window`, and each one's office hours,
 * in one round trip; every id gets an entry.
 */
export async function calendarInputsByGovernment(manager: EntityManager, governmentIds: readonly string[], window: DateWindow): Promise<Map<string, CalendarInputs>> {
  const rows = await queryPrepared<{ id: string; holidays: Holiday[]; officeHours: OfficeHoursRow[] }>(
    manager,
    `SELECT g.id, ${holidaysJsonSql('g.id', '$2', '$3')} AS holidays, ${officeHoursJsonSql('g.id')} AS "officeHours"
       FROM unnest($1::uuid[]) AS g(id)`,
    [[...new Set(governmentIds)], window.from, window.to],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return new Map(governmentIds.map((id) => [id, { holidays: byId.get(id)?.holidays ?? [], officeHours: toOfficeHours(byId.get(id)?.officeHours ?? []) }]));
}

/**
 * The working-day calendars of governments around `now` (their office hours, the national holidays and
 * their own from the day before to 60 days after), for arithmetic that counts a few working days from
 * now: the SLA status of open stages in the inbox, the reports and the weekly digest.
 */
@Injectable()
export class WorkingCalendars {
  /** One round trip for all of them. */
  async around(manager: EntityManager, governments: readonly CalendarSubject[], now: Date): Promise<Map<string, WorkingDayCalendar>> {
    if (governments.length === 0) return new Map();
    const today = now.toISOString().slice(0, 10); // UTC's date minus one covers every zone's
    const window = { from: addDaysToLocalDate(today, -1), to: addDaysToLocalDate(today, CALENDAR_DAYS_AHEAD) };
    const inputs = await calendarInputsByGovernment(manager, governments.map((g) => g.id), window);
    return new Map(governments.map((g) => [g.id, new WorkingDayCalendar({ timeZone: g.timeZone, ...inputs.get(g.id)! })]));
  }

  /** Where "Segera jatuh tempo" ends at `now` for each of these governments (`slaStatusBounds`), by government id. */
  async slaBoundsAround(manager: EntityManager, governments: readonly CalendarSubject[], now: Date): Promise<Map<string, SlaStatusBounds>> {
    const calendars = await this.around(manager, governments, now);
    return new Map([...calendars].map(([id, calendar]) => [id, slaStatusBounds(calendar, now)]));
  }
}
