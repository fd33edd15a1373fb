import Type, { type Static } from 'typebox';
import { Closed, Nullable, OneOf, PageOf, PageQuery } from '../common/contract/fields.js';
import { named } from '../common/contract/schema-names.js';

export const ListNotificationsQuery = Closed({
  unread: Type.Optional(Type.Boolean({ description: 'true: unread notifications only' })),
  ...PageQuery(100, 20),
});

/** A notification as the API shows it (api.md). */
export const NotificationSchema = named(
  'Notification',
  Type.Object(
    {
      id: Type.String({ format: 'uuid' }),
      type: Type.String({ description: 'ASSIGNED, RETURNED, APPROVED, REJECTED, REMINDER, OVERDUE, ESCALATION, PUBLISHED, CANCELLED, WEEKLY_DIGEST, DELEGATION_GRANTED, DELEGATION_REVOKED, HOLIDAYS_MISSING (to a province\'s ADMINs with the weekly digest: a year without national holidays)', examples: ['ASSIGNED'] }),
      documentKind: Nullable(OneOf(['quick-win', 'regulation'] as const), {
        description: 'null for a notification about no single document: WEEKLY_DIGEST, DELEGATION_GRANTED, DELEGATION_REVOKED, HOLIDAYS_MISSING',
        examples: ['quick-win'],
      }),
      documentId: Nullable(Type.String({ format: 'uuid' })),
      title: Type.String({ examples: ['Quick Win menunggu persetujuan Anda'] }),
      message: Type.String(),
      createdAt: Type.String({ format: 'date-time' }),
      readAt: Nullable(Type.String({ format: 'date-time' })),
    },
    { additionalProperties: false },
  ),
);

export const NotificationListSchema = named(
  'NotificationList',
  PageOf(NotificationSchema, { unread: Type.Integer({ minimum: 0 }) }, 'All (or all unread, with ?unread=true)'),
);

export const MarkNotificationsReadBody = named(
  'MarkNotificationsRead',
  Closed({
    upTo: Type.String({
      format: 'uuid',
      description: 'The newest notification the caller was shown: it and every older one become read, a newer one stays unread',
    }),
  }),
);

export const NotificationsMarkedSchema = named(
  'NotificationsMarked',
  Type.Object(
    {
      marked: Type.Integer({ minimum: 0, description: 'How many were unread and are now read' }),
      unread: Type.Integer({ minimum: 0, description: 'How many stay unread (newer than upTo)' }),
    },
    { additionalProperties: false },
  ),
);

export interface NotificationView extends Omit<Static<typeof NotificationSchema>, 'createdAt' | 'readAt'> {
  createdAt: Date;
  readAt: Date | null;
}

export interface NotificationList {
  items: NotificationView[];
  total: number;
  unread: number;
  page: number;
  limit: number;
}
