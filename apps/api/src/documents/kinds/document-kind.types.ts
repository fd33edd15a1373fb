import type { TSchema } from 'typebox';
import type { ActionRequestSchemas } from '../document.schemas.js';
import type { DocumentKind, GovernmentLevel, LocalDate } from '#workflow';
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
  /** Path segment of the HTTP resource (`quick-wins`, `regulations`): `DOCUMENT_PATHS`. */
  resource: string;
  /** `QuickWin`, `Regulation`: the noun of its operationIds (`createQuickWin`, `fireRegulationAction`). */
  noun: string;
  schemas: {
    create: TSchema;
    update: TSchema;
    /** The whole content, checked again on the merged content of an edit. */
    content: TSchema;
    /** POST .../actions, with each action's data schema. */
    action: ActionRequestSchemas;
    document: TSchema;
    list: TSchema;
    versions: TSchema;
  };
  /** Rules across fields, checked on create and on the merged content of an edit (400 when broken). */
  contentIssues(content: DocumentContent): string[];
  /**
   * Rules on what a create or an edit sets that depend on today in the document's government's zone
   * (`timeZone`), checked on the new content against the `stored` one (null on create), so that a value
   * stored before it became wrong is not judged again (400 when broken).
   */
  changeIssues(content: DocumentContent, stored: DocumentContent | null, now: Date, timeZone: string): string[];
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
  /** The codes actionRefusal may answer (documented on POST .../actions). */
  actionRefusalCodes: readonly ErrorCode[];
  actionRefusal(
    content: DocumentContent,
    facts: DocumentFactsJson,
    action: string,
    data: Record<string, unknown> | undefined,
    /** in the document's government's zone */
    today: LocalDate,
  ): { code: keyof typeof ErrorCode; reason: string } | null;
  /** The year a document is listed under (`?year=`). */
  yearOf(content: DocumentContent): number | null;
}
