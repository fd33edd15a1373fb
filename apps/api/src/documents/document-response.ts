import { storedResponse, type StoredResponse } from '../common/idempotency/idempotency.service.js';
import type { DocumentView } from './document-view.js';
import { etagOf } from './if-match.util.js';

/** A document's answer as the idempotency store keeps it: its view as JSON, with its ETag (and any other header). */
export function documentResponse(view: DocumentView, status = 200, headers: Record<string, string> = {}): StoredResponse {
  return storedResponse(status, view, { ETag: etagOf(view.version), ...headers });
}
