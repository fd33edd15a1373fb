/**
 * Shapes of the API's answers (api.md). The OpenAPI document describes request bodies and paths, which
 * the typed client checks; until it describes every response body too, the pages read them as these.
 */
export type Kind = 'quick-win' | 'regulation';

export interface Delegation {
  id: string;
  principal: string;
  delegate: string;
  role: string;
  kind: 'PLT' | 'PLH';
  startsAt: string;
  endsAt: string;
  reason: string;
  revokedAt: string | null;
  active?: boolean;
}

export interface Me {
  username: string;
  name: string;
  nip: string | null;
  governmentCode: string;
  unitCode: string;
  roles: string[];
  delegations: Delegation[];
}

export interface SignInResult {
  csrfToken: string;
  expiresIn: number;
  user: Pick<Me, 'username' | 'name' | 'governmentCode' | 'unitCode' | 'roles'>;
  /** signed in with a temporary password: only POST /api/me/password is allowed until it changes */
  mustChangePassword: boolean;
}

export interface Task {
  kind: Kind;
  id: string;
  title: string;
  state: string;
  dueAt: string | null;
  overdue: boolean;
  allowedActions: string[];
  explanation?: string;
  onBehalfOf?: string | null;
  [extra: string]: unknown;
}

export interface Deadline {
  stage: string;
  dueAt: string;
  overdue: boolean;
  explanation: string;
}

export interface DocumentView {
  id: string;
  kind: Kind;
  title: string;
  state: string;
  version: number;
  contentVersion: number;
  governmentCode: string;
  timeZone?: string;
  unitCode: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  allowedActions: string[];
  deadline: Deadline | null;
  [field: string]: unknown;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

export interface HistoryEntry {
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  actor: string;
  onBehalfOf: string | null;
  comment: string | null;
  data: unknown;
  contentVersion: number;
  at: string;
  hash: string;
}

export interface History {
  entries: HistoryEntry[];
  chainValid: boolean;
  firstInvalidSeq?: number | null;
}

export interface ContentVersion {
  version: number;
  contentHash: string;
  createdAt: string;
  createdBy: string;
  content: Record<string, unknown>;
}

export interface Notification {
  id: string;
  type: string;
  /** null for a notification about no single document: WEEKLY_DIGEST, DELEGATION_GRANTED, DELEGATION_REVOKED. */
  documentKind: Kind | null;
  documentId: string | null;
  title: string;
  message: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationPage extends Page<Notification> {
  unread: number;
}

export interface SlaStage {
  duration: string;
  businessDays: boolean;
  remindBefore: string;
  escalateAfter: string;
  escalateEvery: string;
  maxEscalations: number;
  isDefault: boolean;
}

export interface Sla {
  kind: Kind;
  governmentCode: string;
  stages: Record<string, SlaStage>;
}

export interface Holiday {
  id: string;
  date: string;
  name: string;
  governmentCode: string | null;
}

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export type OfficeHours = Record<Weekday, { opens: string; closes: string } | null>;

/** GET /api/governments/{code}/office-hours */
export interface OfficeHoursView {
  governmentCode: string;
  timeZone: string;
  isDefault: boolean;
  days: OfficeHours;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** A person as GET /api/users shows them (administration). */
export interface Person {
  username: string;
  name: string;
  nip: string | null;
  email: string | null;
  governmentCode: string;
  unitCode: string;
  roles: string[];
  active: boolean;
  hasPassword: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PersonPage {
  items: Person[];
  total: number;
  page: number;
  limit: number;
}

export interface Unit {
  code: string;
  name: string;
  governmentCode: string;
  headUsername: string | null;
  createdAt: string;
}

export interface Government {
  code: string;
  name: string;
  regionName: string;
  level: 'PROVINCE' | 'REGENCY' | 'CITY';
  parentCode: string | null;
  timeZone: string;
  createdAt: string;
}

export type ImportRowStatus = 'created' | 'updated' | 'unchanged' | 'error';

export interface ImportReport {
  governmentCode: string;
  dryRun: boolean;
  rows: Array<{ row: number; nip: string; username: string; status: ImportRowStatus; reason?: string }>;
  summary: Record<ImportRowStatus, number>;
}

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
