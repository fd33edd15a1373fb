import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module.js';
import { DeadlineRescheduler, OfficeHoursRepository } from '#persistence';
import { AddHolidayUseCase } from './add-holiday.use-case.js';
import { HolidaysController } from './holidays.controller.js';
import { ListHolidaysQuery } from './list-holidays.query.js';
import { RemoveHolidayUseCase } from './remove-holiday.use-case.js';

@Module({
  imports: [IdempotencyModule],
  controllers: [HolidaysController],
  providers: [OfficeHoursRepository, DeadlineRescheduler, ListHolidaysQuery, AddHolidayUseCase, RemoveHolidayUseCase],
})
export class HolidaysModule {}
