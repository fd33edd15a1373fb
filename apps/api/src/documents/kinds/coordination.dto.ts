import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { MAX_COORDINATION_UNITS } from '#workflow';

/** When paraf koordinasi is complete: `{ kind: "ALL" }` or `{ kind: "AT_LEAST", n }`. */
export class CompletionRuleDto {
  @ApiProperty({ enum: ['ALL', 'AT_LEAST'] })
  @IsIn(['ALL', 'AT_LEAST'])
  kind: 'ALL' | 'AT_LEAST';

  @ApiPropertyOptional({ description: 'AT_LEAST only: how many OPDs must initial (1 to the number named)', example: 2 })
  @ValidateIf((rule: CompletionRuleDto) => rule.kind === 'AT_LEAST' || rule.n !== undefined)
  @IsInt()
  @Min(1)
  @Max(MAX_COORDINATION_UNITS)
  n?: number;
}

/** The OPDs concerned (OPD terkait) that initial the draft in parallel, and the completion rule. */
export class CoordinationRequestDto {
  @ApiProperty({ type: [String], description: `1-${MAX_COORDINATION_UNITS} unit codes of the document's government, not the drafting unit`, example: ['inspektorat', 'biro-organisasi'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COORDINATION_UNITS)
  @ArrayUnique()
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  @Matches(/^[a-z0-9-]+$/, { each: true })
  units: string[];

  @ApiProperty({ type: CompletionRuleDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CompletionRuleDto)
  rule: CompletionRuleDto;
}

/** `data` of REQUEST_HARMONIZATION: optionally the OPDs concerned (workflow version 2). */
export class HarmonizationRequestDto {
  @ApiPropertyOptional({ type: CoordinationRequestDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => CoordinationRequestDto)
  coordination?: CoordinationRequestDto;
}
