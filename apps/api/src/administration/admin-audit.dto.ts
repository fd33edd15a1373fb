import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

const TARGETS = ['GOVERNMENT', 'UNIT', 'USER'] as const;

export class ListAdminAuditQueryDto {
  @ApiPropertyOptional({ enum: TARGETS })
  @IsOptional()
  @IsIn(TARGETS, { message: 'targetType must be GOVERNMENT, UNIT or USER' })
  targetType?: (typeof TARGETS)[number];

  @ApiPropertyOptional({ example: '1' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,5}$/, { message: 'page must be a whole number from 1' })
  page?: string;

  @ApiPropertyOptional({ example: '50' })
  @IsOptional()
  @Matches(/^([1-9]|[1-9]\d|1\d\d|200)$/, { message: 'limit must be a whole number from 1 to 200' })
  limit?: string;
}

/** One change to governments, units, people or roles. */
export interface AdminAuditView {
  id: string;
  at: Date;
  /** null: the bootstrap command */
  actor: string | null;
  action: string;
  targetType: (typeof TARGETS)[number];
  targetKey: string;
  governmentCode: string;
  before: object | null;
  after: object | null;
}
