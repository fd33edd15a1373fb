import { Controller, Get, Headers, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Static } from 'typebox';
import { AdminEndpoint } from '../auth/admin-only.guard.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ValidBody } from '../common/contract/schema.pipe.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import {
  CreateGovernmentBody,
  CreateUnitBody,
  GovernmentListSchema,
  GovernmentSchema,
  UnitListSchema,
  UnitSchema,
  UpdateGovernmentBody,
  UpdateUnitBody,
} from './government.schemas.js';
import { CreateGovernmentUseCase, ListGovernmentsQuery, UpdateGovernmentUseCase } from './governments.use-cases.js';
import { CreateUnitUseCase, ListUnitsQuery, UpdateUnitUseCase } from './units.use-cases.js';

const ORDER = 'Checks: 401, then 403 for anyone but an ADMIN, then 400, then 404 for a government outside their reach.';

@ApiTags('administration')
@Controller('api/governments')
export class GovernmentsController {
  constructor(
    private readonly listGovernments: ListGovernmentsQuery,
    private readonly createGovernment: CreateGovernmentUseCase,
    private readonly updateGovernment: UpdateGovernmentUseCase,
    private readonly listUnits: ListUnitsQuery,
    private readonly createUnit: CreateUnitUseCase,
    private readonly updateUnit: UpdateUnitUseCase,
  ) {}

  @Get()
  @AdminEndpoint({
    operationId: 'listGovernments',
    summary: "ADMIN: the governments they administer (a province's ADMIN: the province and its regencies and cities)",
    success: { status: 200, description: 'Their province first, then its regencies and cities', schema: GovernmentListSchema },
  })
  findAll(@CurrentUser() user: AuthenticatedUser) {
    return this.listGovernments.execute(user);
  }

  @Post()
  @AdminEndpoint({
    operationId: 'createGovernment',
    summary: "A province's ADMIN: add a regency or city under the province (409 on a taken code)",
    description: ORDER,
    body: CreateGovernmentBody,
    requestHeaders: ['Idempotency-Key'],
    success: { status: 201, description: 'The government', schema: GovernmentSchema },
    errors: [ErrorCode.CONFLICT],
  })
  async create(
    @CurrentUser() user: AuthenticatedUser,
    @ValidBody(CreateGovernmentBody) body: Static<typeof CreateGovernmentBody>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ) {
    return (await this.createGovernment.execute(user, body, idempotencyKey)).body;
  }

  @Patch(':code')
  @AdminEndpoint({
    operationId: 'updateGovernment',
    summary: 'ADMIN: change the name, region name, time zone, or (regency/city) level of a government they administer',
    description: ORDER,
    body: UpdateGovernmentBody,
    success: { status: 200, description: 'The government', schema: GovernmentSchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  update(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string, @ValidBody(UpdateGovernmentBody) body: Static<typeof UpdateGovernmentBody>) {
    return this.updateGovernment.execute(user, code, body);
  }

  @Get(':code/units')
  @AdminEndpoint({
    operationId: 'listUnits',
    summary: 'ADMIN: the units (OPD) of a government they administer, with each head',
    success: { status: 200, description: 'The units by code', schema: UnitListSchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  findUnits(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string) {
    return this.listUnits.execute(user, code);
  }

  @Post(':code/units')
  @AdminEndpoint({
    operationId: 'createUnit',
    summary: 'ADMIN: add a unit (409 on a code the government already has)',
    description: ORDER,
    body: CreateUnitBody,
    requestHeaders: ['Idempotency-Key'],
    success: { status: 201, description: 'The unit', schema: UnitSchema },
    errors: [ErrorCode.NOT_FOUND, ErrorCode.CONFLICT],
  })
  async addUnit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('code') code: string,
    @ValidBody(CreateUnitBody) body: Static<typeof CreateUnitBody>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ) {
    return (await this.createUnit.execute(user, code, body, idempotencyKey)).body;
  }

  @Patch(':code/units/:unitCode')
  @AdminEndpoint({
    operationId: 'updateUnit',
    summary: 'ADMIN: rename a unit or set its head (the Kepala OPD that escalations reach)',
    description: ORDER,
    body: UpdateUnitBody,
    success: { status: 200, description: 'The unit', schema: UnitSchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  changeUnit(
    @CurrentUser() user: AuthenticatedUser,
    @Param('code') code: string,
    @Param('unitCode') unitCode: string,
    @ValidBody(UpdateUnitBody) body: Static<typeof UpdateUnitBody>,
  ) {
    return this.updateUnit.execute(user, code, unitCode, body);
  }
}
