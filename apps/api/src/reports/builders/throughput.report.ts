import { Injectable } from '@nestjs/common';
import { ReportsRepository } from '#persistence';
import { isoWeekLabel } from '#workflow';
import type { ReportContext } from '../report-context.js';
import type { BuiltReport } from '../report-table.js';

/** `throughput`: documents started (submitted) and finished (final state) per ISO week and kind. */
@Injectable()
export class ThroughputReport {
  constructor(private readonly reports: ReportsRepository) {}

  async build(ctx: ReportContext): Promise<BuiltReport> {
    const [rows, childRows] = await Promise.all([
      this.reports.throughput(ctx.place, ctx.window),
      ctx.childPlace ? this.reports.throughput(ctx.childPlace, ctx.window) : Promise.resolve([]),
    ]);
    const items = rows.map((r) => ({ week: isoWeekLabel(r.week), weekStart: r.week, kind: r.kind, started: r.started, finished: r.finished }));
    const governments = ctx.children.map((g) => {
      const mine = childRows.filter((r) => r.governmentId === g.id);
      return { code: g.code, name: g.name, started: mine.reduce((n, r) => n + r.started, 0), finished: mine.reduce((n, r) => n + r.finished, 0) };
    });
    const counts = [{ key: 'started', header: 'Dimulai' }, { key: 'finished', header: 'Selesai' }];
    return {
      json: { report: 'throughput', governmentCode: ctx.government.code, period: ctx.window, items, governments },
      tables: [
        { sheet: 'Per minggu', columns: [{ key: 'week', header: 'Minggu' }, { key: 'weekStart', header: 'Senin' }, { key: 'kind', header: 'Jenis' }, ...counts], rows: items },
        ...(governments.length ? [{ sheet: 'Kabupaten dan Kota', columns: [{ key: 'code', header: 'Kode' }, { key: 'name', header: 'Pemerintah' }, ...counts], rows: governments }] : []),
      ],
    };
  }
}
