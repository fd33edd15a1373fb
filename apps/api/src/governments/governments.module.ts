import { Module } from '@nestjs/common';
import { GovernmentsController } from './governments.controller.js';
import { CreateGovernmentUseCase, ListGovernmentsQuery, UpdateGovernmentUseCase } from './governments.use-cases.js';
import { CreateUnitUseCase, ListUnitsQuery, UpdateUnitUseCase } from './units.use-cases.js';

@Module({
  controllers: [GovernmentsController],
  providers: [ListGovernmentsQuery, CreateGovernmentUseCase, UpdateGovernmentUseCase, ListUnitsQuery, CreateUnitUseCase, UpdateUnitUseCase],
})
export class GovernmentsModule {}
