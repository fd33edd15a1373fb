import { Controller, Get, Injectable } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Static } from 'typebox';
import { DataSource } from 'typeorm';
import { listAdministeredGovernments, listAdminAudit } from '#persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AdminEndpoint } from '../auth/admin-only.guard.js';
import { ValidQuery } from '../common/contract/schema.pipe.js';
import { AdminAuditListSchema, ListAdminAuditQuery as ListAdminAuditQuerySchema } from '../people/people.schemas.js';
import type { AdminAuditView } from './admin-audit.dto.js';
import { assertAdministrator } from './administered-government.js';

/** GET /api/admin/audit: the administration changes of the governments the caller administers, newest first. */
@Injectable()
export class ListAdminAuditQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, query: Static<typeof ListAdminAuditQuerySchema>): Promise<{ items: AdminAuditView[]; total: number; page: number; limit: number }> {
    assertAdministrator(user);
    const governmentIds = (await listAdministeredGovernments(this.dataSource.manager, user.governmentId)).map((g) => g.id);
    const page = query.page ?? 1;
    const limit = query.limit ?? 50;
    const { items, total } = await listAdminAudit(this.dataSource.manager, { governmentIds, targetType: query.targetType, targetKey: query.targetKey, page, limit });
    return { items, total, page, limit };
  }
}

@ApiTags('administration')
@Controller('api/admin/audit')
export class AdminAuditController {
  constructor(private readonly list: ListAdminAuditQuery) {}

  @Get()
  @AdminEndpoint({
    operationId: 'listAdminAudit',
    summary: 'ADMIN: who changed which government, unit, person or role, when, before and after; newest first, paged',
    query: ListAdminAuditQuerySchema,
    success: { status: 200, description: 'A page of changes', schema: AdminAuditListSchema },
  })
  findAll(@CurrentUser() user: AuthenticatedUser, @ValidQuery(ListAdminAuditQuerySchema) query: Static<typeof ListAdminAuditQuerySchema>) {
    return this.list.execute(user, query);
  }
}
