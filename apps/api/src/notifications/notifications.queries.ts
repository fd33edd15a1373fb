import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/app.exception.js';
import { countNotificationsOf, listNotificationsOf, markNotificationRead, markNotificationsReadUpTo } from '#persistence';
import { isUuid } from '#workflow';
import type { Static } from 'typebox';
import type { ListNotificationsQuery, NotificationList, NotificationView } from './notification.schemas.js';

/** The caller's own notifications: nobody reads or marks anyone else's. */
@Injectable()
export class NotificationQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(userId: string, query: Static<typeof ListNotificationsQuery>): Promise<NotificationList> {
    const page = query.page ?? 1;
    const limit = query.limit ?? 20;
    const unreadOnly = query.unread === true;
    const [items, counts] = await Promise.all([
      listNotificationsOf(this.dataSource.manager, userId, { unreadOnly, limit, offset: (page - 1) * limit }),
      countNotificationsOf(this.dataSource.manager, userId, { unreadOnly }),
    ]);
    // the worker writes a document's kind (quick-win or regulation), or null
    return { items: items as NotificationView[], total: counts.listed, unread: counts.unread, page, limit };
  }

  /** Marks one of the caller's notifications read (a second call keeps the first time); 404 otherwise. */
  async markRead(userId: string, id: string): Promise<NotificationView> {
    if (!isUuid(id)) throw notFound('Notification');
    const row = await markNotificationRead(this.dataSource.manager, userId, id);
    if (!row) throw notFound('Notification');
    return row as NotificationView;
  }

  /** Marks read the caller's notifications up to the newest one they were shown (`upTo`); 404 when it is not theirs. */
  async markReadUpTo(userId: string, upTo: string): Promise<{ marked: number; unread: number }> {
    const result = await markNotificationsReadUpTo(this.dataSource.manager, userId, upTo);
    if (!result) throw notFound('Notification');
    return result;
  }
}
