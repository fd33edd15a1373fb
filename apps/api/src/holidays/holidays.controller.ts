import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AddHolidayUseCase } from './add-holiday.use-case.js';
import { CreateHolidayDto, ListHolidaysQueryDto } from './holiday.dto.js';
import { ListHolidaysQuery } from './list-holidays.query.js';
import { RemoveHolidayUseCase } from './remove-holiday.use-case.js';

@ApiTags('holidays')
@ApiBearerAuth()
@Controller('api/holidays')
export class HolidaysController {
  constructor(
    private readonly list: ListHolidaysQuery,
    private readonly add: AddHolidayUseCase,
    private readonly remove: RemoveHolidayUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: "National holidays and cuti bersama, and the caller's government's own, by date" })
  findAll(@CurrentUser() user: AuthenticatedUser, @Query() query: ListHolidaysQueryDto) {
    return this.list.execute(user, query.year);
  }

  @Post()
  @ApiOperation({
    summary: "ADMIN: add a holiday of their government (a PROVINCE's ADMIN: also national, governmentCode null); pending working-day deadlines move with it",
  })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateHolidayDto) {
    return this.add.execute(user, body);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({ summary: 'ADMIN: remove a holiday under the same rules; pending working-day deadlines move back' })
  removeOne(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.remove.execute(user, id);
  }
}
