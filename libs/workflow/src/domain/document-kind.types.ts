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

/**
 * The path segment of a kind's documents: the API's resource (`/api/quick-wins/:id`) and the web app's
 * page of one (`/quick-wins/:id`), which e-mails link to.
 */
export const DOCUMENT_PATHS = Object.freeze({
  [DocumentKind.QUICK_WIN]: 'quick-wins',
  [DocumentKind.REGULATION]: 'regulations',
} as const satisfies Record<DocumentKind, string>);

/** The web app's page of one document (`/quick-wins/<id>`): the inbox's, the reports' and the notifications' links. */
export function documentPagePath(kind: DocumentKind, id: string): string {
  return `/${DOCUMENT_PATHS[kind]}/${id}`;
}
