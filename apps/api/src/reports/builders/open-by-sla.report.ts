import { Inject, Injectable } from '@nestjs/common';
import { ReportsRepository } from '#persistence';
import { slaStatusBounds, stageWaitersOf, workingMillisBetween, WORKING_DAY_MS, type WorkflowRegistry } from '#workflow';
import { WORKFLOW_REGISTRY } from '../../workflows/workflow-registry.provider.js';
import type { ReportContext } from '../report-context.js';
import { round2, type BuiltReport } from '../report-table.js';
import { toReportPeople } from './report-people.js';

/** How many of the most overdue documents the report names. */
export const MOST_OVERDUE_LIMIT = 20;

/**
 * `open-by-sla`: open stages per unit and stage, on time / due within 2 working days / overdue now,
 * and the 20 most overdue with who they wait on.
 */
@Injectable()
export class OpenBySlaReport {
  constructor(
    private readonly reports: ReportsRepository,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  async build(ctx: ReportContext): Promise<BuiltReport> {
    const bounds = slaStatusBounds(ctx.calendar, ctx.now);
    const [rows, childRows, overdue, people] = await Promise.all([
      this.reports.openStages(ctx.place, bounds.now, bounds.dueSoonUntil),
      ctx.childPlace ? this.reports.openStages(ctx.childPlace, bounds.now, bounds.dueSoonUntil) : Promise.resolve([]),
      this.reports.mostOverdue(ctx.place, ctx.now, MOST_OVERDUE_LIMIT),
      this.reports.people(ctx.government.id, ctx.now),
    ]);
    const persons = toReportPeople(people);
    const items = rows.map((r) => ({ unitCode: ctx.unitCode(r.unitId), unitName: ctx.unitName(r.unitId), kind: r.kind, stage: r.stage, onTime: r.onTime, dueSoon: r.dueSoon, overdue: r.overdue }));
    const mostOverdue = overdue.map((d) => {
      const unitCode = ctx.unitCode(d.unitId);
      return {
        kind: d.kind,
        id: d.documentId,
        title: d.title,
        unitCode,
        stage: d.stage,
        dueAt: d.dueAt,
        overdueWorkingDays: round2(workingMillisBetween(ctx.calendar, d.dueAt, ctx.now) / WORKING_DAY_MS),
        waitingOn: stageWaitersOf(this.registry, { kind: d.kind, stage: d.stage, governmentCode: ctx.government.code, unitCode }, persons, ctx.now),
      };
    });
    const governments = ctx.children.map((g) => {
      const mine = childRows.filter((r) => r.governmentId === g.id);
      const sum = (k: 'onTime' | 'dueSoon' | 'overdue') => mine.reduce((n, r) => n + r[k], 0);
      return { code: g.code, name: g.name, onTime: sum('onTime'), dueSoon: sum('dueSoon'), overdue: sum('overdue') };
    });
    const counts = [{ key: 'onTime', header: 'Tepat waktu' }, { key: 'dueSoon', header: 'Segera jatuh tempo' }, { key: 'overdue', header: 'Terlambat' }];
    return {
      json: { report: 'open-by-sla', governmentCode: ctx.government.code, at: ctx.now, dueSoonUntil: bounds.dueSoonUntil, items, mostOverdue, governments },
      tables: [
        { sheet: 'Terbuka per tahap', columns: [{ key: 'unitCode', header: 'Kode unit' }, { key: 'unitName', header: 'Unit' }, { key: 'kind', header: 'Jenis' }, { key: 'stage', header: 'Tahap' }, ...counts], rows: items },
        {
          sheet: 'Paling terlambat',
          columns: [
            { key: 'kind', header: 'Jenis' }, { key: 'id', header: 'ID' }, { key: 'title', header: 'Judul' }, { key: 'unitCode', header: 'Unit' },
            { key: 'stage', header: 'Tahap' }, { key: 'dueAt', header: 'Batas waktu' }, { key: 'overdueWorkingDays', header: 'Terlambat (hari kerja)' }, { key: 'waitingOn', header: 'Menunggu' },
          ],
          rows: mostOverdue.map((d) => ({
            ...d,
            dueAt: d.dueAt.toISOString(),
            waitingOn: d.waitingOn.map((w) => `${w.name} (${w.role}${w.onBehalfOf ? `, atas nama ${w.onBehalfOf}` : ''})`).join('; '),
          })),
        },
        ...(governments.length ? [{ sheet: 'Kabupaten dan Kota', columns: [{ key: 'code', header: 'Kode' }, { key: 'name', header: 'Pemerintah' }, ...counts], rows: governments }] : []),
      ],
    };
  }
}
