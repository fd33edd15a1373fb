import { Module } from '@nestjs/common';
import { DeadlineRescheduler, OfficeHoursRepository } from '#persistence';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import { IdempotencyModule } from '../common/idempotency/idempotency.module.js';
import { GovernmentsController } from './governments.controller.js';
import { CreateGovernmentUseCase, ListGovernmentsQuery, UpdateGovernmentUseCase } from './governments.use-cases.js';
import { UnitDirectoryController } from './unit-directory.controller.js';
import { CreateUnitUseCase, ListUnitsQuery, UnitDirectoryQuery, UpdateUnitUseCase } from './units.use-cases.js';

@Module({
  imports: [IdempotencyModule],
  controllers: [GovernmentsController, UnitDirectoryController],
  providers: [ListGovernmentsQuery, CreateGovernmentUseCase, UpdateGovernmentUseCase, ListUnitsQuery, CreateUnitUseCase, UpdateUnitUseCase, UnitDirectoryQuery, ActorFactsLoader, OfficeHoursRepository, DeadlineRescheduler],
})
export class GovernmentsModule {}
