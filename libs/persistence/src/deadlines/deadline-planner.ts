import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  computeDeadlineSchedule,
  defaultSlaPolicy,
  slaStatusBounds,
  type WorkingDayCalendar,
  type DeadlineSchedule,
  type DocumentKind,
  type Holiday,
  type SlaPolicy,
  type SlaStatusBounds,
} from '#workflow';
import { holidaysJsonSql, holidaysOfGovernment, holidayWindow } from '../calendar/holiday-queries.js';
import { CALENDAR_REVISION_SQL } from '../calendar/calendar-revision.js';
import { calendarWindow, WorkingCalendarCache } from '../calendar/working-calendar-cache.js';
import { officeHoursJsonSql, toOfficeHours, type OfficeHoursRow } from '../calendar/office-hours.repository.js';
import { queryPrepared } from '../prepared-query.util.js';

export interface DeadlineSubject {
  documentId: string;
  kind: DocumentKind;
  governmentId: string;
  unitId: string;
  timeZone: string;
}

export interface PlannedDeadline {
  /** Made here, so the row and the outbox message naming it are written in one statement. */
  id: string;
  stage: string;
  enteredAt: Date;
  policy: SlaPolicy;
  schedule: DeadlineSchedule;
}

export interface StageChange {
  /** Stages the document leaves: their pending deadlines close. */
  leave: readonly string[];
  /** The stage it enters (its deadline is planned), or null. */
  enter: string | null;
}

export interface PreparedStageChange {
  /** Closed deadline id by stage. */
  closed: Map<string, string>;
  planned: PlannedDeadline | null;
  /**
   * Where "Segera jatuh tempo" ends at the transition's time in the government's working days, from the
   * calendar read for the entered stage (null when no stage with a deadline is entered): a document view
   * after the transition needs no second read of the calendar.
   */
  slaBounds: SlaStatusBounds | null;
}

/**
 * The planner's one round trip ($1 document, $2 stages left, $3 now, $4 government, $5 kind, $6 stage entered,
 * $7-$8 the holidays' window, $9 whether a calendar is wanted, $10 the kept calendar's revision): closes the
 * deadlines of the stages left, reads the SLA override, the calendar revision and the government's zone, and the
 * holidays and office hours only when the revision is not the kept one's. Exported for bench/calendar-read-cost.mjs.
 */
export const STAGE_CHANGE_SQL = `WITH closed AS (
         UPDATE deadlines SET status = 'DONE', closed_at = $3
          WHERE document_id = $1 AND status = 'PENDING' AND stage = ANY($2::text[]) RETURNING id, stage
       ), now_held AS (SELECT ${CALENDAR_REVISION_SQL} AS revision, (SELECT time_zone FROM governments WHERE id = $4) AS "timeZone"),
       reading AS (SELECT $9::boolean AND (revision IS NULL OR $10::uuid IS DISTINCT FROM revision) AS calendar FROM now_held)
       SELECT (SELECT coalesce(json_agg(closed), '[]') FROM closed) AS closed,
              (SELECT row_to_json(p) FROM (
                 SELECT duration, business_days AS "businessDays", remind_before AS "remindBefore", escalate_after AS "escalateAfter",
                        escalate_every AS "escalateEvery", max_escalations AS "maxEscalations"
                   FROM sla_policies WHERE government_id = $4 AND kind = $5 AND stage = $6) p) AS policy,
              now_held.revision, now_held."timeZone",
              CASE WHEN reading.calendar THEN ${holidaysJsonSql('$4', '$7', '$8')} END AS holidays,
              CASE WHEN reading.calendar THEN ${officeHoursJsonSql('$4')} END AS "officeHours"
         FROM now_held, reading`;

/**
 * Works out a stage's deadline from the government's SLA (or the default) and its working-day
 * calendar. The caller holds the calendar lock (shared) before it calls in, so a holiday added or
 * removed at the same time never misses a deadline; see `lockCalendarExclusive`.
 */
