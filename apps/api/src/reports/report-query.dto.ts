import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsDateOnly } from '../common/validation/is-date-only.decorator.js';

export const REPORT_NAMES = ['stage-times', 'open-by-sla', 'throughput', 'workload', 'quick-wins'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
export const REPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `GET /api/reports/:name?year=&kind=&unitCode=&from=&to=&format=` */
export class ReportQueryDto {
  @ApiPropertyOptional({ example: '2026', description: 'Calendar year (default: this year in the government’s zone, unless from/to are given)' })
  @IsOptional()
  @Matches(/^(19[7-9]\d|2\d{3})$/, { message: 'year must be a year from 1970 to 2999' })
  year?: string;

  @ApiPropertyOptional({ enum: ['quick-win', 'regulation'] })
  @IsOptional()
  @IsIn(['quick-win', 'regulation'], { message: 'kind must be quick-win or regulation' })
  kind?: string;

  @ApiPropertyOptional({ example: 'diskominfo', description: 'One unit (OPD) of the caller’s government' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,62}$/, { message: 'unitCode must be a unit code such as diskominfo' })
  unitCode?: string;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day (inclusive)' })
  @IsOptional()
  @IsDateOnly()
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30', description: 'Last day (inclusive)' })
  @IsOptional()
  @IsDateOnly()
  to?: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'json (default), csv or xlsx' })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: 'format must be json, csv or xlsx' })
  format?: ReportFormat;
}
