import { Organisation1764000000000 } from './1764000000000-organisation.js';
import { WorkflowCore1764000001000 } from './1764000001000-workflow-core.js';
import { SlaAndHolidays1764000003000 } from './1764000003000-sla-and-holidays.js';
import { DelegationWindows1764000004000 } from './1764000004000-delegation-windows.js';
import { Notifications1764000005000 } from './1764000005000-notifications.js';
import { DeadlinePlacement1764000006000 } from './1764000006000-deadline-placement.js';
import { DocumentCounts1764000007000 } from './1764000007000-document-counts.js';
import { RevokedTokens1764004000000 } from './1764004000000-revoked-tokens.js';
import { Administration1764005000000 } from './1764005000000-administration.js';
import { ReportSummaries1764007000000 } from './1764007000000-report-summaries.js';
import { ReportSummaryTotals1764007001000 } from './1764007001000-report-summary-totals.js';
import { WeeklyDigest1764007002000 } from './1764007002000-weekly-digest.js';
import { DocumentCountsFoldedInline1764009000000 } from './1764009000000-document-counts-folded-inline.js';

/** Every migration, oldest first; listed explicitly so source and build runs see the same set. */
export const MIGRATIONS = [Organisation1764000000000, WorkflowCore1764000001000, SlaAndHolidays1764000003000, DelegationWindows1764000004000, Notifications1764000005000, DeadlinePlacement1764000006000, DocumentCounts1764000007000, RevokedTokens1764004000000, Administration1764005000000, ReportSummaries1764007000000, ReportSummaryTotals1764007001000, WeeklyDigest1764007002000, DocumentCountsFoldedInline1764009000000];
