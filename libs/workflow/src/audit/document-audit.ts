import { sealEntry, verifyChain, type ChainVerification } from './audit-chain.util.js';

/** The fields of one history entry of a document, as the audit chain hashes them. */
export interface AuditFields {
  action: string;
  fromState: string | null;
  toState: string;
  actor: string;
  onBehalfOf: string | null;
  comment: string | null;
  data: Record<string, unknown> | null;
  contentVersion: number;
  contentHash: string;
  at: Date;
}

/** Exactly what the hash covers; verification rebuilds it from the stored row. */
export function canonicalEntry(documentId: string, seq: number, f: AuditFields) {
  return {
    documentId,
    seq,
    action: f.action,
    fromState: f.fromState,
    toState: f.toState,
    actor: f.actor,
    onBehalfOf: f.onBehalfOf,
    comment: f.comment,
    data: f.data,
    contentVersion: f.contentVersion,
    contentHash: f.contentHash,
    at: f.at.toISOString(),
  };
}

export type CanonicalAuditEntry = ReturnType<typeof canonicalEntry>;

/** The next link of a document's chain after `previous` (seq 0 and hash null before the first). */
export function sealDocumentEntry(
  documentId: string,
  previous: { seq: number; hash: string | null },
  fields: AuditFields,
): CanonicalAuditEntry & { hash: string; prevHash: string | null } {
  const seq = previous.seq + 1;
  return { ...sealEntry(previous.hash, canonicalEntry(documentId, seq, fields)), prevHash: previous.hash };
}

/**
 * Verifies a document's history (ascending seq) against its hashes, then against the chain head the
 * instance recorded (last seq and hash, written in the same transaction as every append): the walk
 * alone cannot see a re-hashed or deleted last entry.
 */
export function verifyDocumentChain(
  documentId: string,
  entries: ReadonlyArray<AuditFields & { seq: number; hash: string }>,
  head: { lastSeq: number; lastHash: string | null },
): ChainVerification {
  const walked = verifyChain(entries.map((e) => ({ ...canonicalEntry(documentId, e.seq, e), hash: e.hash })));
  return walked.valid ? verifyChainHead(entries, head) : walked;
}

function verifyChainHead(entries: ReadonlyArray<{ seq: number; hash: string }>, head: { lastSeq: number; lastHash: string | null }): ChainVerification {
  const last = entries.at(-1);
  const seq = last?.seq ?? 0;
  if (seq < head.lastSeq) {
    return { valid: false, firstInvalidSeq: seq + 1, reason: `entry ${seq + 1} is missing: the document's chain ends at entry ${head.lastSeq}` };
  }
  if (seq > head.lastSeq) {
    return { valid: false, firstInvalidSeq: head.lastSeq + 1, reason: `entry ${head.lastSeq + 1} was never written by the document's chain, which ends at entry ${head.lastSeq}` };
  }
  if ((last?.hash ?? null) !== head.lastHash) {
    return { valid: false, firstInvalidSeq: seq, reason: `entry ${seq} is not the head the document's chain recorded` };
  }
  return { valid: true, firstInvalidSeq: null, reason: null };
}
