import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Static } from 'typebox';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { ValidQuery } from '../common/contract/schema.pipe.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { UnitDirectoryParams, UnitDirectorySchema } from './government.schemas.js';
import { UnitDirectoryQuery } from './units.use-cases.js';

@ApiTags('organisation')
@Controller('api/units')
export class UnitDirectoryController {
  constructor(private readonly units: UnitDirectoryQuery) {}

  @Get()
  @Endpoint({
    operationId: 'listOwnUnits',
    summary: "The units (OPD) of the caller's government, or of another government their lists read, by name, code and name only; the lists' unit filter offers them",
    query: UnitDirectoryParams,
    success: { status: 200, description: 'The units, by name', schema: UnitDirectorySchema },
    errors: [ErrorCode.NOT_FOUND],
  })
  list(@CurrentUser() user: AuthenticatedUser, @ValidQuery(UnitDirectoryParams) query: Static<typeof UnitDirectoryParams>) {
    return this.units.execute(user, query.governmentCode);
  }
}
