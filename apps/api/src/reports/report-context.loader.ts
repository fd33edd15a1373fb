import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReportsRepository, WorkingCalendars, type ReportWindow } from '#persistence';
import { reportScopeOf, selectReportUnits, toLocalDateTime, type GovernmentLevel } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { forbidden, validationFailed } from '../common/errors/app.exception.js';
import type { ReportContext } from './report-context.js';
import type { ReportQuery } from './report.schemas.js';

/** Who is asking, what they may see, and which government, units, kind and dates the request names. */
@Injectable()
export class ReportContextLoader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actors: ActorFactsLoader,
    private readonly reports: ReportsRepository,
    private readonly calendars: WorkingCalendars,
  ) {}

  async load(user: AuthenticatedUser, query: ReportQuery, now: Date): Promise<ReportContext> {
    const actor = await this.actors.load(user, now);
    const scope = reportScopeOf(actor, user.governmentLevel as GovernmentLevel, now);
    if (scope === null) throw forbidden('Reports are for the Sekda, the Biro/Bagian Organisasi, the Inspektorat, an ADMIN (their government) and a Kepala OPD (their unit)');
    const units = selectReportUnits(scope, query.unitCode ?? null);
    if (!units.ok) throw forbidden(`unitCode ${query.unitCode}: a Kepala OPD sees the reports of their own unit only`);

    const found = await this.reports.governmentWithChildren(scope.governmentCode);
    if (!found) throw forbidden(`Government ${scope.governmentCode} not found`);
    const { government } = found;
    const unitIds = units.unitCodes?.map((code) => {
      const unit = government.units.find((u) => u.code === code);
      if (!unit) throw validationFailed(`unitCode: ${government.code} has no unit ${code}`, { fields: ['unitCode'] });
      return unit.id;
    }) ?? null;

    const today = toLocalDateTime(now, government.timeZone).date;
    const window = reportWindow(query, Number(today.slice(0, 4)));
    const children = scope.childrenAsAggregates && query.unitCode === undefined ? found.children : [];
    const kind = query.kind ?? null;
    const calendar = (await this.calendars.around(this.dataSource.manager, [government], now)).get(government.id)!;
    const allUnits = new Map([government, ...found.children].flatMap((g) => g.units.map((u) => [u.id, u] as const)));
    return {
      now,
      scope,
      government,
      children,
      place: { governmentIds: [government.id], unitIds, kind },
      childPlace: children.length > 0 ? { governmentIds: children.map((c) => c.id), unitIds: null, kind } : null,
      window,
      year: query.year !== undefined ? Number(query.year) : Number((window.from ?? today).slice(0, 4)),
      calendar,
      unitCode: (id) => allUnits.get(id)?.code ?? id,
      unitName: (id) => allUnits.get(id)?.name ?? id,
    };
  }
}

/** `year` is that calendar year; `from`/`to` narrow it (or stand alone); none of them: this year. */
export function reportWindow(query: Pick<ReportQuery, 'year' | 'from' | 'to'>, thisYear: number): ReportWindow {
  const year = query.year ?? (query.from === undefined && query.to === undefined ? String(thisYear) : undefined);
  let from = year === undefined ? null : `${year}-01-01`;
  let to = year === undefined ? null : `${year}-12-31`;
  if (query.from !== undefined && (from === null || query.from > from)) from = query.from;
  if (query.to !== undefined && (to === null || query.to < to)) to = query.to;
  if (from !== null && to !== null && from > to) {
    throw validationFailed(query.year !== undefined ? `from and to must lie in ${query.year} with from not after to` : 'from must not be after to', { fields: ['from', 'to'] });
  }
  return { from, to };
}