@Injectable()
export class DeadlinePlanner {
  /** `calendars`: those read before, reused while the calendar revision stands. */
  constructor(private readonly calendars: WorkingCalendarCache) {}

  /**
   * One round trip: closes the deadlines of the stages left and reads what the entered stage's
   * deadline depends on (the government's SLA override, and its holidays and office hours unless the
   * calendar revision is the one of the calendar kept from before); the schedule is computed here.
   */
  async prepare(manager: EntityManager, subject: DeadlineSubject, change: StageChange, at: Date): Promise<PreparedStageChange> {
    const fallback = change.enter === null ? undefined : defaultSlaPolicy(subject.kind, change.enter);
    const prefetch = calendarWindow(at);
    const reading = { governmentId: subject.governmentId, timeZone: subject.timeZone, from: prefetch.from };
    const kept = this.calendars.get(reading);
    const [row] = await queryPrepared<{ closed: Array<{ id: string; stage: string }>; policy: SlaPolicy | null; revision: string | null; timeZone: string; holidays: Holiday[] | null; officeHours: OfficeHoursRow[] | null }>(
      manager,
      STAGE_CHANGE_SQL,
      [subject.documentId, change.leave, at, subject.governmentId, subject.kind, change.enter ?? '', prefetch.from, prefetch.to, fallback !== undefined, kept?.revision ?? null],
    );
    const closed = new Map(row.closed.map((c) => [c.stage, c.id]));
    if (change.enter === null || fallback === undefined) return { closed, planned: null, slaBounds: null };
    // the zone as of now, under the calendar lock: the document's was read before the lock was granted
    const inputs = row.holidays === null || row.officeHours === null ? null : { holidays: row.holidays, officeHours: toOfficeHours(row.officeHours) };
    const calendar = this.calendars.settle({ ...reading, timeZone: row.timeZone }, kept, { revision: row.revision, inputs });
    const slaBounds = slaStatusBounds(calendar, at);

    const policy = row.policy ?? fallback;
    // a calendar-day SLA counts no holiday; a working-day one longer than the holidays read reads them again
    const needed = holidayWindow(at, policy);
    const counting = !policy.businessDays
      ? calendar.withHolidays([])
      : needed.to > prefetch.to
        ? calendar.withHolidays(await holidaysOfGovernment(manager, subject.governmentId, needed))
        : calendar;
    return { closed, planned: this.schedule(change.enter, at, policy, counting), slaBounds };
  }

  /** The deadline of `stage` entered at `enteredAt` under `policy`, counted on `calendar` (pure). */
  private schedule(stage: string, enteredAt: Date, policy: SlaPolicy, calendar: WorkingDayCalendar): PlannedDeadline {
    return { id: randomUUID(), stage, enteredAt, policy, schedule: computeDeadlineSchedule({ enteredAt, policy, calendar }) };
  }
}

/** The INSERT of a planned deadline, as parameters of `INSERT_DEADLINE_SQL` starting at `$first`. */
export function deadlineInsertParams(subject: DeadlineSubject, d: PlannedDeadline): unknown[] {
  return [
    d.id,
    subject.documentId,
    subject.governmentId,
    subject.unitId,
    d.stage,
    d.enteredAt,
    d.schedule.dueAt,
    d.schedule.remindAt,
    d.schedule.escalations,
    JSON.stringify(d.policy),
    d.schedule.explanation,
    subject.kind, // given, so the fill-kind trigger need not read the document
  ];
}

/**
 * `$n` placeholders for `deadlineInsertParams`, numbered from `first`; `offeredRoles`, an SQL `text[]`, is what
 * the document's workflow offers whom as it enters the stage (`rolesOfferedTask`).
 */
export function insertDeadlineSql(first: number, offeredRoles: string): string {
  const p = (i: number) => `$${first + i}`;
  return `INSERT INTO deadlines (id, document_id, government_id, unit_id, stage, entered_at, due_at, remind_at, escalation_times, policy, explanation, kind, offered_roles)
          VALUES (${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}::timestamptz[], ${p(9)}::jsonb, ${p(10)}, ${p(11)}, ${offeredRoles})`;
}
