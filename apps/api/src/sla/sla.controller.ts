import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AdminEndpoint } from '../auth/admin-only.guard.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { GetSlaQuery } from './get-sla.query.js';
import { SlaKindParam, SlaSchema, UpdateSlaBody } from './sla.schemas.js';
import { UpdateSlaUseCase } from './update-sla.use-case.js';

/** Next to WorkflowsController under /api/workflows: the SLA of each waiting stage of a kind. */
@ApiTags('workflows')
@Controller('api/workflows')
export class SlaController {
  constructor(
    private readonly getSla: GetSlaQuery,
    private readonly updateSla: UpdateSlaUseCase,
  ) {}

  @Get(':kind/sla')
  @Endpoint({
    operationId: 'getSla',
    summary: "Every waiting stage's SLA for the caller's government: its own (isDefault false) or the default",
    params: { kind: SlaKindParam },
    success: { status: 200, description: 'The SLA of every waiting stage', schema: SlaSchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  get(@CurrentUser() user: AuthenticatedUser, @Param('kind') kind: string) {
    return this.getSla.execute(user, kind);
  }

  @Put(':kind/sla')
  @AdminEndpoint({
    operationId: 'updateSla',
    summary: "ADMIN: change some stages of the government's SLA (null: back to the default); applies to stages entered from now on",
    description:
      "The fields sent for a stage replace that stage's current values (its own setting, else the default); fields not sent keep theirs. " +
      'Checks: 401, then 403 for anyone but an ADMIN, then 404 for an unknown kind, then 400.',
    params: { kind: SlaKindParam },
    body: UpdateSlaBody,
    success: { status: 200, description: 'The SLA after the change', schema: SlaSchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  put(@CurrentUser() user: AuthenticatedUser, @Param('kind') kind: string, @Body() body: unknown) {
    return this.updateSla.execute(user, kind, body);
  }
}
