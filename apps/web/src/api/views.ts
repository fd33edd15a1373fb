import type { Schemas } from '@api-client';

/**
 * The API's answers as the pages name them: the OpenAPI document's schemas (libs/api-client,
 * generated from openapi.json by `npm run openapi`), so a change of the API shows here as a type error.
 */
export type Kind = 'quick-win' | 'regulation';

export type Delegation = Schemas['Delegation'];
export type Me = Schemas['Me'];
export type SignInResult = Schemas['BrowserSignIn'];
export type Task = Schemas['Task'];
export type Deadline = Schemas['Deadline'];
export type UnitName = Schemas['UnitName'];
export type ListGovernment = Schemas['ListGovernment'];
export type Workflow = Schemas['Workflow'];

/**
 * A document of either kind. Pages show the fields of both kinds (`progressReports`, `harmonization`,
 * `coordination`...) by name, so the fields beyond the shared ones are read as unknown.
 */
export type DocumentView = (Schemas['QuickWinSummary'] | Schemas['RegulationSummary']) & { [field: string]: unknown };

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

/** A page of a document list, with the governments it reads from (what its government filter offers). */
export interface DocumentPage extends Page<DocumentView> {
  governments: ListGovernment[];
}

export type HistoryEntry = Schemas['HistoryEntry'];
export type History = Schemas['History'];
export type ContentVersion = Schemas['QuickWinVersions']['items'][number] | Schemas['RegulationVersions']['items'][number];
export type Notification = Schemas['Notification'];
export type NotificationPage = Schemas['NotificationList'];
export type SlaStage = Schemas['StageSla'];
export type Sla = Schemas['Sla'];
export type Holiday = Schemas['Holiday'];
export type HolidayList = Schemas['HolidayList'];

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export type OfficeHours = Schemas['OfficeWeek'];
export type OfficeHoursView = Schemas['OfficeHours'];

export type Person = Schemas['User'];
export type PersonPage = Schemas['UserList'];
export type Unit = Schemas['Unit'];
export type Government = Schemas['Government'];
export type ImportReport = Schemas['ImportReport'];
export type ImportRowStatus = ImportReport['rows'][number]['status'];
export type AdminAuditEntry = Schemas['AdminAuditEntry'];
export type AdminAuditPage = Schemas['AdminAuditList'];

/**
 * The report bodies as the report page reads them: the document describes a report loosely (one
 * schema for the five, rows of any shape), so the page keeps their precise shapes here.
 */
/** `GET /api/reports/:name` (README "Reports"): the JSON bodies the report page reads. */
export type ReportName = 'open-by-sla' | 'stage-times' | 'throughput' | 'workload' | 'quick-wins';

export interface StageTimeSummary {
  count: number;
  withinSla: number;
  withinSlaShare: number | null;
  medianWorkingDays: number | null;
  p90WorkingDays: number | null;
  medianWorkingHours: number | null;
  p90WorkingHours: number | null;
}

export interface StageTimesReport {
  report: 'stage-times';
  governmentCode: string;
  items: Array<StageTimeSummary & { kind: Kind; stage: string; sla: { duration: string; businessDays: boolean } | null; byMonth: Array<StageTimeSummary & { month: string }> }>;
  governments: Array<{ code: string; name: string; count: number; withinSla: number; withinSlaShare: number | null }>;
}

export interface OpenBySlaReport {
  report: 'open-by-sla';
  governmentCode: string;
  at: string;
  items: Array<{ unitCode: string; unitName: string; kind: Kind; stage: string; onTime: number; dueSoon: number; overdue: number }>;
  mostOverdue: Array<{
    kind: Kind;
    id: string;
    title: string;
    unitCode: string;
    stage: string;
    dueAt: string;
    overdueWorkingDays: number;
    waitingOn: Array<{ username: string; name: string; role: string; onBehalfOf: string | null }>;
  }>;
  governments: Array<{ code: string; name: string; onTime: number; dueSoon: number; overdue: number }>;
}

export interface ThroughputReport {
  report: 'throughput';
  governmentCode: string;
  items: Array<{ week: string; weekStart: string; kind: Kind; started: number; finished: number }>;
  governments: Array<{ code: string; name: string; started: number; finished: number }>;
}

export interface WorkloadReport {
  report: 'workload';
  governmentCode: string;
  at: string;
  items: Array<{ username: string; name: string; unitCode: string; role: string; onBehalfOf: string | null; open: number; overdue: number }>;
  governments: Array<{ code: string; name: string; open: number; overdue: number }>;
}

export interface QuickWinTally {
  total: number;
  byState: Record<string, number>;
  budget: number;
  progressReports: number;
  progressReportsOnTime: number;
  completedInYear: number;
}

export interface QuickWinsReport {
  report: 'quick-wins';
  governmentCode: string;
  year: number;
  byArea: Array<QuickWinTally & { category: string; area: string }>;
  byUnit: Array<QuickWinTally & { unitCode: string; unitName: string }>;
  rows: Array<QuickWinTally & { unitCode: string; unitName: string; category: string; area: string }>;
  governments: Array<{ code: string; name: string; total: number; completedInYear: number; budget: number }>;
}

export type AnyReport = StageTimesReport | OpenBySlaReport | ThroughputReport | WorkloadReport | QuickWinsReport;
export type Health = Schemas['Health'];
export type WorkerHealth = Schemas['WorkerHealth'];
