import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { GetSlaQuery } from './get-sla.query.js';
import { SlaPolicyDto, UpdateSlaDto } from './sla-policy.dto.js';
import { UpdateSlaUseCase } from './update-sla.use-case.js';

/** Next to WorkflowsController under /api/workflows: the SLA of each waiting stage of a kind. */
@ApiTags('workflows')
@ApiBearerAuth()
@ApiExtraModels(SlaPolicyDto)
@Controller('api/workflows')
export class SlaController {
  constructor(
    private readonly getSla: GetSlaQuery,
    private readonly updateSla: UpdateSlaUseCase,
  ) {}

  @Get(':kind/sla')
  @ApiOperation({ summary: "Every waiting stage's SLA for the caller's government: its own (isDefault false) or the default" })
  get(@CurrentUser() user: AuthenticatedUser, @Param('kind') kind: string) {
    return this.getSla.execute(user, kind);
  }

  @Put(':kind/sla')
  @ApiOperation({ summary: "ADMIN: change some stages of the government's SLA (null: back to the default); applies to stages entered from now on" })
  @ApiBody({ type: UpdateSlaDto })
  put(@CurrentUser() user: AuthenticatedUser, @Param('kind') kind: string, @Body() body: unknown) {
    return this.updateSla.execute(user, kind, body);
  }
}
