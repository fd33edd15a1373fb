import { Injectable } from '@nestjs/common';
import { ReportsRepository, type QuickWinRollupRow } from '#persistence';
import { validationFailed } from '../../common/errors/app.exception.js';
import type { ReportContext } from '../report-context.js';
import type { BuiltReport } from '../report-table.js';

interface Tally {
  total: number;
  byState: Record<string, number>;
  budget: number;
  progressReports: number;
  progressReportsOnTime: number;
  completedInYear: number;
}

function tally(rows: readonly QuickWinRollupRow[]): Tally {
  const t: Tally = { total: 0, byState: {}, budget: 0, progressReports: 0, progressReportsOnTime: 0, completedInYear: 0 };
  for (const r of rows) {
    t.total += r.count;
    t.byState[r.state] = (t.byState[r.state] ?? 0) + r.count;
    t.budget += r.budget;
    t.progressReports += r.progressReports;
    t.progressReportsOnTime += r.progressReportsOnTime;
    t.completedInYear += r.completedInYear;
  }
  return t;
}

function groups<K extends string>(rows: readonly QuickWinRollupRow[], key: (r: QuickWinRollupRow) => K): Array<[K, QuickWinRollupRow[]]> {
  const map = new Map<K, QuickWinRollupRow[]>();
  for (const r of rows) {
    const k = key(r);
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return [...map].sort(([a], [b]) => a.localeCompare(b));
}

const STATES = ['draft', 'endorsement', 'verification', 'approval', 'revision', 'implementation', 'evaluation', 'completed', 'rejected', 'withdrawn'];

/**
 * `quick-wins`: the Quick Wins of the year per RB area and theme, per OPD, and per OPD and area (the
 * table the Biro Organisasi sends to the RB portal): counts by state, progress reports (on time),
 * completed within the year, budget.
 */
@Injectable()
export class QuickWinsReport {
  constructor(private readonly reports: ReportsRepository) {}

  async build(ctx: ReportContext): Promise<BuiltReport> {
    if (ctx.place.kind === 'regulation') throw validationFailed('kind: the quick-wins report covers Quick Wins only', { fields: ['kind'] });
    const [rows, childRows] = await Promise.all([
      this.reports.quickWinRollup(ctx.place, ctx.year),
      ctx.childPlace ? this.reports.quickWinRollup(ctx.childPlace, ctx.year) : Promise.resolve([]),
    ]);
    const byArea = groups(rows, (r) => `${r.category}|${r.area}`).map(([k, g]) => ({ category: k.split('|')[0]!, area: k.split('|')[1]!, ...tally(g) }));
    const byUnit = groups(rows, (r) => ctx.unitCode(r.unitId)).map(([unitCode, g]) => ({ unitCode, unitName: ctx.unitName(g[0]!.unitId), ...tally(g) }));
    const portal = groups(rows, (r) => `${ctx.unitCode(r.unitId)}|${r.category}|${r.area}`).map(([k, g]) => {
      const [unitCode, category, area] = k.split('|') as [string, string, string];
      return { unitCode, unitName: ctx.unitName(g[0]!.unitId), category, area, ...tally(g) };
    });
    const governments = ctx.children.map((g) => {
      const t = tally(childRows.filter((r) => r.governmentId === g.id));
      return { code: g.code, name: g.name, total: t.total, completedInYear: t.completedInYear, budget: t.budget };
    });
    const columns = [
      { key: 'total', header: 'Jumlah' },
      ...STATES.map((s) => ({ key: `state.${s}`, header: s })),
      { key: 'progressReports', header: 'Laporan kemajuan' },
      { key: 'progressReportsOnTime', header: 'Laporan kemajuan tepat waktu' },
      { key: 'completedInYear', header: 'Selesai dalam tahun' },
      { key: 'budget', header: 'Anggaran (Rp)' },
    ];
    const flatten = <T extends Tally>({ byState, ...rest }: T) => ({ ...rest, ...Object.fromEntries(STATES.map((s) => [`state.${s}`, byState[s] ?? 0])) });
    return {
      json: { report: 'quick-wins', governmentCode: ctx.government.code, year: ctx.year, byArea, byUnit, rows: portal, governments },
      tables: [
        { sheet: 'Portal RB', columns: [{ key: 'unitCode', header: 'Kode unit' }, { key: 'unitName', header: 'Perangkat Daerah' }, { key: 'category', header: 'Kategori' }, { key: 'area', header: 'Area / Tema' }, ...columns], rows: portal.map(flatten) },
        { sheet: 'Per area', columns: [{ key: 'category', header: 'Kategori' }, { key: 'area', header: 'Area / Tema' }, ...columns], rows: byArea.map(flatten) },
        { sheet: 'Per perangkat daerah', columns: [{ key: 'unitCode', header: 'Kode unit' }, { key: 'unitName', header: 'Perangkat Daerah' }, ...columns], rows: byUnit.map(flatten) },
        ...(governments.length
          ? [{ sheet: 'Kabupaten dan Kota', columns: [{ key: 'code', header: 'Kode' }, { key: 'name', header: 'Pemerintah' }, { key: 'total', header: 'Jumlah' }, { key: 'completedInYear', header: 'Selesai dalam tahun' }, { key: 'budget', header: 'Anggaran (Rp)' }], rows: governments }]
          : []),
      ],
    };
  }
}
