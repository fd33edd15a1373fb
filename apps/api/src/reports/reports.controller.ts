import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { BuildReportUseCase } from './build-report.use-case.js';
import { toCsv } from './export/csv.writer.js';
import { toXlsx } from './export/xlsx.writer.js';
import { Endpoint } from '../common/contract/endpoint.decorator.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import { ReportNameParam, ReportQuery, ReportSchema, XLSX_TYPE } from './report.schemas.js';

@ApiTags('reports')
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly buildReport: BuildReportUseCase) {}

  @Get(':name')
  @Endpoint({
    operationId: 'getReport',
    summary:
      "A report for the caller's government (Sekda, Biro/Bagian Organisasi, Inspektorat, ADMIN) or unit (Kepala OPD): stage-times, open-by-sla, throughput, workload, quick-wins; JSON, or a download with ?format=csv|xlsx",
    params: { name: ReportNameParam },
    query: ReportQuery,
    success: {
      status: 200,
      description: 'JSON by default; text/csv (first table) or an XLSX workbook (every table) as an attachment',
      schema: ReportSchema,
      files: ['text/csv', XLSX_TYPE],
    },
    errors: [ErrorCode.FORBIDDEN, ErrorCode.NOT_FOUND],
  })
  async get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('name') name: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Record<string, unknown> | StreamableFile> {
    const { format, report } = await this.buildReport.execute(user, name, query);
    if (format === 'json') return report.json;
    const filename = `${name}-${String(report.json.governmentCode)}-${new Date().toISOString().slice(0, 10)}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    if (format === 'csv') {
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      return new StreamableFile(Buffer.from(toCsv(report.tables[0]!), 'utf8'));
    }
    res.setHeader('Content-Type', XLSX_TYPE);
    return new StreamableFile(await toXlsx(report.tables));
  }
}
