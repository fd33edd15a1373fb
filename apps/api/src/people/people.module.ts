import { Module } from '@nestjs/common';
import { UsersController } from './users.controller.js';
import { CreateUserUseCase, GetUserQuery, ListUsersQuery, UpdateUserUseCase } from './users.use-cases.js';

@Module({
  controllers: [UsersController],
  providers: [ListUsersQuery, GetUserQuery, CreateUserUseCase, UpdateUserUseCase],
})
export class PeopleModule {}
