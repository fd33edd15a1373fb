import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxMessageType } from '#queue';
import { needsRecompute, recomputeSchedule, type DeadlineSchedule, type LocalDate, type SlaPolicy } from '#workflow';
import { holidayWindow, unionWindow } from '../calendar/holiday-queries.js';
import { calendarInputsByGovernment } from '../calendar/working-calendars.js';

/** Which deadlines a holiday change can move. */
export interface HolidayChange {
  date: LocalDate;
  /** null: a national holiday, every government's deadlines */
  governmentId: string | null;
}

/**
 * Which deadlines a change of calendar can move: a holiday's (the working-day ones whose window holds
 * its date), a government's office hours (all of its working-day ones) or its time zone (all of its,
 * calendar-day ones too: their explanations name the zone).
 */
type CalendarChange = (HolidayChange & { calendarDays?: false }) | { date: null; governmentId: string; calendarDays: boolean };

export interface RescheduleReport {
  /** pending working-day deadlines whose window holds the date */
  examined: number;
  /** of those, the ones whose schedule or explanation changed (each got a DEADLINE_RESCHEDULED row) */
  rescheduled: number;
}

interface PendingDeadlineRow {
  id: string;
  enteredAt: Date;
  dueAt: Date;
  remindAt: Date | null;
  escalationTimes: Date[];
  policy: SlaPolicy;
  explanation: string;
  governmentId: string;
  timeZone: string;
}

export const RESCHEDULE_BATCH_SIZE = 500;

/**
 * After a holiday was added or removed, or a government's office hours or time zone changed (call it in
 * the same transaction, after the write and after `lockCalendarExclusive`): recomputes every PENDING
 * working-day deadline (for a time zone, every one) of the affected governments whose due time has not passed (and, for a holiday,
 * whose window from entry to last escalation holds the date), from its original entry and policy
 * under the new calendar. A changed one gets its new due, reminder,
 * escalation times and explanation, `generation + 1`, and an outbox row
 * `DEADLINE_RESCHEDULED {deadlineId, generation}` for the worker to move its jobs.
 *
 * Pages by id (keyset, `FOR UPDATE` so a worker marking a deadline at the same time is waited for),
 * with one calendar query and one write per page.
 */
@Injectable()
export class DeadlineRescheduler {
  async afterHolidayChange(manager: EntityManager, change: HolidayChange, now: Date, batchSize = RESCHEDULE_BATCH_SIZE): Promise<RescheduleReport> {
    return this.afterCalendarChange(manager, change, now, batchSize);
  }

  /** The same for a change of the government's office hours: every pending working-day deadline of that government. */
  async afterOfficeHoursChange(manager: EntityManager, governmentId: string, now: Date, batchSize = RESCHEDULE_BATCH_SIZE): Promise<RescheduleReport> {
    return this.afterCalendarChange(manager, { date: null, governmentId, calendarDays: false }, now, batchSize);
  }

  /** The same for a change of the government's time zone: every pending deadline of that government, calendar-day ones too. */
  async afterTimeZoneChange(manager: EntityManager, governmentId: string, now: Date, batchSize = RESCHEDULE_BATCH_SIZE): Promise<RescheduleReport> {
    return this.afterCalendarChange(manager, { date: null, governmentId, calendarDays: true }, now, batchSize);
  }

  private async afterCalendarChange(manager: EntityManager, change: CalendarChange, now: Date, batchSize: number): Promise<RescheduleReport> {
    const report: RescheduleReport = { examined: 0, rescheduled: 0 };
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await this.pendingPage(manager, change, now, after, batchSize);
      if (rows.length === 0) return report;
      after = rows[rows.length - 1]!.id;
      report.examined += rows.length;
      report.rescheduled += await this.recomputePage(manager, rows);
      if (rows.length < batchSize) return report;
    }
  }

  private async pendingPage(manager: EntityManager, change: CalendarChange, now: Date, after: string, limit: number): Promise<PendingDeadlineRow[]> {
    // The window test is on local dates with a day of slack either side; the recomputation decides.
    return manager.query(
      `SELECT dl.id, dl.entered_at AS "enteredAt", dl.due_at AS "dueAt", dl.remind_at AS "remindAt",
              dl.escalation_times AS "escalationTimes", dl.policy, dl.explanation,
              d.government_id AS "governmentId", g.time_zone AS "timeZone"
         FROM deadlines dl
         JOIN documents d ON d.id = dl.document_id
         JOIN governments g ON g.id = d.government_id
        WHERE dl.status = 'PENDING'
          AND dl.id > $1::uuid
          AND dl.due_at > $2
          AND ($6 OR (dl.policy ->> 'businessDays')::boolean)
          AND ($3::uuid IS NULL OR d.government_id = $3::uuid)
          AND ($4::date IS NULL
               OR $4::date BETWEEN (dl.entered_at AT TIME ZONE g.time_zone)::date - 1
                               AND (COALESCE(dl.escalation_times[cardinality(dl.escalation_times)], dl.due_at) AT TIME ZONE g.time_zone)::date + 1)
        ORDER BY dl.id
        LIMIT $5
        FOR UPDATE OF dl`,
      [after, now, change.governmentId, change.date, limit, change.calendarDays === true],
    );
  }

  private async recomputePage(manager: EntityManager, rows: readonly PendingDeadlineRow[]): Promise<number> {
    const governmentIds = [...new Set(rows.map((r) => r.governmentId))];
    const window = unionWindow(rows.map((r) => holidayWindow(r.enteredAt, r.policy)))!;
    const calendars = await calendarInputsByGovernment(manager, governmentIds, window);

    const changed: Array<{ id: string; schedule: DeadlineSchedule }> = [];
    for (const row of rows) {
      const previous: DeadlineSchedule = {
        dueAt: row.dueAt,
        remindAt: row.remindAt,
        escalations: row.escalationTimes,
        explanation: row.explanation,
      };
      const next = recomputeSchedule({
        enteredAt: row.enteredAt,
        policy: row.policy,
        timeZone: row.timeZone,
        ...calendars.get(row.governmentId)!,
      });
      if (needsRecompute(previous, next)) changed.push({ id: row.id, schedule: next });
    }
    if (changed.length === 0) return 0;

    await manager.query(
      `WITH next AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
             AS n(id uuid, "dueAt" timestamptz, "remindAt" timestamptz, "escalationTimes" timestamptz[], explanation text)
       ), updated AS (
         UPDATE deadlines dl
            SET due_at = n."dueAt", remind_at = n."remindAt", escalation_times = n."escalationTimes",
                explanation = n.explanation, generation = dl.generation + 1
           FROM next n
          WHERE dl.id = n.id
         RETURNING dl.id, dl.document_id, dl.generation
       )
       INSERT INTO outbox (document_id, type, payload)
       SELECT document_id, $2, jsonb_build_object('deadlineId', id, 'generation', generation)
         FROM updated ORDER BY id`,
      [
        JSON.stringify(
          changed.map(({ id, schedule }) => ({
            id,
            dueAt: schedule.dueAt.toISOString(),
            remindAt: schedule.remindAt?.toISOString() ?? null,
            escalationTimes: schedule.escalations.map((at) => at.toISOString()),
            explanation: schedule.explanation,
          })),
        ),
        OutboxMessageType.DeadlineRescheduled,
      ],
    );
    return changed.length;
  }
}
