import type { EntityManager } from 'typeorm';
import { outboxMessageOf, type OutboxRow, type StoredOutboxMessage } from '#queue';
import { queryPrepared } from '../prepared-query.util.js';

/** One outbox row: what a transition asked the worker to do, as it committed it. */
export interface OutboxRecord {
  id: string;
  /** Null for a message about no document (DELEGATION_CHANGED). */
  documentId: string | null;
  type: string;
  payload: Record<string, unknown>;
  processedAt: Date | null;
}

/** The outbox row `id` (a bigint as text), or null. */
export async function findOutboxRow(manager: EntityManager, id: string): Promise<OutboxRecord | null> {
  const rows: OutboxRecord[] = await manager.query(
    `SELECT id::text AS id, document_id AS "documentId", type, payload, processed_at AS "processedAt" FROM outbox WHERE id = $1::bigint`,
    [id],
  );
  return rows[0] ?? null;
}

/** A pending row: its message, or null when the row holds no message the contract knows. */
export interface PendingOutboxRow {
  id: string;
  type: string;
  message: StoredOutboxMessage | null;
}

/**
 * Locks up to `limit` unprocessed rows, oldest first (SKIP LOCKED: several relays share the work).
 * The lock lasts as long as the caller's transaction.
 */
export async function lockPendingOutboxRows(manager: EntityManager, limit: number): Promise<PendingOutboxRow[]> {
  const rows = await queryPrepared<OutboxRow>(
    manager,
    // outbox.id, the bigint: a bare "id" would name the text column of the select list (1, 10, 11, 2, ...)
    `SELECT id::text AS id, document_id AS "documentId", type, payload FROM outbox
      WHERE processed_at IS NULL ORDER BY outbox.id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  );
  return rows.map((row) => ({ id: row.id, type: row.type, message: outboxMessageOf(row) }));
}

/** Rows waiting for the relay: how many (counted up to `OUTBOX_BACKLOG_COUNT_CAP`), and the oldest one's age. */
export interface OutboxBacklog {
  pending: number;
  /** More rows wait than `pending` says: the count stopped at `OUTBOX_BACKLOG_COUNT_CAP`. */
  pendingCapped: boolean;
  /** Seconds since the oldest unrelayed row was written (the database's clock); null when none waits. */
  oldestPendingSeconds: number | null;
}

/** Beyond this many waiting rows the count stops: the answer stays cheap when the relay has been down for long. */
export const OUTBOX_BACKLOG_COUNT_CAP = 100_000;

export async function outboxBacklog(manager: EntityManager): Promise<OutboxBacklog> {
  const [row] = (await manager.query(
    `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM outbox WHERE processed_at IS NULL LIMIT $1 + 1) waiting) AS counted,
            (SELECT greatest(extract(epoch FROM now() - created_at), 0)::float8 FROM outbox WHERE processed_at IS NULL ORDER BY id LIMIT 1) AS "oldestPendingSeconds"`,
    [OUTBOX_BACKLOG_COUNT_CAP],
  )) as Array<{ counted: number; oldestPendingSeconds: number | null }>;
  const { counted, oldestPendingSeconds } = row;
  return { pending: Math.min(counted, OUTBOX_BACKLOG_COUNT_CAP), pendingCapped: counted > OUTBOX_BACKLOG_COUNT_CAP, oldestPendingSeconds };
}

export async function markOutboxRowsProcessed(manager: EntityManager, ids: readonly string[]): Promise<void> {
  await queryPrepared(manager, `UPDATE outbox SET processed_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
}


/** The channel the outbox trigger NOTIFYs on each insert. */
export const OUTBOX_CHANNEL = 'alur_outbox';

/** Subscribes a dedicated connection to the outbox trigger's NOTIFY. */
export async function listenForOutbox(client: { query(text: string): Promise<unknown> }): Promise<void> {
  await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
}
