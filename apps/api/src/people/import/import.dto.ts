import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ImportPersonnelQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: answer what each row would do and change nothing' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: 'true' | 'false';

  @ApiPropertyOptional({ example: 'paser', description: "the government imported into (one the caller administers); the caller's by default" })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  governmentCode?: string;
}
