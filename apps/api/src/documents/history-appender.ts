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
  const seq = previous.seq + 1;
  const entry = sealEntry(previous.hash, canonicalEntry(documentId, seq, fields));
  await manager.query(
    `INSERT INTO history_entries (document_id, seq, action, from_state, to_state, actor, on_behalf_of, comment, data,
                                  content_version, content_hash, at, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [documentId, seq, entry.action, entry.fromState, entry.toState, entry.actor, entry.onBehalfOf, entry.comment,
      entry.data === null ? null : JSON.stringify(entry.data), entry.contentVersion, entry.contentHash, entry.at, previous.hash, entry.hash],
  );
  return { seq, hash: entry.hash };
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
