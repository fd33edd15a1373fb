import type { EntityManager } from 'typeorm';

/** A stored Idempotency-Key as a repeat of its request reads it. */
export interface IdempotencyKeyRow {
  requestHash: string;
  status: 'IN_FLIGHT' | 'DONE';
  responseStatus: number | null;
  body: unknown;
  headers: Record<string, string> | null;
}

const RETENTION = '24 hours';
/** A key still IN_FLIGHT after this long belongs to a request that died; it may be taken over. */
const ABANDONED_AFTER = '2 minutes';

/**
 * Claims the key for a request: a new key, an expired one, or one abandoned IN_FLIGHT by the same
 * request. true when this request now holds it.
 */
export async function claimIdempotencyKey(manager: EntityManager, userId: string, key: string, requestHash: string): Promise<boolean> {
  const claimed: unknown[] = await manager.query(
    `INSERT INTO idempotency_keys (user_id, key, request_hash, status, expires_at)
     VALUES ($1, $2, $3, 'IN_FLIGHT', now() + interval '${RETENTION}')
     ON CONFLICT (user_id, key) DO UPDATE
       SET request_hash = EXCLUDED.request_hash, status = 'IN_FLIGHT', created_at = now(),
           expires_at = EXCLUDED.expires_at, response_status = NULL, response_body = NULL, response_headers = NULL
     WHERE idempotency_keys.expires_at < now()
        OR (idempotency_keys.status = 'IN_FLIGHT' AND idempotency_keys.created_at < now() - interval '${ABANDONED_AFTER}'
            AND idempotency_keys.request_hash = EXCLUDED.request_hash)
     RETURNING 1`,
    [userId, key, requestHash],
  );
  return claimed.length === 1;
}

export async function findIdempotencyKey(manager: EntityManager, userId: string, key: string): Promise<IdempotencyKeyRow | null> {
  const [row]: IdempotencyKeyRow[] = await manager.query(
    `SELECT request_hash AS "requestHash", status, response_status AS "responseStatus", response_body AS "body", response_headers AS "headers"
       FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
    [userId, key],
  );
  return row ?? null;
}

/** Stores the response of the request holding the key (call it in the transaction that made the change). */
export async function completeIdempotencyKey(
  manager: EntityManager,
  userId: string,
  key: string,
  response: { status: number; body: unknown; headers: Record<string, string> },
): Promise<void> {
  await manager.query(
    `UPDATE idempotency_keys SET status = 'DONE', response_status = $3, response_body = $4, response_headers = $5
      WHERE user_id = $1 AND key = $2`,
    [userId, key, response.status, JSON.stringify(response.body), JSON.stringify(response.headers)],
  );
}

/** Frees a key still IN_FLIGHT (the request failed without a change). */
export async function releaseIdempotencyKey(manager: EntityManager, userId: string, key: string): Promise<void> {
  await manager.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status = 'IN_FLIGHT'`, [userId, key]);
}
