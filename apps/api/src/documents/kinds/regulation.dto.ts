import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { IsDateOnly } from '../../common/validation/is-date-only.decorator.js';

/** The content of a work-system regulation draft. */
export class RegulationContentDto {
  @ApiProperty({ description: 'What follows "tentang"', example: 'Sistem Kerja di Lingkungan Pemerintah Provinsi Kalimantan Timur' })
  @IsString()
  @Length(3, 300)
  title: string;

  @ApiProperty({ type: [String], example: ['Peraturan Menteri PANRB Nomor 7 Tahun 2022'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  legalBasis: string[];

  @ApiProperty({ description: 'The draft text' })
  @IsString()
  @Length(1, 200_000)
  body: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @IsDateOnly()
  targetDate?: string;
}

export class CreateRegulationDto extends RegulationContentDto {
  @ApiPropertyOptional({ example: 'biro-organisasi' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  @Matches(/^[a-z0-9-]+$/)
  unitCode?: string;
}

export class UpdateRegulationDto extends PartialType(RegulationContentDto) {}

export class HarmonizationReportDto {
  @ApiProperty({ description: 'Nomor Berita Acara Selesai Harmonisasi', example: 'W18-PP.04.02-123' })
  @IsString()
  @Length(1, 200)
  reportNumber: string;

  @ApiProperty({ example: '2026-05-04' })
  @IsDateOnly()
  reportDate: string;
}

export class PublicationDto {
  @ApiPropertyOptional({ description: 'Where the JDIH publishes it' })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(2000)
  url?: string;
}
