import { DOCUMENT_PATHS, DocumentKind, harmonizationReportRefusal, regulationTypeFor, targetDateRefusal, timeZoneAbbreviation, toLocalDateTime } from '#workflow';
import { ErrorCode } from '../../common/errors/error-code.enum.js';
import type { DocumentKindSpec } from './document-kind.types.js';
import {
  CreateRegulationBody,
  RegulationActionRequests,
  RegulationContentSchema,
  RegulationListSchema,
  RegulationSchema,
  RegulationVersionsSchema,
  UpdateRegulationBody,
} from './regulation.schemas.js';

export const regulationKind: DocumentKindSpec = {
  kind: DocumentKind.REGULATION,
  resource: DOCUMENT_PATHS[DocumentKind.REGULATION],
  noun: 'Regulation',
  schemas: {
    create: CreateRegulationBody,
    update: UpdateRegulationBody,
    content: RegulationContentSchema,
    action: RegulationActionRequests,
    document: RegulationSchema,
    list: RegulationListSchema,
    versions: RegulationVersionsSchema,
  },
  contentIssues: () => [],
  changeIssues(content, stored, now, timeZone) {
    const reason = targetDateRefusal({
      targetDate: content.targetDate as string | undefined,
      stored: stored?.targetDate as string | undefined,
      today: toLocalDateTime(now, timeZone).date,
      zone: timeZoneAbbreviation(timeZone, now),
    });
    return reason === null ? [] : [reason];
  },
  applyActionFacts(facts, { action, data, actor, at }) {
    if (action === 'RECORD_HARMONIZATION') {
      return { ...facts, harmonization: { ...data, recordedBy: actor, recordedAt: at.toISOString() } };
    }
    if (action === 'PUBLISH') {
      return { ...facts, publication: { url: data?.url ?? null, publishedBy: actor, publishedAt: at.toISOString() } };
    }
    return facts;
  },
  viewFields(content, facts, level) {
    return {
      ...content,
      targetDate: content.targetDate ?? null,
      type: facts.type ?? regulationTypeFor(level),
      harmonization: facts.harmonization ?? null,
      number: facts.number ?? null,
      year: facts.year ?? null,
      gazetteNumber: facts.gazetteNumber ?? null,
      officialTitle: facts.officialTitle ?? null,
      promulgatedAt: facts.promulgatedAt ?? null,
      publication: facts.publication ?? null,
    };
  },
  summaryOmits: { content: ['body'], facts: [] },
  actionRefusalCodes: [ErrorCode.VALIDATION_FAILED],
  actionRefusal(_content, _facts, action, data, today) {
    if (action !== 'RECORD_HARMONIZATION' || typeof data?.reportDate !== 'string') return null;
    const reason = harmonizationReportRefusal(data.reportDate, today);
    return reason === null ? null : { code: 'VALIDATION_FAILED', reason };
  },
  yearOf: () => null,
};
