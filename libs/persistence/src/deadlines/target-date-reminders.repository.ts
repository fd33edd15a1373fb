import type { EntityManager } from 'typeorm';
import { ENACTED_REGULATION_STATES } from '#workflow';

/** A regulation with a targetDate, and the reminders (days before) already sent for that date. */
export interface TargetDateRow {
  id: string;
  targetDate: string;
  createdAt: Date;
  timeZone: string;
  fired: number[] | null;
}

/** A page of regulations not final nor enacted (signed) whose targetDate lies in [from, to], after `cursor` (keyset). */
export async function targetDatesPage(
  manager: EntityManager,
  window: { from: string; to: string },
  cursor: { date: string; id: string },
  limit: number,
): Promise<TargetDateRow[]> {
  return manager.query(
    `SELECT d.id, d.content->>'targetDate' AS "targetDate", d.created_at AS "createdAt", g.time_zone AS "timeZone",
            ARRAY(SELECT t.days_before FROM target_date_reminders t
                   WHERE t.document_id = d.id AND t.target_date::text = d.content->>'targetDate') AS fired
       FROM documents d JOIN governments g ON g.id = d.government_id
      WHERE d.kind = 'regulation' AND NOT d.final AND d.state <> ALL($6::text[]) AND d.content->>'targetDate' IS NOT NULL
        AND d.content->>'targetDate' BETWEEN $1 AND $2
        AND (d.content->>'targetDate', d.id) > ($3::text, $4::uuid)
      ORDER BY d.content->>'targetDate', d.id
      LIMIT $5`,
    [window.from, window.to, cursor.date, cursor.id, limit, ENACTED_REGULATION_STATES],
  );
}

/** Records a targetDate reminder; false when it was recorded already. */
export async function recordTargetDateReminder(manager: EntityManager, documentId: string, targetDate: string, daysBefore: number): Promise<boolean> {
  const fresh: unknown[] = await manager.query(
    `INSERT INTO target_date_reminders (document_id, target_date, days_before) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING 1`,
    [documentId, targetDate, daysBefore],
  );
  return fresh.length === 1;
}
