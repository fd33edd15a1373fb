import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications.controller.js';
import { NotificationQueries } from './notifications.queries.js';

/** Read side of notifications; the worker writes them. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationQueries],
})
export class NotificationsModule {}
