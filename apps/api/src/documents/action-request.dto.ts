import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ActionRequestDto {
  @ApiProperty({ example: 'APPROVE' })
  @IsString()
  @Matches(/^[A-Z_]{2,40}$/, { message: 'action must be an action name such as SUBMIT or APPROVE' })
  action: string;

  @ApiPropertyOptional({ description: 'Required for RETURN and REJECT' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string;

  @ApiPropertyOptional({ description: 'Action data (REPORT_PROGRESS, EVALUATE, RECORD_HARMONIZATION, PUBLISH)' })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}

export class ListDocumentsQueryDto {
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,40}(\.[a-z_]{1,40})?$/, { message: 'state must be a state name such as draft or coordination.assistant' })
  state?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9-]{1,60}$/)
  unitCode?: string;

  @IsOptional()
  @Matches(/^\d{4}$/, { message: 'year must be a four-digit year' })
  year?: string;

  @IsOptional()
  @Matches(/^[1-9]\d{0,5}$/, { message: 'page must be a whole number from 1' })
  page?: string;

  @IsOptional()
  @Matches(/^([1-9]|[1-9]\d|100)$/, { message: 'limit must be a whole number from 1 to 100' })
  limit?: string;
}
