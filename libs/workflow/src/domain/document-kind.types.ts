/** The kinds of documents the engine runs; also the URL segment of `GET /api/workflows/:kind`. */
export const DocumentKind = {
  QUICK_WIN: 'quick-win',
  REGULATION: 'regulation',
} as const;

export type DocumentKind = (typeof DocumentKind)[keyof typeof DocumentKind];

export const ALL_DOCUMENT_KINDS: readonly DocumentKind[] = Object.freeze(Object.values(DocumentKind));

export function isDocumentKind(value: unknown): value is DocumentKind {
  return typeof value === 'string' && (ALL_DOCUMENT_KINDS as readonly string[]).includes(value);
}
