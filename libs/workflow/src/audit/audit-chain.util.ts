import { canonicalJson } from './canonical-json.util.js';
import { sha256Hex } from './sha256.util.js';

/** An audit entry as stored: `seq` numbers the chain, `hash` seals it; every other field is hashed. */
export interface HashedAuditEntry {
  readonly seq: number;
  readonly hash: string;
  readonly [field: string]: unknown;
}

export interface ChainVerification {
  readonly valid: boolean;
  /** The seq of the first entry that does not match, or null when the chain is valid. */
  readonly firstInvalidSeq: number | null;
  readonly reason: string | null;
}

/**
 * `hash` of an audit entry: SHA-256 hex over the previous entry's hash (empty string for the first
 * entry) immediately followed by the canonical JSON of this entry without its `hash` field.
 */
export function computeEntryHash(previousHash: string | null, entryWithoutHash: Readonly<Record<string, unknown>>): string {
  if ('hash' in entryWithoutHash) {
    throw new TypeError('computeEntryHash: pass the entry without its hash field');
  }
  return sha256Hex(`${previousHash ?? ''}${canonicalJson(entryWithoutHash)}`);
}

/** Seals an entry: returns it with its `hash`. */
export function sealEntry<T extends { readonly seq: number }>(previousHash: string | null, entry: T): T & { hash: string } {
  return { ...entry, hash: computeEntryHash(previousHash, entry) };
}

/**
 * Walks a document's chain in the order given (ascending seq): seqs must run 1, 2, 3, ... and every
 * hash must equal computeEntryHash(previous hash, entry without hash). Names the first entry that
 * fails. An empty chain is valid.
 */
export function verifyChain(entries: readonly HashedAuditEntry[]): ChainVerification {
  let previousHash: string | null = null;
  let expectedSeq = 1;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      return { valid: false, firstInvalidSeq: entry.seq, reason: `expected seq ${expectedSeq}, found ${entry.seq}` };
    }
    const { hash, ...rest } = entry;
    let expected: string;
    try {
      expected = computeEntryHash(previousHash, rest);
    } catch (error) {
      return { valid: false, firstInvalidSeq: entry.seq, reason: `entry cannot be hashed: ${(error as Error).message}` };
    }
    if (hash !== expected) {
      return { valid: false, firstInvalidSeq: entry.seq, reason: `hash of entry ${entry.seq} does not match its content and the previous hash` };
    }
    previousHash = hash;
    expectedSeq += 1;
  }
  return { valid: true, firstInvalidSeq: null, reason: null };
}
