import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/app.exception.js';
import { UUID } from '../documents/document-record.js';
import type { Static } from 'typebox';
import type { ListNotificationsQuery, NotificationList, NotificationView } from './notification.schemas.js';

const COLUMNS = `id, type, document_kind AS "documentKind", document_id AS "documentId", title, message,
                 created_at AS "createdAt", read_at AS "readAt"`;

/** The caller's own notifications: nobody reads or marks anyone else's. */
@Injectable()
export class NotificationQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(userId: string, query: Static<typeof ListNotificationsQuery>): Promise<NotificationList> {
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    const unreadOnly = query.unread === true;
    const filter = unreadOnly ? 'AND read_at IS NULL' : '';
    const [items, [counts]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM notifications WHERE user_id = $1 ${filter}
          ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
        [userId, limit, (page - 1) * limit],
      ) as Promise<NotificationView[]>,
      this.dataSource.query(
        `SELECT count(*)::int AS total, count(*) FILTER (WHERE read_at IS NULL)::int AS unread FROM notifications WHERE user_id = $1`,
        [userId],
      ) as Promise<Array<{ total: number; unread: number }>>,
    ]);
    return { items, total: unreadOnly ? counts.unread : counts.total, unread: counts.unread, page, limit };
  }

  /** Marks one of the caller's notifications read (a second call keeps the first time); 404 otherwise. */
  async markRead(userId: string, id: string): Promise<NotificationView> {
    if (!UUID.test(id)) throw notFound('Notification');
    const [rows]: [NotificationView[], number] = await this.dataSource.query(
      `UPDATE notifications SET read_at = COALESCE(read_at, now()) WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
      [id, userId],
    );
    if (!rows[0]) throw notFound('Notification');
    return rows[0];
  }
}
