import { Controller, Delete, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Static } from 'typebox';
import { AdminEndpoint } from '../auth/admin-only.guard.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { ValidBody, ValidQuery } from '../common/contract/schema.pipe.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { AddHolidayUseCase } from './add-holiday.use-case.js';
import { CreateHolidayBody, HolidayChangeSchema, HolidayListSchema, ListHolidaysQuery } from './holiday.schemas.js';
import { ListHolidaysQuery as ListHolidays } from './list-holidays.query.js';
import { RemoveHolidayUseCase } from './remove-holiday.use-case.js';

@ApiTags('holidays')
@Controller('api/holidays')
export class HolidaysController {
  constructor(
    private readonly list: ListHolidays,
    private readonly add: AddHolidayUseCase,
    private readonly remove: RemoveHolidayUseCase,
  ) {}

  @Get()
  @Endpoint({
    operationId: 'listHolidays',
    summary: "National holidays and cuti bersama, and the caller's government's own, by date",
    query: ListHolidaysQuery,
    success: { status: 200, description: 'Holidays by date', schema: HolidayListSchema },
  })
  findAll(@CurrentUser() user: AuthenticatedUser, @ValidQuery(ListHolidaysQuery) query: Static<typeof ListHolidaysQuery>) {
    return this.list.execute(user, query.year);
  }

  @Post()
  @AdminEndpoint({
    operationId: 'addHoliday',
    summary: "ADMIN: add a holiday of their government (a PROVINCE's ADMIN: also national, governmentCode null); pending working-day deadlines move with it",
    description: 'Checks: 401, then 403 for anyone but an ADMIN, then 400, then 403 for another government or a national holiday outside a province, then 409 for a date already taken in that scope.',
    body: CreateHolidayBody,
    requestHeaders: ['Idempotency-Key'],
    success: { status: 201, description: 'The holiday, and how many deadlines moved', schema: HolidayChangeSchema },
    errors: [ErrorCode.CONFLICT],
  })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @ValidBody(CreateHolidayBody) body: Static<typeof CreateHolidayBody>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ) {
    return (await this.add.execute(user, body, idempotencyKey)).body;
  }

  @Delete(':id')
  @HttpCode(200)
  @AdminEndpoint({
    operationId: 'removeHoliday',
    summary: 'ADMIN: remove a holiday under the same rules; pending working-day deadlines move back',
    success: { status: 200, description: 'The removed holiday, and how many deadlines moved', schema: HolidayChangeSchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  removeOne(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.remove.execute(user, id);
  }
}
