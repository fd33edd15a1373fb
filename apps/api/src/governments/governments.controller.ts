import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CreateGovernmentDto, UpdateGovernmentDto } from './government.dto.js';
import { CreateGovernmentUseCase, ListGovernmentsQuery, UpdateGovernmentUseCase } from './governments.use-cases.js';
import { CreateUnitDto, UpdateUnitDto } from './unit.dto.js';
import { CreateUnitUseCase, ListUnitsQuery, UpdateUnitUseCase } from './units.use-cases.js';

@ApiTags('administration')
@ApiBearerAuth()
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
  @ApiOperation({ summary: "ADMIN: the governments they administer (a province's ADMIN: the province and its regencies and cities)" })
  findAll(@CurrentUser() user: AuthenticatedUser) {
    return this.listGovernments.execute(user);
  }

  @Post()
  @ApiOperation({ summary: "A province's ADMIN: add a regency or city under the province (409 on a taken code)" })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateGovernmentDto) {
    return this.createGovernment.execute(user, body);
  }

  @Patch(':code')
  @ApiOperation({ summary: 'ADMIN: change the name, region name, time zone, or (regency/city) level of a government they administer' })
  update(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string, @Body() body: UpdateGovernmentDto) {
    return this.updateGovernment.execute(user, code, body);
  }

  @Get(':code/units')
  @ApiOperation({ summary: 'ADMIN: the units (OPD) of a government they administer, with each head' })
  findUnits(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string) {
    return this.listUnits.execute(user, code);
  }

  @Post(':code/units')
  @ApiOperation({ summary: 'ADMIN: add a unit (409 on a code the government already has)' })
  addUnit(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string, @Body() body: CreateUnitDto) {
    return this.createUnit.execute(user, code, body);
  }

  @Patch(':code/units/:unitCode')
  @ApiOperation({ summary: 'ADMIN: rename a unit or set its head (the Kepala OPD that escalations reach)' })
  changeUnit(@CurrentUser() user: AuthenticatedUser, @Param('code') code: string, @Param('unitCode') unitCode: string, @Body() body: UpdateUnitDto) {
    return this.updateUnit.execute(user, code, unitCode, body);
  }
}
