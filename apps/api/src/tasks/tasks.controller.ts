import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Static } from 'typebox';
import { TITLE_MATCH_LIMIT } from '#persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { titleWordsOf } from '../common/contract/fields.js';
import { ValidQuery } from '../common/contract/schema.pipe.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { decodeTaskCursor, encodeTaskCursor } from './task-cursor.js';
import { TaskListSchema, TasksQuerySchema } from './task.schemas.js';
import { TasksQuery } from './tasks.query.js';

@ApiTags('tasks')
@Controller('api/tasks')
export class TasksController {
  constructor(private readonly tasks: TasksQuery) {}

  @Get()
  @Endpoint({
    operationId: 'listTasks',
    summary: 'Documents waiting for an action the caller may take (delegations included), soonest due first',
    description: `400 SEARCH_TOO_BROAD when the words of q are in the titles of more than ${TITLE_MATCH_LIMIT.toLocaleString('en')} open documents waiting where the inbox reads (its stages, in its governments and, for a unit's roles, its unit) with its other filters (whether or not they wait for the caller): add a word, a kind, a stage or a unit.`,
    query: TasksQuerySchema,
    success: { status: 200, description: 'The soonest-due tasks (after `after`), at most limit, and where the next page begins', schema: TaskListSchema },
    errors: [ErrorCode.SEARCH_TOO_BROAD],
  })
  async list(@CurrentUser() user: AuthenticatedUser, @ValidQuery(TasksQuerySchema) query: Static<typeof TasksQuerySchema>) {
    const page = await this.tasks.execute(user, {
      limit: query.limit ?? 50,
      after: query.after === undefined ? null : decodeTaskCursor(query.after),
      kind: query.kind ?? null,
      state: query.state ?? null,
      governmentCode: query.governmentCode ?? null,
      unitCode: query.unitCode ?? null,
      overdue: query.overdue ?? null,
      titleWords: query.q === undefined ? null : titleWordsOf(query.q),
    });
    return { ...page, next: page.next === null ? null : encodeTaskCursor(page.next) };
  }
}
