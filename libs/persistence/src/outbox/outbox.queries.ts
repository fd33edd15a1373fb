import type { EntityManager } from 'typeorm';

/** One outbox row: what a transition asked the worker to do, as it committed it. */
export interface OutboxRecord {
  id: string;
  documentId: string;
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
