import { areasFor, DOCUMENT_PATHS, DocumentKind, progressReportRefusal, type QuickWinCategory } from '#workflow';
import { ErrorCode } from '../../common/errors/error-code.enum.js';
import { addMonths } from '../../common/validation/date-only.util.js';
import type { DocumentKindSpec } from './document-kind.types.js';
import {
  CreateQuickWinBody,
  QuickWinActionRequests,
  QuickWinContentSchema,
  QuickWinListSchema,
  QuickWinSchema,
  QuickWinVersionsSchema,
  UpdateQuickWinBody,
} from './quick-win.schemas.js';

export const quickWinKind: DocumentKindSpec = {
  kind: DocumentKind.QUICK_WIN,
  resource: DOCUMENT_PATHS[DocumentKind.QUICK_WIN],
  noun: 'QuickWin',
  schemas: {
    create: CreateQuickWinBody,
    update: UpdateQuickWinBody,
    content: QuickWinContentSchema,
    action: QuickWinActionRequests,
    document: QuickWinSchema,
    list: QuickWinListSchema,
    versions: QuickWinVersionsSchema,
  },
  contentIssues(content) {
    const issues: string[] = [];
    const category = content.category as QuickWinCategory;
    if (!areasFor(category).includes(content.area as never)) {
      issues.push(`area ${String(content.area)} does not belong to category ${category} (allowed: ${areasFor(category).join(', ')})`);
    }
    const start = content.startDate as string;
    const end = content.endDate as string;
    if (end < start) issues.push('endDate must not be before startDate');
    else if (end > addMonths(start, 12)) issues.push('endDate must be at most 12 months after startDate (a Quick Win shows its benefit within a year)');
    return issues;
  },
  changeIssues: () => [],
  applyActionFacts(facts, { action, data, actor, at }) {
    if (action === 'REPORT_PROGRESS') {
      const reports = (facts.progressReports as unknown[] | undefined) ?? [];
      return { ...facts, progressReports: [...reports, { ...data, reportedBy: actor, reportedAt: at.toISOString() }] };
    }
    if (action === 'EVALUATE') {
      return { ...facts, evaluation: { ...data, evaluatedBy: actor, evaluatedAt: at.toISOString() } };
    }
    return facts;
  },
  viewFields(content, facts) {
    return {
      ...content,
      progressReports: facts.progressReports ?? [],
      evaluation: facts.evaluation ?? null,
    };
  },
  summaryOmits: { content: [], facts: ['progressReports'] },
  actionRefusalCodes: [ErrorCode.PERIOD_OUTSIDE_IMPLEMENTATION, ErrorCode.PERIOD_ALREADY_REPORTED],
  actionRefusal(content, facts, action, data) {
    if (action !== 'REPORT_PROGRESS' || data === undefined) return null;
    const reported = ((facts.progressReports as Array<{ period?: unknown }> | undefined) ?? []).map((r) => String(r.period));
    return progressReportRefusal({ period: String(data.period), startDate: String(content.startDate), endDate: String(content.endDate), reportedPeriods: reported });
  },
  yearOf: (content) => content.year as number,
};
