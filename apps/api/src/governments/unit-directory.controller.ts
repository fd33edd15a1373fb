import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { UnitDirectorySchema } from './government.schemas.js';
import { UnitDirectoryQuery } from './units.use-cases.js';

@ApiTags('organisation')
@Controller('api/units')
export class UnitDirectoryController {
  constructor(private readonly units: UnitDirectoryQuery) {}

  @Get()
  @Endpoint({
    operationId: 'listOwnUnits',
    summary: "The units (OPD) of the caller's government by name, code and name only; the lists' unit filter offers them",
    success: { status: 200, description: 'The units, by name', schema: UnitDirectorySchema },
  })
  list(@CurrentUser() user: AuthenticatedUser) {
    return this.units.execute(user);
  }
}
