import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { notFound } from '../common/errors/app.exception.js';
import { parseWith } from '../common/contract/schema-validator.js';
import { OpenBySlaReport } from './builders/open-by-sla.report.js';
import { QuickWinsReport } from './builders/quick-wins.report.js';
import { StageTimesReport } from './builders/stage-times.report.js';
import { ThroughputReport } from './builders/throughput.report.js';
import { WorkloadReport } from './builders/workload.report.js';
import { ReportContextLoader } from './report-context.loader.js';
import { REPORT_NAMES, ReportQuery, type ReportFormat, type ReportName } from './report.schemas.js';
import type { BuiltReport } from './report-table.js';

/** GET /api/reports/:name: checks who asks and what, then builds that report for their scope. */
@Injectable()
export class BuildReportUseCase {
  private readonly builders: Record<ReportName, { build: (ctx: Parameters<StageTimesReport['build']>[0]) => Promise<BuiltReport> }>;

  constructor(
    private readonly contexts: ReportContextLoader,
    stageTimes: StageTimesReport,
    openBySla: OpenBySlaReport,
    throughput: ThroughputReport,
    workload: WorkloadReport,
    quickWins: QuickWinsReport,
  ) {
    this.builders = { 'stage-times': stageTimes, 'open-by-sla': openBySla, throughput, workload, 'quick-wins': quickWins };
  }

  async execute(user: AuthenticatedUser, name: string, rawQuery: unknown): Promise<{ name: ReportName; format: ReportFormat; report: BuiltReport }> {
    if (!(REPORT_NAMES as readonly string[]).includes(name)) throw notFound(`Report ${name}`);
    const query = parseWith(ReportQuery, { ...(rawQuery as object) }, 'query');
    const ctx = await this.contexts.load(user, query, new Date());
    const report = await this.builders[name as ReportName].build(ctx);
    return { name: name as ReportName, format: query.format ?? 'json', report };
  }
}
