import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module.js';
import { ImportPersonnelUseCase } from './import/import-personnel.use-case.js';
import { ResetPasswordUseCase } from './password-reset.use-case.js';
import { UsersController } from './users.controller.js';
import { CreateUserUseCase, GetUserQuery, ListUsersQuery, UpdateUserUseCase } from './users.use-cases.js';

@Module({
  imports: [IdempotencyModule],
  controllers: [UsersController],
  providers: [ListUsersQuery, GetUserQuery, CreateUserUseCase, UpdateUserUseCase, ResetPasswordUseCase, ImportPersonnelUseCase],
})
export class PeopleModule {}
