import { canonicalJson } from './canonical-json.util.js';
import { sha256Hex } from './sha256.util.js';

/** SHA-256 hex of the canonical JSON of a document's content fields (the `contentHash` of a version). */
export function computeContentHash(fields: Readonly<Record<string, unknown>>): string {
  return sha256Hex(canonicalJson(fields));
}
