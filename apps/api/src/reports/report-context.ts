import type { ReportGovernment, ReportPlace, ReportWindow } from '#persistence';
import type { ReportScope, WorkingDayCalendar } from '#workflow';

/** Everything a report builder needs about the request, checked and resolved. */
export interface ReportContext {
  readonly now: Date;
  readonly scope: ReportScope;
  readonly government: ReportGovernment;
  /** The regencies and cities a province's viewer sees as one total each (else empty). */
  readonly children: readonly ReportGovernment[];
  /** The caller's government, narrowed to the units and kind asked for. */
  readonly place: ReportPlace;
  /** The same filters over the children (every unit). */
  readonly childPlace: ReportPlace | null;
  readonly window: ReportWindow;
  /** The year asked for, or the year of the window's start, or this year. */
  readonly year: number;
  readonly calendar: WorkingDayCalendar;
  unitCode(unitId: string): string;
  unitName(unitId: string): string;
}
