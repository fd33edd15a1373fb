import type { DocumentRecord as StoredDocument, DocumentSummaryOmits } from '#persistence';
import { DOCUMENT_KINDS } from './kinds/index.js';

/** A document row with its instance, organisation facts and pending deadline (libs/persistence documents). */
export type DocumentRecord = StoredDocument;

/** What list pages and the inbox leave out of every kind (progress reports, a regulation's body). */
export const DOCUMENT_SUMMARY_OMITS: DocumentSummaryOmits = {
  content: Object.values(DOCUMENT_KINDS).flatMap((k) => k.summaryOmits.content),
  facts: Object.values(DOCUMENT_KINDS).flatMap((k) => k.summaryOmits.facts),
};
