import { Module } from '@nestjs/common';
import { AdminAuditController, ListAdminAuditQuery } from './admin-audit.controller.js';

@Module({
  controllers: [AdminAuditController],
  providers: [ListAdminAuditQuery],
})
export class AdministrationModule {}
