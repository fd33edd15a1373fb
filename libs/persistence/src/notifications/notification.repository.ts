import type { EntityManager } from 'typeorm';
import type { DocumentKind, NotificationType } from '#workflow';
import { queryPrepared } from '../prepared-query.util.js';

/** A notification as its recipient reads it. */
export interface NotificationRow {
  id: string;
  type: string;
  /** null for a notification about no single document (the weekly digest, a delegation). */
  documentKind: string | null;
  documentId: string | null;
  title: string;
  message: string;
  createdAt: Date;
  readAt: Date | null;
}

/** A notification to store, once per deduplication key. */
export interface NotificationDraft {
  userId: string;
  type: NotificationType;
  /** null for a notification about no single document (the weekly digest, a delegation). */
  documentKind: string | null;
  documentId: string | null;
  title: string;
  message: string;
  dedupKey: string;
}

/** What an e-mail of a notification needs. */
export interface NotificationMailRow {
  type: NotificationType;
  documentKind: DocumentKind | null;
  documentId: string | null;
  title: string;
  message: string;
  dedupKey: string;
  emailedAt: Date | null;
  email: string | null;
  name: string;
  governmentName: string;
}

const COLUMNS = `id, type, document_kind AS "documentKind", document_id AS "documentId", title, message,
                 created_at AS "createdAt", read_at AS "readAt"`;

/** A page of the user's notifications, newest first; only the unread when asked. */
export async function listNotificationsOf(
  manager: EntityManager,
  userId: string,
  page: { unreadOnly: boolean; limit: number; offset: number },
): Promise<NotificationRow[]> {
  return queryPrepared<NotificationRow>(
    manager,
    `SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 ${page.unreadOnly ? 'AND read_at IS NULL' : ''}
      ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
    [userId, page.limit, page.offset],
  );
}

/**
 * How many notifications the list holds (all the user's, or only the unread) and how many are unread.
 * The bell of every open page asks for the unread ones every 15 s: those are counted on the unread
 * index alone, not over the user's whole history, which grows by the year.
 */
export async function countNotificationsOf(manager: EntityManager, userId: string, list: { unreadOnly: boolean }): Promise<{ listed: number; unread: number }> {
  if (list.unreadOnly) {
    const [{ unread }] = await queryPrepared<{ unread: number }>(manager, `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`, [userId]);
    return { listed: unread, unread };
  }
  const [counts] = await queryPrepared<{ listed: number; unread: number }>(
    manager,
    `SELECT count(*)::int AS listed, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = $1`,
    [userId],
  );
  return counts;
}

/** Marks one of the user's notifications read (a second call keeps the first time); null when it is not theirs. */
export async function markNotificationRead(manager: EntityManager, userId: string, id: string): Promise<NotificationRow | null> {
  const [rows]: [NotificationRow[], number] = await manager.query(
    `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
    [id, userId],
  );
  return rows[0] ?? null;
}

/**
 * Marks read the user's unread notifications from `upToId` down, in the list's order (newest first):
 * that one and every older one, never a newer one the user has not been shown yet. Returns how many
 * it marked and how many stay unread; null when `upToId` is not one of the user's.
 */
export async function markNotificationsReadUpTo(manager: EntityManager, userId: string, upToId: string): Promise<{ marked: number; unread: number } | null> {
  const [row]: Array<{ found: boolean; marked: number; unreadBefore: number }> = await manager.query(
    `WITH up_to AS (SELECT created_at, id FROM notifications WHERE id = $2 AND user_id = $1),
          marked AS (
            UPDATE notifications n SET read_at = now() FROM up_to
             WHERE n.user_id = $1 AND n.read_at IS NULL AND (n.created_at, n.id) <= (up_to.created_at, up_to.id)
            RETURNING 1
          )
     SELECT EXISTS (SELECT 1 FROM up_to) AS found, (SELECT count(*) FROM marked)::int AS marked,
            (SELECT count(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL)::int AS "unreadBefore"`,
    [userId, upToId],
  );
  return row.found ? { marked: row.marked, unread: row.unreadBefore - row.marked } : null;
}

/**
 * Inserts the drafts whose key is new; returns how many were. The drafts come in the order things
 * happened (the outbox relay writes a whole backlog in one transaction), so each is stamped a
 * microsecond after the one before it: `created_at` (newest first in every list) keeps that order
 * instead of giving the batch one instant that the ids would order at random.
 */
export async function insertNotifications(manager: EntityManager, drafts: readonly NotificationDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const rows = await queryPrepared(
    manager,
    `INSERT INTO notifications (user_id, type, document_kind, document_id, title, message, dedup_key, created_at)
     SELECT (n.draft->>'userId')::uuid, n.draft->>'type', n.draft->>'documentKind', (n.draft->>'documentId')::uuid,
            n.draft->>'title', n.draft->>'message', n.draft->>'dedupKey', now() + n.position * interval '1 microsecond'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS n(draft, position)
     ON CONFLICT (dedup_key) DO NOTHING
     RETURNING 1`,
    [JSON.stringify(drafts)],
  );
  return rows.length;
}

/** The ids of the notifications with these keys not yet e-mailed whose recipient has an address. */
export async function notificationsAwaitingEmail(manager: EntityManager, dedupKeys: readonly string[]): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.dedup_key = ANY($1::text[]) AND n.emailed_at IS NULL AND u.email IS NOT NULL`,
    [dedupKeys],
  );
  return rows.map((r) => r.id);
}

export async function findNotificationMail(manager: EntityManager, notificationId: string): Promise<NotificationMailRow | null> {
  const [row]: NotificationMailRow[] = await manager.query(
    `SELECT n.type, n.document_kind AS "documentKind", n.document_id AS "documentId", n.title, n.message, n.dedup_key AS "dedupKey", n.emailed_at AS "emailedAt", u.email, u.name, g.name AS "governmentName"
       FROM notifications n JOIN users u ON u.id = n.user_id JOIN governments g ON g.id = u.government_id
      WHERE n.id = $1`,
    [notificationId],
  );
  return row ?? null;
}

/** Records that the notification was e-mailed (the first time stands). */
export async function markNotificationEmailed(manager: EntityManager, notificationId: string): Promise<void> {
  await manager.query(`UPDATE notifications SET emailed_at = now() WHERE id = $1 AND emailed_at IS NULL`, [notificationId]);
}

/** A page (by id, after `afterId`) of notifications created in (createdAfter, createdBefore) still to be e-mailed. */
export async function unsentEmailsPage(
  manager: EntityManager,
  window: { createdAfter: Date; createdBefore: Date },
  afterId: string,
  limit: number,
): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id
      WHERE n.emailed_at IS NULL AND u.email IS NOT NULL AND n.created_at > $1 AND n.created_at < $2 AND n.id > $3
      ORDER BY n.id LIMIT $4`,
    [window.createdAfter, window.createdBefore, afterId, limit],
  );
  return rows.map((r) => r.id);
}
