import { ApiProperty } from '@nestjs/swagger';

/** One weekday's hours on the government's wall clock (OpenAPI only; the rules are `validateOfficeHours`). */
export class OfficeDayDto {
  @ApiProperty({ example: '07:30', description: 'HH:MM, 00:00 to 23:59' })
  opens: string;

  @ApiProperty({ example: '16:00', description: 'HH:MM after opens, up to 24:00' })
  closes: string;
}

const day = (example: OfficeDayDto | null) => ApiProperty({ type: OfficeDayDto, nullable: true, example, description: 'null: closed' });

export class OfficeWeekDto {
  @day({ opens: '07:30', closes: '16:00' }) monday: OfficeDayDto | null;
  @day({ opens: '07:30', closes: '16:00' }) tuesday: OfficeDayDto | null;
  @day({ opens: '07:30', closes: '16:00' }) wednesday: OfficeDayDto | null;
  @day({ opens: '07:30', closes: '16:00' }) thursday: OfficeDayDto | null;
  @day({ opens: '07:30', closes: '16:30' }) friday: OfficeDayDto | null;
  @day(null) saturday: OfficeDayDto | null;
  @day(null) sunday: OfficeDayDto | null;
}

export class UpdateOfficeHoursDto {
  @ApiProperty({
    type: OfficeWeekDto,
    nullable: true,
    description: 'All seven days, each {opens, closes} or null (closed), at least one open; null: back to the national ASN hours',
  })
  days: OfficeWeekDto | null;
}
