import type { ClassConstructor } from 'class-transformer';
import type { DocumentKind, GovernmentLevel } from '#workflow';
import type { ErrorCode } from '../../common/errors/error-code.enum.js';

export type DocumentContent = Record<string, unknown>;
export type DocumentFactsJson = Record<string, unknown>;

export interface ActionFactsInput {
  action: string;
  data: Record<string, unknown> | undefined;
  actor: string;
  at: Date;
}

/** What differs between Quick Wins and regulations; everything else is one engine. */
export interface DocumentKindSpec {
  kind: DocumentKind;
  /** Path segment of the HTTP resource (`quick-wins`, `regulations`). */
  resource: string;
  createDto: ClassConstructor<object>;
  updateDto: ClassConstructor<object>;
  /** Rules across fields, checked on create and on the merged content of an edit (400 when broken). */
  contentIssues(content: DocumentContent): string[];
  /** The DTO validating `data` of an action, when the action takes data. */
  actionData: Readonly<Record<string, ClassConstructor<object>>>;
  /** Facts an action records on the document (progress reports, evaluation, Berita Acara, ...). */
  applyActionFacts(facts: DocumentFactsJson, input: ActionFactsInput): DocumentFactsJson;
  /** Fields of the document view beyond the common ones. */
  viewFields(content: DocumentContent, facts: DocumentFactsJson, governmentLevel: GovernmentLevel): Record<string, unknown>;
  /**
   * Unbounded parts left out of list pages (the detail endpoint carries them): keys of the content
   * and of the facts, each also a field of the view.
   */
  summaryOmits: { readonly content: readonly string[]; readonly facts: readonly string[] };
  /** A refusal of an action's data by the document's own rules (e.g. one progress report per month), or null. */
  actionRefusal(content: DocumentContent, facts: DocumentFactsJson, action: string, data: Record<string, unknown> | undefined): { code: keyof typeof ErrorCode; reason: string } | null;
  /** The year a document is listed under (`?year=`). */
  yearOf(content: DocumentContent): number | null;
}
