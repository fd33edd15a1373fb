import { Module } from '@nestjs/common';
import { AdminModule } from '../admin/admin.module.js';
import { HealthModule } from '../health/health.module.js';
import { ApiMetrics } from './api-metrics.js';
import { MetricsEndpoint } from './metrics-endpoint.js';
import { SystemMetrics } from './system-metrics.js';

/** `/metrics` (mounted by configure-app.ts): the API's own metrics and the deployment's. */
@Module({
  imports: [AdminModule, HealthModule],
  providers: [ApiMetrics, SystemMetrics, MetricsEndpoint],
  exports: [ApiMetrics],
})
export class MetricsModule {}
