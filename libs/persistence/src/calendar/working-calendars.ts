import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { slaStatusBounds, type Holiday, type OfficeHours, type SlaStatusBounds, type WorkingDayCalendar } from '#workflow';
import { queryPrepared } from '../prepared-query.util.js';
import { CALENDAR_REVISION_SQL } from './calendar-revision.js';
import { holidaysJsonSql, type DateWindow } from './holiday-queries.js';
import { officeHoursJsonSql, toOfficeHours, type OfficeHoursRow } from './office-hours.repository.js';
import { calendarWindow, WorkingCalendarCache, type CalendarReading, type KeptCalendar } from './working-calendar-cache.js';

export interface CalendarSubject {
  id: string;
  timeZone: string;
}

/** What a government's working-day calendar is made of. */
export interface CalendarInputs {
  holidays: Holiday[];
  officeHours: OfficeHours;
}

/** A government's calendar inputs as read with the calendar revision; null where the revision was the one kept. */
interface CalendarInputsAt {
  revision: string | null;
  inputs: CalendarInputs | null;
}

/**
 * The national holidays and each government's own dated inside `window`, and each one's office hours,
 * with the calendar revision, in one round trip; every id gets an entry. A government given with the
 * revision of a calendar kept (`keptRevisions`, by id) gets no inputs while that revision stands.
 */
async function calendarInputsAt(
  manager: EntityManager,
  governmentIds: readonly string[],
  window: DateWindow,
  keptRevisions: ReadonlyMap<string, string> = new Map(),
): Promise<Map<string, CalendarInputsAt>> {
  const ids = [...new Set(governmentIds)];
  const rows = await queryPrepared<{ id: string; revision: string | null; holidays: Holiday[] | null; officeHours: OfficeHoursRow[] | null }>(
    manager,
    `WITH r AS MATERIALIZED (SELECT ${CALENDAR_REVISION_SQL} AS revision),
          g AS (SELECT g.id, r.revision, r.revision IS NULL OR g.kept IS DISTINCT FROM r.revision AS moved FROM unnest($1::uuid[], $4::uuid[]) AS g(id, kept), r)
     SELECT g.id, g.revision,
            CASE WHEN g.moved THEN ${holidaysJsonSql('g.id', '$2', '$3')} END AS holidays,
            CASE WHEN g.moved THEN ${officeHoursJsonSql('g.id')} END AS "officeHours"
       FROM g`,
    [ids, window.from, window.to, ids.map((id) => keptRevisions.get(id) ?? null)],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return new Map(
    governmentIds.map((id) => {
      const row = byId.get(id);
      const read = row === undefined || (row.holidays !== null && row.officeHours !== null);
      return [id, { revision: row?.revision ?? null, inputs: read ? { holidays: row?.holidays ?? [], officeHours: toOfficeHours(row?.officeHours ?? []) } : null }];
    }),
  );
}

/**
 * The national holidays and each government's own dated inside `window`, and each one's office hours,
 * in one round trip; every id gets an entry.
 */
export async function calendarInputsByGovernment(manager: EntityManager, governmentIds: readonly string[], window: DateWindow): Promise<Map<string, CalendarInputs>> {
  const read = await calendarInputsAt(manager, governmentIds, window);
  return new Map([...read].map(([id, at]) => [id, at.inputs!]));
}

/**
 * The working-day calendars of governments around `now` (their office hours, the national holidays and
 * their own of `calendarWindow(now)`), for arithmetic that counts a few working days from now: the SLA
 * status of open stages in document views, lists and the inbox, and the reports. Calendars
 * are kept between requests (`WorkingCalendarCache`, shared with the deadline planner).
 */
@Injectable()
export class WorkingCalendars {
  constructor(private readonly kept: WorkingCalendarCache) {}

  /**
   * At most one round trip for all of them, and none when `revision`, the calendar revision read with the
   * caller's rows (`DocumentRecord.calendarRevision`), is the one of every calendar kept.
   */
  async around(manager: EntityManager, governments: readonly CalendarSubject[], now: Date, revision: string | null = null): Promise<Map<string, WorkingDayCalendar>> {
    if (governments.length === 0) return new Map();
    const window = calendarWindow(now);
    const readings = new Map<string, CalendarReading>(governments.map((g) => [g.id, { governmentId: g.id, timeZone: g.timeZone, from: window.from }]));
    const calendars = new Map<string, WorkingDayCalendar>();
    // taken before the read: what the statement finds current is this one, whatever another request keeps meanwhile
    const keptBefore = new Map<string, KeptCalendar>();
    for (const [id, reading] of readings) {
      const kept = this.kept.get(reading);
      if (kept === null) continue;
      if (kept.revision === revision) calendars.set(id, kept.calendar);
      else keptBefore.set(id, kept);
    }
    const missing = [...readings.keys()].filter((id) => !calendars.has(id));
    if (missing.length === 0) return calendars;

    const read = await calendarInputsAt(manager, missing, window, new Map([...keptBefore].map(([id, kept]) => [id, kept.revision])));
    for (const id of missing) calendars.set(id, this.kept.settle(readings.get(id)!, keptBefore.get(id) ?? null, read.get(id)!));
    return calendars;
  }

  /** Where "Segera jatuh tempo" ends at `now` for each of these governments (`slaStatusBounds`), by government id. */
  async slaBoundsAround(manager: EntityManager, governments: readonly CalendarSubject[], now: Date, revision: string | null = null): Promise<Map<string, SlaStatusBounds>> {
    const calendars = await this.around(manager, governments, now, revision);
    return new Map([...calendars].map(([id, calendar]) => [id, slaStatusBounds(calendar, now)]));
  }
}
