import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReportsRepository, storedSlaPolicies, type StageTimeSummaryRow } from '#persistence';
import { defaultSlaPolicy, WORKING_DAY_MS, type SlaKind, type SlaPolicy } from '#workflow';
import type { ReportContext } from '../report-context.js';
import { round2, type BuiltReport } from '../report-table.js';

interface TimeSummary {
  count: number;
  withinSla: number;
  withinSlaShare: number | null;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
  medianWorkingHours: number | null;
  p90WorkingHours: number | null;
}

/** The figures of one row of `stageTimeSummaries` (median and p90 taken in SQL, twin of histogramPercentile). */
function summarise(row: StageTimeSummaryRow): TimeSummary {
  const days = (s: number | null) => (s === null ? null : round2((s * 1000) / WORKING_DAY_MS));
  const hours = (s: number | null) => (s === null ? null : round2(s / 3600));
  return {
    count: row.count,
    withinSla: row.withinSla,
    withinSlaShare: row.count === 0 ? null : round2(row.withinSla / row.count),
    medianWorkingDays: days(row.median),
    p90WorkingDays: days(row.p90),
    medianWorkingHours: hours(row.median),
    p90WorkingHours: hours(row.p90),
  };
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/**
 * `stage-times`: per kind and stage, the stages left in the period: how many, median and p90 of the
 * working time spent (in working days and hours, to 15 minutes below a day), the SLA, the share left
 * within its deadline; by month too.
 */
@Injectable()
export class StageTimesReport {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
  ) {}

  async build(ctx: ReportContext): Promise<BuiltReport> {
    const [rows, childRows, overrides] = await Promise.all([
      this.reports.stageTimeSummaries(ctx.place, ctx.window),
      ctx.childPlace ? this.reports.stageTimeTotalsByGovernment(ctx.childPlace, ctx.window) : Promise.resolve([]),
      Promise.all((['quick-win', 'regulation'] as const).map(async (k) => [k, await storedSlaPolicies(this.dataSource.manager, ctx.government.id, k)] as const)),
    ]);
    const slaOf = (kind: string, stage: string): SlaPolicy | null =>
      overrides.find(([k]) => k === kind)?.[1].get(stage)?.policy ?? defaultSlaPolicy(kind as SlaKind, stage) ?? null;

    const byStage = [...groupBy(rows, (r) => `${r.kind}|${r.stage}`)].sort(([a], [b]) => (a < b ? -1 : 1));
    const items = byStage.map(([key, stageRows]) => {
      const [kind, stage] = key.split('|') as [string, string];
      const sla = slaOf(kind, stage);
      const whole = stageRows.find((r) => r.month === null)!;
      return {
        kind,
        stage,
        sla: sla === null ? null : { duration: sla.duration, businessDays: sla.businessDays },
        ...summarise(whole),
        byMonth: stageRows
          .filter((r): r is StageTimeSummaryRow & { month: string } => r.month !== null)
          .sort((a, b) => (a.month < b.month ? -1 : 1))
          .map((m) => ({ month: m.month, ...summarise(m) })),
      };
    });
    const governments = ctx.children.map((g) => {
      const row = childRows.find((r) => r.governmentId === g.id);
      const count = row?.count ?? 0;
      const withinSla = row?.withinSla ?? 0;
      return { code: g.code, name: g.name, count, withinSla, withinSlaShare: count === 0 ? null : round2(withinSla / count) };
    });

    const timeColumns = [
      { key: 'count', header: 'Jumlah' },
      { key: 'withinSla', header: 'Tepat waktu' },
      { key: 'withinSlaShare', header: 'Porsi tepat waktu' },
      { key: 'medianWorkingDays', header: 'Median (hari kerja)' },
      { key: 'p90WorkingDays', header: 'P90 (hari kerja)' },
      { key: 'medianWorkingHours', header: 'Median (jam kerja)' },
      { key: 'p90WorkingHours', header: 'P90 (jam kerja)' },
    ];
    return {
      json: { report: 'stage-times', governmentCode: ctx.government.code, period: ctx.window, items, governments },
      tables: [
        {
          sheet: 'Waktu per tahap',
          columns: [{ key: 'kind', header: 'Jenis' }, { key: 'stage', header: 'Tahap' }, { key: 'month', header: 'Bulan' }, { key: 'sla', header: 'Batas waktu' }, ...timeColumns],
          rows: items.flatMap((i) => [
            { ...flat(i), month: 'semua', sla: slaText(i.sla) },
            ...i.byMonth.map((m) => ({ ...flat(m), kind: i.kind, stage: i.stage, sla: slaText(i.sla) })),
          ]),
        },
        ...(governments.length ? [{ sheet: 'Kabupaten dan Kota', columns: [{ key: 'code', header: 'Kode' }, { key: 'name', header: 'Pemerintah' }, ...timeColumns.slice(0, 3)], rows: governments }] : []),
      ],
    };
  }
}

function slaText(sla: { duration: string; businessDays: boolean } | null): string | null {
  return sla === null ? null : `${sla.duration} (${sla.businessDays ? 'hari kerja' : 'hari kalender'})`;
}

function flat(o: object): Record<string, string | number | null> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v === null || typeof v !== 'object')) as Record<string, string | number | null>;
}
