import type { DocumentRecord as StoredDocument, DocumentSummaryOmits, InboxSummary } from '#persistence';
import { DOCUMENT_KINDS } from './kinds/index.js';

/** A document row with its instance, organisation facts and pending deadline (libs/persistence documents). */
export type DocumentRecord = StoredDocument;

/** What the inbox reads of a document: no content or facts (libs/persistence documents). */
export type { InboxSummary };

/** What the policy reads of a document (`documentFactsOf`, `allowedActionsOf`): every record and summary has it. */
export type PolicySubject = Pick<
  InboxSummary,
  'kind' | 'state' | 'final' | 'createdBy' | 'governmentCode' | 'governmentLevel' | 'parentGovernmentCode' | 'unitCode' | 'history' | 'snapshot' | 'machineVersion'
>;

/** What a document's open deadline shows and its "Segera jatuh tempo" bounds need (`deadlineViewOf`, `DeadlineBoundsLoader`). */
export type DeadlineSubject = Pick<InboxSummary, 'id' | 'final' | 'deadline' | 'governmentId' | 'governmentCode' | 'timeZone' | 'calendarRevision'>;

/** What list pages and the inbox leave out of every kind (progress reports, a regulation's body). */
export const DOCUMENT_SUMMARY_OMITS: DocumentSummaryOmits = {
  content: Object.values(DOCUMENT_KINDS).flatMap((k) => k.summaryOmits.content),
  facts: Object.values(DOCUMENT_KINDS).flatMap((k) => k.summaryOmits.facts),
};
