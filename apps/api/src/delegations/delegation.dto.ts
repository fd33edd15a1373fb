import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ALL_ROLES, type Role } from '#workflow';
import { IsDateTimeWithOffset } from '../common/validation/is-date-time.decorator.js';

export const DELEGATION_KINDS = ['PLT', 'PLH'] as const;
export type DelegationKind = (typeof DELEGATION_KINDS)[number];

const USERNAME = /^[a-z0-9._-]{1,100}$/;

/** POST /api/delegations: the caller (or, for an ADMIN, `principal`) lets `delegate` act in `role` for a window. */
export class CreateDelegationDto {
  @ApiProperty({ description: 'Username of the acting official (Plt/Plh), of the same government', example: 'kaltim.plh' })
  @IsString()
  @Matches(USERNAME, { message: 'delegate must be a username' })
  delegate: string;

  @ApiProperty({ enum: ALL_ROLES, description: "One of the principal's own roles", example: 'SECRETARY' })
  @IsIn(ALL_ROLES)
  role: Role;

  @ApiProperty({ description: 'Start of the window (inclusive), ISO 8601 with offset', example: '2026-03-02T08:00:00+08:00' })
  @IsDateTimeWithOffset()
  startsAt: string;

  @ApiProperty({ description: 'End of the window (exclusive), after startsAt and in the future', example: '2026-03-06T16:00:00+08:00' })
  @IsDateTimeWithOffset()
  endsAt: string;

  @ApiProperty({ description: 'Why, e.g. the number of the Surat Perintah', example: 'Sekda dinas luar ke Jakarta (SPT 800/123/2026)' })
  @IsString()
  @Length(1, 1000)
  @Matches(/\S/, { message: 'reason must not be blank' })
  reason: string;

  @ApiProperty({ enum: DELEGATION_KINDS, description: 'PLT (pelaksana tugas) or PLH (pelaksana harian)' })
  @IsIn(DELEGATION_KINDS)
  kind: DelegationKind;

  @ApiPropertyOptional({ description: 'ADMIN only: the username of the principal (of the same government) whose role is delegated', example: 'kaltim.sekda' })
  @IsOptional()
  @IsString()
  @Matches(USERNAME, { message: 'principal must be a username' })
  principal?: string;
}

export class ListDelegationsQueryDto {
  @ApiPropertyOptional({ description: 'true: only delegations in force now (not revoked, now inside the window); false: only the others' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'active must be true or false' })
  active?: 'true' | 'false';

  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Matches(/^[1-9]\d{0,5}$/, { message: 'page must be a whole number from 1' })
  page?: string;

  @ApiPropertyOptional({ default: 50, maximum: 100 })
  @IsOptional()
  @Matches(/^([1-9]|[1-9]\d|100)$/, { message: 'limit must be a whole number from 1 to 100' })
  limit?: string;
}
