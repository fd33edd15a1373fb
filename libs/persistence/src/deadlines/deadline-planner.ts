import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { computeDeadlineSchedule, WorkingDayCalendar, type DeadlineSchedule, type DocumentKind, type Holiday, type SlaPolicy } from '#workflow';
import { lockCalendarShared } from '../calendar/calendar-lock.js';
import { holidaysOfGovernment, holidayWindow } from '../calendar/holiday-queries.js';
import { effectiveSlaPolicy } from '../sla/sla-policy.queries.js';

export interface DeadlineSubject {
  documentId: string;
  kind: DocumentKind;
  governmentId: string;
  timeZone: string;
}

export interface PlannedDeadline {
  stage: string;
  enteredAt: Date;
  policy: SlaPolicy;
  schedule: DeadlineSchedule;
}

/** For `holidaysFor` without a policy: 40 working days and three escalations a week apart. */
const LONG_ENOUGH: SlaPolicy = { duration: 'P40D', businessDays: true, remindBefore: 'P1D', escalateAfter: 'P5D', escalateEvery: 'P5D', maxEscalations: 3 };

/**
 * Works out a stage's deadline from the government's SLA (or the default) and its working-day calendar.
 * Opening and closing take the calendar lock (shared) first, so a holiday added or removed at the
 * same time never misses a deadline; see `lockCalendarExclusive`.
 */
@Injectable()
export class DeadlinePlanner {
  async plan(manager: EntityManager, subject: DeadlineSubject, stage: string, enteredAt: Date): Promise<PlannedDeadline | null> {
    const policy = await this.policyFor(manager, subject, stage);
    if (!policy) return null;
    // Calendar-day stages skip no holiday: no need to read them.
    const holidays = policy.businessDays ? await this.holidaysFor(manager, subject, enteredAt, policy) : [];
    const calendar = new WorkingDayCalendar({ timeZone: subject.timeZone, holidays });
    return { stage, enteredAt, policy, schedule: computeDeadlineSchedule({ enteredAt, policy, calendar }) };
  }

  /** The SLA of a stage for the document's government (one query); the domain default when it has set none. */
  async policyFor(manager: EntityManager, subject: DeadlineSubject, stage: string): Promise<SlaPolicy | null> {
    return effectiveSlaPolicy(manager, subject.governmentId, subject.kind, stage);
  }

  /**
   * National holidays and the government's own (one query), from the day before `from` to far
   * enough after it for `policy` (see `holidayWindow`; without a policy, about a year and a half).
   */
  async holidaysFor(manager: EntityManager, subject: DeadlineSubject, from: Date, policy?: SlaPolicy): Promise<Holiday[]> {
    const window = holidayWindow(from, policy ?? LONG_ENOUGH);
    return holidaysOfGovernment(manager, subject.governmentId, window);
  }

  /** Opens the stage's deadline row; returns its id (null for a stage without SLA). */
  async open(manager: EntityManager, subject: DeadlineSubject, stage: string, enteredAt: Date): Promise<string | null> {
    await lockCalendarShared(manager);
    const planned = await this.plan(manager, subject, stage, enteredAt);
    if (!planned) return null;
    const [row] = await manager.query(
      `INSERT INTO deadlines (document_id, stage, entered_at, due_at, remind_at, escalation_times, policy, explanation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        subject.documentId,
        stage,
        enteredAt,
        planned.schedule.dueAt,
        planned.schedule.remindAt,
        planned.schedule.escalations,
        JSON.stringify(planned.policy),
        planned.schedule.explanation,
      ],
    );
    return row.id as string;
  }

  /** Closes the pending deadline of a stage the document left; returns its id (null if none). */
  async close(manager: EntityManager, documentId: string, stage: string, at: Date): Promise<string | null> {
    // Before the row lock below: a holiday change holds the calendar lock and then locks deadline rows.
    await lockCalendarShared(manager);
    // TypeORM answers an UPDATE with [rows, rowCount]
    const [rows]: [Array<{ id: string }>, number] = await manager.query(
      `UPDATE deadlines SET status = 'DONE', closed_at = $3
        WHERE document_id = $1 AND stage = $2 AND status = 'PENDING' RETURNING id`,
      [documentId, stage, at],
    );
    return rows[0]?.id ?? null;
  }
}
