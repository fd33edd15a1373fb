import { Module } from '@nestjs/common';
import { DeadlineRescheduler, OfficeHoursRepository } from '#persistence';
import { GetOfficeHoursQuery } from './get-office-hours.query.js';
import { OfficeHoursController } from './office-hours.controller.js';
import { UpdateOfficeHoursUseCase } from './update-office-hours.use-case.js';

@Module({
  controllers: [OfficeHoursController],
  providers: [OfficeHoursRepository, DeadlineRescheduler, GetOfficeHoursQuery, UpdateOfficeHoursUseCase],
})
export class OfficeHoursModule {}
