import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { canonicalJson } from '#workflow';
import { AppException, validationFailed } from '../errors/app.exception.js';
import { ErrorCode } from '../errors/error-code.enum.js';

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type IdempotencyStart = { kind: 'proceed' } | { kind: 'replay'; response: StoredResponse };

const KEY = /^[\x21-\x7e]{1,255}$/;
const RETENTION = '24 hours';
/** A key still IN_FLIGHT after this long belongs to a request that died; it may be taken over. */
const ABANDONED_AFTER = '2 minutes';

/**
 * Idempotency-Key handling (api.md): the first request with a key claims it; a repeat of the same
 * request gets the stored response; the same key with another request is 422; a repeat while the
 * first is still running is 409. The response is stored in the transaction that made the change.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

  static isValidKey(key: string): boolean {
    return KEY.test(key);
  }

  static assertKey(key: string): void {
    if (!IdempotencyService.isValidKey(key)) throw validationFailed('Idempotency-Key must be 1-255 visible ASCII characters');
  }

  static requestHash(parts: unknown): string {
    return createHash('sha256').update(canonicalJson(parts)).digest('hex');
  }

  async start(userId: string, key: string, requestHash: string): Promise<IdempotencyStart> {
    const claimed: unknown[] = await this.dataSource.query(
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
    if (claimed.length === 1) return { kind: 'proceed' };

    const [existing] = await this.dataSource.query(
      `SELECT request_hash AS "requestHash", status, response_status AS "status2", response_body AS "body", response_headers AS "headers"
         FROM idempotency_keys WHERE user_id = $1 AND key = $2`,
      [userId, key],
    );
    if (!existing) return this.start(userId, key, requestHash); // expired and deleted in between
    if (existing.requestHash !== requestHash) {
      throw new AppException(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used for a different request');
    }
    if (existing.status === 'IN_FLIGHT') {
      throw new AppException(ErrorCode.IDEMPOTENCY_IN_FLIGHT, 'A request with this Idempotency-Key is still being processed');
    }
    return { kind: 'replay', response: { status: existing.status2, body: existing.body, headers: existing.headers ?? {} } };
  }

  /** Stores the response inside the transaction that made the change. */
  async complete(manager: EntityManager, userId: string, key: string, response: StoredResponse): Promise<void> {
    await manager.query(
      `UPDATE idempotency_keys SET status = 'DONE', response_status = $3, response_body = $4, response_headers = $5
        WHERE user_id = $1 AND key = $2`,
      [userId, key, response.status, JSON.stringify(response.body), JSON.stringify(response.headers)],
    );
  }

  /** The request failed without a change: free the key so the client may retry with it. */
  async release(userId: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status = 'IN_FLIGHT'`, [userId, key]);
  }
}
