import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { TasksQuery } from './tasks.query.js';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/tasks')
export class TasksController {
  constructor(private readonly tasks: TasksQuery) {}

  @Get()
  @ApiOperation({ summary: 'Documents waiting for an action the caller may take (delegations included), soonest due first' })
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.tasks.execute(user);
  }
}
