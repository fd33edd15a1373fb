import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { BuildReportUseCase } from './build-report.use-case.js';
import { toCsv } from './export/csv.writer.js';
import { toXlsx } from './export/xlsx.writer.js';
import { REPORT_FORMATS, REPORT_NAMES } from './report-query.dto.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('api/reports')
export class ReportsController {
  constructor(private readonly buildReport: BuildReportUseCase) {}

  @Get(':name')
  @ApiOperation({
    summary:
      "A report for the caller's government (Sekda, Biro/Bagian Organisasi, Inspektorat, ADMIN) or unit (Kepala OPD): stage-times, open-by-sla, throughput, workload, quick-wins; JSON, or a download with ?format=csv|xlsx",
  })
  @ApiParam({ name: 'name', enum: REPORT_NAMES })
  @ApiQuery({ name: 'year', required: false, example: '2026' })
  @ApiQuery({ name: 'kind', required: false, enum: ['quick-win', 'regulation'] })
  @ApiQuery({ name: 'unitCode', required: false, example: 'diskominfo' })
  @ApiQuery({ name: 'from', required: false, example: '2026-01-01' })
  @ApiQuery({ name: 'to', required: false, example: '2026-12-31' })
  @ApiQuery({ name: 'format', required: false, enum: REPORT_FORMATS })
  @ApiProduces('application/json', 'text/csv', XLSX_TYPE)
  @ApiOkResponse({ description: 'JSON by default; text/csv (first table) or an XLSX workbook (every table) as an attachment' })
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
