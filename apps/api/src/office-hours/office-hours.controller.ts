import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { GetOfficeHoursQuery } from './get-office-hours.query.js';
import { OfficeDayDto, OfficeWeekDto, UpdateOfficeHoursDto } from './office-hours.dto.js';
import { UpdateOfficeHoursUseCase } from './update-office-hours.use-case.js';

/** A government's office hours (jam kerja), beside its holidays: what working-day deadlines count. */
@ApiTags('office hours')
@ApiBearerAuth()
@ApiExtraModels(OfficeDayDto, OfficeWeekDto)
@Controller('api/governments')
export class OfficeHoursController {
  constructor(
    private readonly getOfficeHours: GetOfficeHoursQuery,
    private readonly updateOfficeHours: UpdateOfficeHoursUseCase,
  ) {}

  @Get(':code/office-hours')
  @ApiOperation({ summary: "The government's office hours per weekday in its zone: its own, or the national ASN hours (isDefault true)" })
  get(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string) {
    return this.getOfficeHours.execute(user, code);
  }

  @Put(':code/office-hours')
  @ApiOperation({
    summary: "ADMIN of the government or of its province: replace its office hours (days null: back to the national hours); pending working-day deadlines move with them",
  })
  @ApiBody({ type: UpdateOfficeHoursDto })
  put(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string, @Body() body: unknown) {
    return this.updateOfficeHours.execute(user, code, body);
  }
}
