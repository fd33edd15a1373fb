import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { AdminCredentials } from './admin-credentials.js';
import { AdminSessionController } from './admin-session.controller.js';
import { ApiQueues } from './api-queues.js';
import { QueueDashboard } from './queue-dashboard.js';

/** The queue dashboard at /admin/queues (mounted by configure-app.ts) and its browser session. */
@Module({
  imports: [AuthModule],
  controllers: [AdminSessionController],
  providers: [AdminCredentials, ApiQueues, QueueDashboard],
  exports: [ApiQueues],
})
export class AdminModule {}
