import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const SUBORDINATE_LEVELS = ['REGENCY', 'CITY'] as const;

/** A regency or city under the caller's province (a province comes from the bootstrap command only). */
export class CreateGovernmentDto {
  @ApiProperty({ example: 'paser', description: '2-40 lowercase letters, digits or hyphens; never changes' })
  @IsString()
  @Matches(/^[a-z0-9-]{2,40}$/, { message: 'code must be 2-40 lowercase letters, digits or hyphens' })
  code: string;

  @ApiProperty({ example: 'Pemerintah Kabupaten Paser' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Paser', description: 'the region as regulation titles name it' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  regionName: string;

  @ApiProperty({ enum: SUBORDINATE_LEVELS })
  @IsIn(SUBORDINATE_LEVELS, { message: 'level must be REGENCY or CITY (the province is created by the bootstrap command)' })
  level: (typeof SUBORDINATE_LEVELS)[number];

  @ApiProperty({ example: 'Asia/Makassar', description: 'IANA time zone: Asia/Jakarta (WIB), Asia/Pontianak, Asia/Makassar (WITA), Asia/Jayapura (WIT)' })
  @IsString()
  @MaxLength(64)
  timeZone: string;
}

export class UpdateGovernmentDto {
  @ApiPropertyOptional({ example: 'Pemerintah Kabupaten Paser' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ example: 'Paser' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  regionName?: string;

  @ApiPropertyOptional({ enum: SUBORDINATE_LEVELS, description: "a regency's or city's only; a province stays a province" })
  @IsOptional()
  @IsIn(SUBORDINATE_LEVELS, { message: 'level must be REGENCY or CITY' })
  level?: (typeof SUBORDINATE_LEVELS)[number];

  @ApiPropertyOptional({ example: 'Asia/Makassar' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;
}

/** A government as the administration API shows it. */
export interface GovernmentView {
  code: string;
  name: string;
  regionName: string;
  level: 'PROVINCE' | 'REGENCY' | 'CITY';
  parentCode: string | null;
  timeZone: string;
  createdAt: Date;
}
