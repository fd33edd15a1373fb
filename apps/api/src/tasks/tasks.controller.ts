import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { TasksQuery } from './tasks.query.js';

export class TasksQueryDto {
  @ApiPropertyOptional({ description: 'At most this many tasks (1-200, default 50)' })
  @IsOptional()
  @Matches(/^([1-9]\d?|1\d\d|200)$/, { message: 'limit must be a whole number from 1 to 200' })
  limit?: string;
}

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('api/tasks')
export class TasksController {
  constructor(private readonly tasks: TasksQuery) {}

  @Get()
  @ApiOperation({ summary: 'Documents waiting for an action the caller may take (delegations included), soonest due first' })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: TasksQueryDto) {
    return this.tasks.execute(user, Number(query.limit ?? 50));
  }
}
