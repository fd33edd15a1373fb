import type { EntityManager } from 'typeorm';
import { sealEntry } from '#workflow';

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

/**
 * Appends the next link of a document's audit chain. The caller holds the document's row lock (or
 * created it in this transaction), so the chain has one writer; `hash` covers the document id, the
 * sequence number and every field, chained to the previous entry's hash.
 */
export async function appendHistory(
  manager: EntityManager,
  documentId: string,
  previous: { seq: number; hash: string | null },
  fields: AuditFields,
): Promise<{ seq: number; hash: string }> {
  const link = sealHistory(documentId, previous, fields);
  await manager.query(`INSERT INTO history_entries ${HISTORY_COLUMNS} VALUES ${placeholders(1, 14)}`, link.params);
  return { seq: link.seq, hash: link.hash };
}

export const HISTORY_COLUMNS = `(document_id, seq, action, from_state, to_state, actor, on_behalf_of, comment, data,
                                 content_version, content_hash, at, prev_hash, hash)`;

/** The next link, sealed, with the 14 parameters of its row (in HISTORY_COLUMNS order). */
export function sealHistory(documentId: string, previous: { seq: number; hash: string | null }, fields: AuditFields) {
  const seq = previous.seq + 1;
  const entry = sealEntry(previous.hash, canonicalEntry(documentId, seq, fields));
  const params = [documentId, seq, entry.action, entry.fromState, entry.toState, entry.actor, entry.onBehalfOf, entry.comment,
    entry.data === null ? null : JSON.stringify(entry.data), entry.contentVersion, entry.contentHash, entry.at, previous.hash, entry.hash];
  return { seq, hash: entry.hash, params };
}

/** `($first, ..., $first+count-1)` */
export function placeholders(first: number, count: number): string {
  return `(${Array.from({ length: count }, (_, i) => `$${first + i}`).join(', ')})`;
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
