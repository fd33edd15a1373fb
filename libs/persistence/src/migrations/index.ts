import { Organisation1764000000000 } from './1764000000000-organisation.js';
import { WorkflowCore1764000001000 } from './1764000001000-workflow-core.js';
import { SlaAndHolidays1764000003000 } from './1764000003000-sla-and-holidays.js';
import { DelegationWindows1764000004000 } from './1764000004000-delegation-windows.js';
import { Notifications1764000005000 } from './1764000005000-notifications.js';
import { DeadlinePlacement1764000006000 } from './1764000006000-deadline-placement.js';
import { DocumentCounts1764000007000 } from './1764000007000-document-counts.js';
import { ReadScopeMarks1764001000000 } from './1764001000000-read-scope-marks.js';
import { RevokedTokens1764004000000 } from './1764004000000-revoked-tokens.js';
import { Administration1764005000000 } from './1764005000000-administration.js';
import { CoordinationParticipants1764006000000 } from './1764006000000-coordination-participants.js';
import { ReportSummaries1764007000000 } from './1764007000000-report-summaries.js';
import { ReportSummaryTotals1764007001000 } from './1764007001000-report-summary-totals.js';
import { OfficeHours1764008000000 } from './1764008000000-office-hours.js';
import { DocumentCountsFoldedInline1764009000000 } from './1764009000000-document-counts-folded-inline.js';
import { WeeklyDigest1764011000000 } from './1764011000000-weekly-digest.js';
import { DelegationNotifications1764013000000 } from './1764013000000-delegation-notifications.js';
import { PasswordResetByEmail1764013100000 } from './1764013100000-password-reset-by-email.js';
import { CheaperTransitionTriggers1764014000000 } from './1764014000000-cheaper-transition-triggers.js';
import { FillKindOnlyWhenMissing1764014001000 } from './1764014001000-fill-kind-only-when-missing.js';
import { PendingDeadlinesByDocument1764014002000 } from './1764014002000-pending-deadlines-by-document.js';
import { OpenStageCounts1764017000000 } from './1764017000000-open-stage-counts.js';
import { OpenStageDaysIndexOnly1764017001000 } from './1764017001000-open-stage-days-index-only.js';
import { StageTimeSummariesIndexOnly1764017002000 } from './1764017002000-stage-time-summaries-index-only.js';
import { DocumentCountsInSlots1764018000000 } from './1764018000000-document-counts-in-slots.js';
import { DeadlinesByDocumentStage1764019000000 } from './1764019000000-deadlines-by-document-stage.js';

/** Every migration, oldest first; listed explicitly so source and build runs see the same set. */
export const MIGRATIONS = [Organisation1764000000000, WorkflowCore1764000001000, SlaAndHolidays1764000003000, DelegationWindows1764000004000, Notifications1764000005000, DeadlinePlacement1764000006000, DocumentCounts1764000007000, ReadScopeMarks1764001000000, RevokedTokens1764004000000, Administration1764005000000, CoordinationParticipants1764006000000, ReportSummaries1764007000000, ReportSummaryTotals1764007001000, OfficeHours1764008000000, DocumentCountsFoldedInline1764009000000, WeeklyDigest1764011000000, DelegationNotifications1764013000000, PasswordResetByEmail1764013100000, CheaperTransitionTriggers1764014000000, FillKindOnlyWhenMissing1764014001000, PendingDeadlinesByDocument1764014002000, OpenStageCounts1764017000000, OpenStageDaysIndexOnly1764017001000, StageTimeSummariesIndexOnly1764017002000, DocumentCountsInSlots1764018000000, DeadlinesByDocumentStage1764019000000];
