import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ALL_QUICK_WIN_AREAS, ALL_QUICK_WIN_CATEGORIES, MAX_EVIDENCE_PER_REPORT, type QuickWinArea, type QuickWinCategory } from '#workflow';
import { IsDateOnly } from '../../common/validation/is-date-only.decorator.js';

export class QuickWinTargetDto {
  @ApiProperty({ example: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1e12)
  value: number;

  @ApiProperty({ example: 'persen layanan daring' })
  @IsString()
  @Length(1, 100)
  unit: string;
}

/** The content of a Quick Win: what the drafter writes and every edit versions. */
export class QuickWinContentDto {
  @ApiProperty({ example: 'Layanan Perizinan Terpadu Satu Pintu Daring' })
  @IsString()
  @Length(3, 200)
  title: string;

  @ApiProperty()
  @IsString()
  @Length(1, 5000)
  description: string;

  @ApiProperty({ example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ enum: ALL_QUICK_WIN_CATEGORIES })
  @IsIn(ALL_QUICK_WIN_CATEGORIES)
  category: QuickWinCategory;

  @ApiProperty({ enum: ALL_QUICK_WIN_AREAS })
  @IsIn(ALL_QUICK_WIN_AREAS)
  area: QuickWinArea;

  @ApiProperty()
  @IsString()
  @Length(1, 500)
  indicator: string;

  @ApiProperty({ type: QuickWinTargetDto })
  @IsObject()
  @ValidateNested()
  @Type(() => QuickWinTargetDto)
  target: QuickWinTargetDto;

  @ApiProperty()
  @IsString()
  @Length(1, 1000)
  output: string;

  @ApiProperty({ example: '2026-01-05' })
  @IsDateOnly()
  startDate: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsDateOnly()
  endDate: string;

  @ApiProperty({ description: 'Whole rupiah', example: 150000000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  budget: number;
}

export class CreateQuickWinDto extends QuickWinContentDto {
  @ApiPropertyOptional({ description: "The responsible unit; the drafter's own by default", example: 'diskominfo' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @Matches(/^[a-z0-9-]+$/)
  unitCode?: string;
}

export class UpdateQuickWinDto extends PartialType(QuickWinContentDto) {}

export class ProgressReportDto {
  @ApiProperty({ example: '2026-03' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be a month written YYYY-MM' })
  period: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  percent: number;

  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  realization: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  supportingFactors?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  inhibitingFactors?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_EVIDENCE_PER_REPORT, { message: `evidence holds at most ${MAX_EVIDENCE_PER_REPORT} items` })
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  evidence?: string[];
}

export class EvaluationDto {
  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  score: number;

  @ApiProperty()
  @IsString()
  @Length(1, 5000)
  notes: string;
}
