import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { GetOfficeHoursQuery } from './get-office-hours.query.js';
import { OfficeHoursChangeSchema, OfficeHoursSchema, UpdateOfficeHoursBody } from './office-hours.schemas.js';
import { UpdateOfficeHoursUseCase } from './update-office-hours.use-case.js';

/** A government's office hours (jam kerja), beside its holidays: what working-day deadlines count. */
@ApiTags('office hours')
@Controller('api/governments')
export class OfficeHoursController {
  constructor(
    private readonly getOfficeHours: GetOfficeHoursQuery,
    private readonly updateOfficeHours: UpdateOfficeHoursUseCase,
  ) {}

  @Get(':code/office-hours')
  @Endpoint({
    operationId: 'getOfficeHours',
    summary: "The government's office hours per weekday in its zone: its own, or the national ASN hours (isDefault true)",
    success: { status: 200, description: 'The week', schema: OfficeHoursSchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  get(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string) {
    return this.getOfficeHours.execute(user, code);
  }

  @Put(':code/office-hours')
  @Endpoint({
    operationId: 'updateOfficeHours',
    summary: 'ADMIN of the government or of its province: replace its office hours (days null: back to the national hours); pending working-day deadlines move with them',
    description: 'Checks: 404 for a government the caller cannot see, then 400, then 403.',
    body: UpdateOfficeHoursBody,
    success: { status: 200, description: 'The new week, and how many deadlines moved', schema: OfficeHoursChangeSchema },
    errors: [ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN],
  })
  put(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string, @Body() body: unknown) {
    return this.updateOfficeHours.execute(user, code, body);
  }
}
