import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUnitDto {
  @ApiProperty({ example: 'diskominfo', description: '2-60 lowercase letters, digits or hyphens, unique in the government; never changes' })
  @IsString()
  @Matches(/^[a-z0-9-]{2,60}$/, { message: 'code must be 2-60 lowercase letters, digits or hyphens' })
  code: string;

  @ApiProperty({ example: 'Dinas Komunikasi dan Informatika' })
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class UpdateUnitDto {
  @ApiPropertyOptional({ example: 'Dinas Komunikasi, Informatika, Statistik dan Persandian' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'paser.kadis',
    description: 'the head of the unit (Kepala OPD) that escalations of its drafters reach: an active person of this unit; null removes it',
  })
  @IsOptional()
  @ValidateIf((o: UpdateUnitDto) => o.headUsername !== null)
  @IsString({ message: 'headUsername must be a username or null' })
  @MaxLength(60)
  headUsername?: string | null;
}

/** A unit (OPD) as the administration API shows it. */
export interface UnitView {
  code: string;
  name: string;
  governmentCode: string;
  headUsername: string | null;
  createdAt: Date;
}
