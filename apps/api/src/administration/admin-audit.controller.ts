import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { listAdministeredGovernments, listAdminAudit } from '#persistence';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { ListAdminAuditQueryDto, type AdminAuditView } from './admin-audit.dto.js';
import { assertAdministrator } from './administered-government.js';

/** GET /api/admin/audit: the administration changes of the governments the caller administers, newest first. */
@Injectable()
export class ListAdminAuditQuery {
  constructor(private readonly dataSource: DataSource) {}

  async execute(user: AuthenticatedUser, query: ListAdminAuditQueryDto): Promise<{ items: AdminAuditView[]; total: number; page: number; limit: number }> {
    assertAdministrator(user);
    const governmentIds = (await listAdministeredGovernments(this.dataSource.manager, user.governmentId)).map((g) => g.id);
    const page = Number(query.page ?? 1);
    const limit = Number(query.limit ?? 50);
    const { items, total } = await listAdminAudit(this.dataSource.manager, { governmentIds, targetType: query.targetType, page, limit });
    return { items, total, page, limit };
  }
}

@ApiTags('administration')
@ApiBearerAuth()
@Controller('api/admin/audit')
export class AdminAuditController {
  constructor(private readonly list: ListAdminAuditQuery) {}

  @Get()
  @ApiOperation({ summary: 'ADMIN: who changed which government, unit, person or role, when, before and after; newest first, paged' })
  findAll(@CurrentUser() user: AuthenticatedUser, @Query() query: ListAdminAuditQueryDto) {
    return this.list.execute(user, query);
  }
}
