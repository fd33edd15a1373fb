import { Module } from '@nestjs/common';
import { GetSlaQuery } from './get-sla.query.js';
import { SlaController } from './sla.controller.js';
import { UpdateSlaUseCase } from './update-sla.use-case.js';

@Module({
  controllers: [SlaController],
  providers: [GetSlaQuery, UpdateSlaUseCase],
})
export class SlaModule {}
