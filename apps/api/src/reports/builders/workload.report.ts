import { Inject, Injectable } from '@nestjs/common';
import { ReportsRepository } from '#persistence';
import { slaStatusBounds, workloadOf, type WorkflowRegistry } from '#workflow';
import { WORKFLOW_REGISTRY } from '../../workflows/workflow-registry.provider.js';
import type { ReportContext } from '../report-context.js';
import type { BuiltReport } from '../report-table.js';
import { toReportPeople } from './report-people.js';

/** `workload`: open and overdue tasks per person and role, delegations counted for the delegate. */
@Injectable()
export class WorkloadReport {
  constructor(
    private readonly reports: ReportsRepository,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  async build(ctx: ReportContext): Promise<BuiltReport> {
    const bounds = slaStatusBounds(ctx.calendar, ctx.now);
    const [rows, childRows, people] = await Promise.all([
      this.reports.openStages(ctx.place, bounds.now, bounds.dueSoonUntil),
      ctx.childPlace ? this.reports.openStages(ctx.childPlace, bounds.now, bounds.dueSoonUntil) : Promise.resolve([]),
      this.reports.people(ctx.government.id, ctx.now),
    ]);
    const counts = rows.map((r) => ({ kind: r.kind, stage: r.stage, unitCode: ctx.unitCode(r.unitId), open: r.onTime + r.dueSoon + r.overdue, overdue: r.overdue }));
    const items = workloadOf(this.registry, ctx.government.code, toReportPeople(people), counts, ctx.now);
    const governments = ctx.children.map((g) => {
      const mine = childRows.filter((r) => r.governmentId === g.id);
      return { code: g.code, name: g.name, open: mine.reduce((n, r) => n + r.onTime + r.dueSoon + r.overdue, 0), overdue: mine.reduce((n, r) => n + r.overdue, 0) };
    });
    const tally = [{ key: 'open', header: 'Tugas terbuka' }, { key: 'overdue', header: 'Terlambat' }];
    return {
      json: { report: 'workload', governmentCode: ctx.government.code, at: ctx.now, items, governments },
      tables: [
        {
          sheet: 'Beban kerja',
          columns: [{ key: 'username', header: 'Nama pengguna' }, { key: 'name', header: 'Nama' }, { key: 'unitCode', header: 'Unit' }, { key: 'role', header: 'Peran' }, { key: 'onBehalfOf', header: 'Atas nama' }, ...tally],
          rows: items.map((i) => ({ ...i })),
        },
        ...(governments.length ? [{ sheet: 'Kabupaten dan Kota', columns: [{ key: 'code', header: 'Kode' }, { key: 'name', header: 'Pemerintah' }, ...tally], rows: governments }] : []),
      ],
    };
  }
}
