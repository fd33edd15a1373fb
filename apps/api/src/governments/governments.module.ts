import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module.js';
import { GovernmentsController } from './governments.controller.js';
import { CreateGovernmentUseCase, ListGovernmentsQuery, UpdateGovernmentUseCase } from './governments.use-cases.js';
import { CreateUnitUseCase, ListUnitsQuery, UpdateUnitUseCase } from './units.use-cases.js';

@Module({
  imports: [IdempotencyModule],
  controllers: [GovernmentsController],
  providers: [ListGovernmentsQuery, CreateGovernmentUseCase, UpdateGovernmentUseCase, ListUnitsQuery, CreateUnitUseCase, UpdateUnitUseCase],
})
export class GovernmentsModule {}
