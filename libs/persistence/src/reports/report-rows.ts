import type { GovernmentLevel, LocalDate } from '#workflow';

/** A government a report covers, with its units. */
export interface ReportGovernment {
  id: string;
  code: string;
  name: string;
  level: GovernmentLevel;
  timeZone: string;
  units: Array<{ id: string; code: string; name: string }>;
}

/** Where a report looks: these governments, optionally only these units and one kind. */
export interface ReportPlace {
  governmentIds: readonly string[];
  /** null: every unit. */
  unitIds: readonly string[] | null;
  /** null: both kinds. */
  kind: string | null;
}

/** Dates (both inclusive; null: open). Monthly summaries count the months that touch it, weekly ones the weeks whose Monday is in it. */
export interface ReportWindow {
  from: LocalDate | null;
  to: LocalDate | null;
}

/** Stages left of one kind and stage, in one month or (month null) the whole window. */
export interface StageTimeSummaryRow {
  kind: string;
  stage: string;
  /** YYYY-MM, or null: every month of the window */
  month: string | null;
  count: number;
  withinSla: number;
  /** Working seconds (bucket values) of the median and the 90th percentile; null when count is 0. */
  median: number | null;
  p90: number | null;
}

export interface OpenStageRow {
  governmentId: string;
  kind: string;
  stage: string;
  unitId: string;
  onTime: number;
  dueSoon: number;
  overdue: number;
}

export interface OverdueDocumentRow {
  documentId: string;
  kind: string;
  title: string;
  unitId: string;
  stage: string;
  dueAt: Date;
}

export interface ThroughputRow {
  governmentId: string;
  /** The Monday, YYYY-MM-DD. */
  week: LocalDate;
  kind: string;
  started: number;
  finished: number;
}

export interface QuickWinRollupRow {
  governmentId: string;
  unitId: string;
  category: string;
  area: string;
  state: string;
  count: number;
  budget: number;
  progressReports: number;
  progressReportsOnTime: number;
  completedInYear: number;
}
