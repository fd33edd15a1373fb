import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class ListNotificationsQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only unread notifications' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'unread must be true or false' })
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ example: '1' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,5}$/, { message: 'page must be a whole number from 1' })
  page?: string;

  @ApiPropertyOptional({ example: '20' })
  @IsOptional()
  @Matches(/^([1-9]|[1-9]\d|100)$/, { message: 'limit must be a whole number from 1 to 100' })
  limit?: string;
}

/** A notification as the API shows it (api.md). */
export interface NotificationView {
  id: string;
  type: string;
  /** null for a notification about no single document: the weekly digest, DELEGATION_GRANTED, DELEGATION_REVOKED. */
  documentKind: string | null;
  documentId: string | null;
  title: string;
  message: string;
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
