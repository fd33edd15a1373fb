import type { DocumentKind } from '#workflow';
import type { DocumentKindSpec } from './document-kind.types.js';
import { quickWinKind } from './quick-win.kind.js';
import { regulationKind } from './regulation.kind.js';

export const DOCUMENT_KINDS: Readonly<Record<DocumentKind, DocumentKindSpec>> = {
  'quick-win': quickWinKind,
  regulation: regulationKind,
};

export type { DocumentKindSpec } from './document-kind.types.js';
