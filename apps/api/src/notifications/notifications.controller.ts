import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Static } from 'typebox';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { ValidBody, ValidQuery } from '../common/contract/schema.pipe.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { ListNotificationsQuery, MarkNotificationsReadBody, NotificationListSchema, NotificationSchema, NotificationsMarkedSchema } from './notification.schemas.js';
import { NotificationQueries } from './notifications.queries.js';

@ApiTags('notifications')
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationQueries) {}

  @Get()
  @Endpoint({
    operationId: 'listNotifications',
    summary: "The caller's notifications, newest first; ?unread=true for unread ones only",
    query: ListNotificationsQuery,
    success: { status: 200, description: 'A page of notifications', schema: NotificationListSchema },
  })
  list(@CurrentUser() user: AuthenticatedUser, @ValidQuery(ListNotificationsQuery) query: Static<typeof ListNotificationsQuery>) {
    return this.notifications.list(user.id, query);
  }

  @Post('read')
  @HttpCode(200)
  @Endpoint({
    operationId: 'markNotificationsRead',
    summary: "Mark read the caller's notifications up to the newest one they were shown (\"Tandai semua sudah dibaca\")",
    description: 'A notification newer than upTo (one that arrived after the caller looked) stays unread.',
    body: MarkNotificationsReadBody,
    success: { status: 200, description: 'How many were marked, and how many stay unread', schema: NotificationsMarkedSchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  markAllRead(@CurrentUser() user: AuthenticatedUser, @ValidBody(MarkNotificationsReadBody) body: Static<typeof MarkNotificationsReadBody>) {
    return this.notifications.markReadUpTo(user.id, body.upTo);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Endpoint({
    operationId: 'markNotificationRead',
    summary: 'Mark one of the caller’s notifications read (again: the first time stays)',
    success: { status: 200, description: 'The notification', schema: NotificationSchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  markRead(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.notifications.markRead(user.id, id);
  }
}
