import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsDateOnly } from '../common/validation/is-date-only.decorator.js';

export class CreateHolidayDto {
  @ApiProperty({ example: '2026-01-09', description: 'YYYY-MM-DD' })
  @IsDateOnly()
  date: string;

  @ApiProperty({ example: 'Hari Ulang Tahun Provinsi Kalimantan Timur' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: 'kaltim',
    description: "The caller's own government, or null for a national holiday (a PROVINCE's ADMIN only); required",
  })
  @ValidateIf((o: CreateHolidayDto) => o.governmentCode !== null)
  @IsString({ message: 'governmentCode must be a government code, or null for a national holiday' })
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'governmentCode must be a government code such as kaltim, or null' })
  governmentCode: string | null;
}

export class ListHolidaysQueryDto {
  @ApiPropertyOptional({ example: '2026' })
  @IsOptional()
  @Matches(/^(19|2\d)\d{2}$/, { message: 'year must be a four-digit year from 1900 to 2999' })
  year?: string;
}
