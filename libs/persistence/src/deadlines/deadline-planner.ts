import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { computeDeadlineSchedule, defaultSlaPolicy, WorkingDayCalendar, type DeadlineSchedule, type DocumentKind, type Holiday, type SlaPolicy } from '#workflow';

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

/** Works out a stage's deadline from the government's SLA (or the default) and its working-day calendar. */
@Injectable()
export class DeadlinePlanner {
  async plan(manager: EntityManager, subject: DeadlineSubject, stage: string, enteredAt: Date): Promise<PlannedDeadline | null> {
    const policy = await this.policyFor(manager, subject, stage);
    if (!policy) return null;
    const calendar = new WorkingDayCalendar({ timeZone: subject.timeZone, holidays: await this.holidaysFor(manager, subject, enteredAt) });
    return { stage, enteredAt, policy, schedule: computeDeadlineSchedule({ enteredAt, policy, calendar }) };
  }

  /** The SLA of a stage for the document's government; the domain default when it has set none. */
  async policyFor(_manager: EntityManager, subject: DeadlineSubject, stage: string): Promise<SlaPolicy | null> {
    return defaultSlaPolicy(subject.kind, stage) ?? null;
  }

  /** National holidays and the government's own. */
  async holidaysFor(_manager: EntityManager, _subject: DeadlineSubject, _from: Date): Promise<Holiday[]> {
    return [];
  }

  /** Opens the stage's deadline row; returns its id (null for a stage without SLA). */
  async open(manager: EntityManager, subject: DeadlineSubject, stage: string, enteredAt: Date): Promise<string | null> {
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
    // TypeORM answers an UPDATE with [rows, rowCount]
    const [rows]: [Array<{ id: string }>, number] = await manager.query(
      `UPDATE deadlines SET status = 'DONE', closed_at = $3
        WHERE document_id = $1 AND stage = $2 AND status = 'PENDING' RETURNING id`,
      [documentId, stage, at],
    );
    return rows[0]?.id ?? null;
  }
}
