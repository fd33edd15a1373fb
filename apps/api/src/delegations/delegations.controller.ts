import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { CreateDelegationUseCase } from './create-delegation.use-case.js';
import { CreateDelegationDto, ListDelegationsQueryDto } from './delegation.dto.js';
import { DelegationQueries } from './delegation.queries.js';
import { RevokeDelegationUseCase } from './revoke-delegation.use-case.js';

@ApiTags('delegations')
@ApiBearerAuth()
@Controller('api/delegations')
export class DelegationsController {
  constructor(
    private readonly create: CreateDelegationUseCase,
    private readonly revoke: RevokeDelegationUseCase,
    private readonly queries: DelegationQueries,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Delegate one of your roles (Plt/Plh) for a time window; an ADMIN may name the principal',
    description:
      '400 SELF_DELEGATION when the delegate is the principal, or the ADMIN recording it on someone\'s behalf. ' +
      '400 DELEGATION_WINDOW when endsAt <= startsAt, endsAt is past, startsAt is more than 5 minutes before now, or the window ' +
      'lasts more than 90 days. 400 VALIDATION_FAILED when the window overlaps a non-revoked delegation of the same ' +
      'principal and role, the principal does not hold the role (also when they hold it only by delegation: no re-delegation), ' +
      'or the delegate or principal is not an active user of the caller\'s government. ' +
      '403 when a non-ADMIN names another principal.',
  })
  createOne(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateDelegationDto) {
    return this.create.execute(user, body);
  }

  @Get()
  @ApiOperation({ summary: "Delegations the caller gave or received (an ADMIN: all of their government's), newest first; ?active=true for those in force now" })
  list(@CurrentUser() user: AuthenticatedUser, @Query() query: ListDelegationsQueryDto) {
    return this.queries.list(user, query);
  }

  @Delete(':id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Revoke a delegation now (the principal or an ADMIN of the government)',
    description: 'Answers 200 with the delegation. Revoking it again is harmless: 200, and the first revocation stands. 404 outside the caller\'s government.',
  })
  revokeOne(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.revoke.execute(user, id);
  }
}
