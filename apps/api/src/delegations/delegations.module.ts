import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module.js';
import { CreateDelegationUseCase } from './create-delegation.use-case.js';
import { DelegationQueries } from './delegation.queries.js';
import { DelegationsController } from './delegations.controller.js';
import { RevokeDelegationUseCase } from './revoke-delegation.use-case.js';

/** Plt/Plh delegations: POST/GET/DELETE /api/delegations. The policy reads them through ActorFactsLoader. */
@Module({
  imports: [IdempotencyModule],
  controllers: [DelegationsController],
  providers: [CreateDelegationUseCase, RevokeDelegationUseCase, DelegationQueries],
})
export class DelegationsModule {}
