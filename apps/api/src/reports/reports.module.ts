import { Module } from '@nestjs/common';
import { OfficeHoursRepository, ReportsRepository } from '#persistence';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import { WorkingCalendarsModule } from '../calendars/working-calendars.module.js';
import { WorkflowsModule } from '../workflows/workflows.module.js';
import { BuildReportUseCase } from './build-report.use-case.js';
import { OpenBySlaReport } from './builders/open-by-sla.report.js';
import { QuickWinsReport } from './builders/quick-wins.report.js';
import { StageTimesReport } from './builders/stage-times.report.js';
import { ThroughputReport } from './builders/throughput.report.js';
import { WorkloadReport } from './builders/workload.report.js';
import { ReportContextLoader } from './report-context.loader.js';
import { ReportsController } from './reports.controller.js';

@Module({
  imports: [WorkflowsModule, WorkingCalendarsModule],
  controllers: [ReportsController],
  providers: [ReportsRepository, OfficeHoursRepository, ActorFactsLoader, ReportContextLoader, BuildReportUseCase, StageTimesReport, OpenBySlaReport, ThroughputReport, WorkloadReport, QuickWinsReport],
})
export class ReportsModule {}
