import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsObject, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_ESCALATIONS } from '#workflow';

/** One stage's SLA in a PUT; every field is required (ISO 8601 durations checked by the use case). */
export class SlaPolicyDto {
  @ApiProperty({ example: 'P5D', description: 'ISO 8601: weeks, days, hours, minutes, seconds (no years or months), e.g. P5D, P1DT2H, PT30S' })
  @IsString()
  @MaxLength(40)
  duration: string;

  @ApiProperty({ example: true, description: 'true: days count working days in the government\'s time zone, holidays skipped' })
  @IsBoolean()
  businessDays: boolean;

  @ApiProperty({ example: 'P1D' })
  @IsString()
  @MaxLength(40)
  remindBefore: string;

  @ApiProperty({ example: 'P1D' })
  @IsString()
  @MaxLength(40)
  escalateAfter: string;

  @ApiProperty({ example: 'P2D' })
  @IsString()
  @MaxLength(40)
  escalateEvery: string;

  @ApiProperty({ example: 3, minimum: 0, maximum: MAX_ESCALATIONS })
  @IsInt()
  @Min(0)
  @Max(MAX_ESCALATIONS)
  maxEscalations: number;
}

export class UpdateSlaDto {
  @ApiProperty({
    description: 'The stages to change, by state name (nested states dotted); null puts a stage back on the default',
    example: { approval: { duration: 'P3D', businessDays: true, remindBefore: 'P1D', escalateAfter: 'P1D', escalateEvery: 'P2D', maxEscalations: 3 } },
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/SlaPolicyDto', nullable: true },
  })
  @IsObject()
  stages: Record<string, unknown>;
}
