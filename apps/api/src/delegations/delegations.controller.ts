import { Controller, Delete, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Static } from 'typebox';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { ValidBody, ValidQuery } from '../common/contract/schema.pipe.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { CreateDelegationUseCase } from './create-delegation.use-case.js';
import { CreateDelegationBody, DelegationListSchema, DelegationSchema, ListDelegationsQuery } from './delegation.schemas.js';
import { DelegationQueries } from './delegation.queries.js';
import { RevokeDelegationUseCase } from './revoke-delegation.use-case.js';

@ApiTags('delegations')
@Controller('api/delegations')
export class DelegationsController {
  constructor(
    private readonly create: CreateDelegationUseCase,
    private readonly revoke: RevokeDelegationUseCase,
    private readonly queries: DelegationQueries,
  ) {}

  @Post()
  @Endpoint({
    operationId: 'createDelegation',
    summary: 'Delegate one of your roles (Plt/Plh) for a time window; an ADMIN may name the principal',
    description:
      '400 SELF_DELEGATION when the delegate is the principal, or the ADMIN recording it on someone\'s behalf. ' +
      '400 DELEGATION_WINDOW when endsAt <= startsAt, endsAt is past, startsAt is more than 5 minutes before now, or the window ' +
      'lasts more than 90 days. 400 VALIDATION_FAILED when the window overlaps a non-revoked delegation of the same ' +
      'principal and role, the principal does not hold the role (also when they hold it only by delegation: no re-delegation), ' +
      'or the delegate or principal is not an active user of the caller\'s government, or the role is ADMIN (never delegated). ' +
      '403 when a non-ADMIN names another principal. With an Idempotency-Key, sending the same delegation again answers the first response.',
    body: CreateDelegationBody,
    requestHeaders: ['Idempotency-Key'],
    success: { status: 201, description: 'The delegation', schema: DelegationSchema },
    errors: [ErrorCode.SELF_DELEGATION, ErrorCode.DELEGATION_WINDOW, ErrorCode.FORBIDDEN],
  })
  async createOne(
    @CurrentUser() user: AuthenticatedUser,
    @ValidBody(CreateDelegationBody) body: Static<typeof CreateDelegationBody>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
  ) {
    return (await this.create.execute(user, body, idempotencyKey)).body;
  }

  @Get()
  @Endpoint({
    operationId: 'listDelegations',
    summary: "Delegations the caller gave or received (an ADMIN: all of their government's), newest first; ?active=true for those in force now",
    query: ListDelegationsQuery,
    success: { status: 200, description: 'A page of delegations', schema: DelegationListSchema },
  })
  list(@CurrentUser() user: AuthenticatedUser, @ValidQuery(ListDelegationsQuery) query: Static<typeof ListDelegationsQuery>) {
    return this.queries.list(user, query);
  }

  @Delete(':id')
  @HttpCode(200)
  @Endpoint({
    operationId: 'revokeDelegation',
    summary: 'Revoke a delegation now (the principal or an ADMIN of the government)',
    description: "Answers 200 with the delegation. Revoking it again is harmless: 200, and the first revocation stands. 404 outside the caller's government.",
    success: { status: 200, description: 'The delegation, revoked', schema: DelegationSchema },
    errors: [ErrorCode.NOT_FOUND, ErrorCode.FORBIDDEN],
  })
  revokeOne(@CurrentUser() user: AuthenticatedUser, @Param('id') id: string) {
    return this.revoke.execute(user, id);
  }
}
