import type { DataSource } from 'typeorm';
import { toOfficeHours, type OfficeHoursRow } from '#persistence';
import { WorkingDayCalendar, type Holiday } from '#workflow';

/** A government's working-day calendar as the database holds it now: its zone, the national holidays and its own, its office hours. */
export async function calendarInDatabase(dataSource: DataSource, governmentCode: string): Promise<WorkingDayCalendar> {
  const [government]: Array<{ id: string; timeZone: string }> = await dataSource.query(`SELECT id, time_zone AS "timeZone" FROM governments WHERE code = $1`, [governmentCode]);
  const holidays: Holiday[] = await dataSource.query(
    `SELECT to_char(date, 'YYYY-MM-DD') AS date, name FROM holidays WHERE government_id IS NULL OR government_id = $1`,
    [government.id],
  );
  const hours: OfficeHoursRow[] = await dataSource.query(
    `SELECT weekday, to_char(opens, 'HH24:MI') AS opens, to_char(closes, 'HH24:MI') AS closes FROM office_hours WHERE government_id = $1`,
    [government.id],
  );
  return new WorkingDayCalendar({ timeZone: government.timeZone, holidays, officeHours: toOfficeHours(hours) });
}

export interface RushedTimes {
  /** Milliseconds from now; null: no reminder. */
  remindInMs: number | null;
  dueInMs: number;
  escalationsInMs: number[];
  /** Written into the deadline's policy; defaults to the number of escalation times. */
  maxEscalations?: number;
}

/**
 * Moves a document's pending deadline to times a test can wait for, the way a recomputation does
 * (issue 5, holidays): new times, `generation + 1`, and a `DEADLINE_RESCHEDULED {deadlineId, generation}` outbox
 * row in the same transaction. Returns the deadline id.
 */
export async function rushDeadline(dataSource: DataSource, documentId: string, times: RushedTimes): Promise<string> {
  const now = Date.now();
  const at = (ms: number): Date => new Date(now + ms);
  return dataSource.transaction(async (tx) => {
    const [rows] = await tx.query(
      `UPDATE deadlines SET remind_at = $2, due_at = $3, escalation_times = $4::timestamptz[],
              policy = policy || jsonb_build_object('maxEscalations', $5::int), generation = generation + 1
        WHERE document_id = $1 AND status = 'PENDING' RETURNING id, generation`,
      [documentId, times.remindInMs === null ? null : at(times.remindInMs), at(times.dueInMs), times.escalationsInMs.map(at), times.maxEscalations ?? times.escalationsInMs.length],
    );
    if (!rows[0]) throw new Error(`document ${documentId} has no pending deadline`);
    await tx.query(
      `INSERT INTO outbox (document_id, type, payload) VALUES ($1, 'DEADLINE_RESCHEDULED', jsonb_build_object('deadlineId', $2::text, 'generation', $3::int))`,
      [documentId, rows[0].id, rows[0].generation],
    );
    return rows[0].id as string;
  });
}

export interface StoredNotification {
  id: string;
  type: string;
  username: string;
  title: string;
  message: string;
  dedupKey: string;
  createdAt: Date;
  emailedAt: Date | null;
}

/** Every notification about a document, oldest first. */
export async function notificationsOf(dataSource: DataSource, documentId: string): Promise<StoredNotification[]> {
  return dataSource.query(
    `SELECT n.id, n.type, u.username, n.title, n.message, n.dedup_key AS "dedupKey", n.created_at AS "createdAt", n.emailed_at AS "emailedAt"
       FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.document_id = $1 ORDER BY n.created_at, n.dedup_key`,
    [documentId],
  );
}

/** "TYPE username" for each notification, sorted: compact to compare with what a test expects. */
export function summarise(notifications: readonly StoredNotification[], types?: readonly string[]): string[] {
  return notifications
    .filter((n) => !types || types.includes(n.type))
    .map((n) => `${n.type} ${n.username}`)
    .sort();
}

/** Gives `delegate` the `role` of `principal` from an hour ago for a day (a Plh, written directly). */
export async function delegate(dataSource: DataSource, principal: string, delegateUsername: string, role: string, kind: 'PLT' | 'PLH' = 'PLH'): Promise<void> {
  await dataSource.query(
    `INSERT INTO delegations (principal_id, delegate_id, role, kind, reason, starts_at, ends_at, created_by)
     SELECT p.id, d.id, $3, $4, 'Dinas luar', now() - interval '1 hour', now() + interval '1 day', p.id
       FROM users p, users d WHERE p.username = $1 AND d.username = $2`,
    [principal, delegateUsername, role, kind],
  );
}
