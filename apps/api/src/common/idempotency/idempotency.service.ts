import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { claimIdempotencyKey, completeIdempotencyKey, findIdempotencyKey, releaseIdempotencyKey } from '#persistence';
import { canonicalJson } from '#workflow';
import { AppException, validationFailed } from '../errors/app.exception.js';
import { ErrorCode } from '../errors/error-code.enum.js';

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

/**
 * An answer as a use case made it. Sent and stored alike as JSON (dates become strings either way), so a
 * replay of the stored one sends the same bytes: no copy through JSON here, which every answer paid.
 */
export function storedResponse(status: number, body: unknown, headers: Record<string, string> = {}): StoredResponse {
  return { status, body, headers };
}

export type IdempotencyStart = { kind: 'proceed' } | { kind: 'replay'; response: StoredResponse };

const KEY = /^[\x21-\x7e]{1,255}$/;

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

  /**
   * Runs a request at most once per key: the first claims the key, a repeat of the same request gets
   * the first response (`run` stores it with `complete` in the transaction that makes the change), and
   * a failure frees the key. No key, or a malformed one, goes straight to `run`, which refuses a
   * malformed key where api.md's order of checks puts that refusal.
   */
  async once(userId: string, key: string | undefined, request: unknown, run: (key: string | undefined) => Promise<StoredResponse>): Promise<StoredResponse> {
    if (key === undefined || !IdempotencyService.isValidKey(key)) return run(key);
    const start = await this.start(userId, key, IdempotencyService.requestHash(request));
    if (start.kind === 'replay') return start.response;
    try {
      return await run(key);
    } catch (error) {
      await this.release(userId, key);
      throw error;
    }
  }

  /**
   * `once` for a use case whose change is one transaction of its own: `work` runs in it, and its
   * answer, kept with `status`, is stored there when a key was sent. `prepare` runs before the
   * transaction and only when the request runs, not for a replay (a password's hash, say, which should
   * neither hold a connection nor be computed again for an answer already stored).
   */
  inTransaction<P = undefined>(
    userId: string,
    key: string | undefined,
    request: unknown,
    status: number,
    work: (tx: EntityManager, prepared: P) => Promise<unknown>,
    prepare?: () => Promise<P>,
  ): Promise<StoredResponse> {
    return this.once(userId, key, request, async (claimed) => {
      if (claimed !== undefined) IdempotencyService.assertKey(claimed);
      const prepared = prepare ? await prepare() : (undefined as P);
      return this.dataSource.transaction(async (tx) => {
        const response = storedResponse(status, await work(tx, prepared));
        if (claimed !== undefined) await this.complete(tx, userId, claimed, response);
        return response;
      });
    });
  }

  async start(userId: string, key: string, requestHash: string): Promise<IdempotencyStart> {
    if (await claimIdempotencyKey(this.dataSource.manager, userId, key, requestHash)) return { kind: 'proceed' };

    const existing = await findIdempotencyKey(this.dataSource.manager, userId, key);
    if (!existing) return this.start(userId, key, requestHash); // expired and deleted in between
    if (existing.requestHash !== requestHash) {
      throw new AppException(ErrorCode.IDEMPOTENCY_KEY_REUSED, 'This Idempotency-Key was used for a different request');
    }
    if (existing.status === 'IN_FLIGHT') {
      throw new AppException(ErrorCode.IDEMPOTENCY_IN_FLIGHT, 'A request with this Idempotency-Key is still being processed');
    }
    return { kind: 'replay', response: { status: existing.responseStatus!, body: existing.body, headers: existing.headers ?? {} } };
  }

  /** Stores the response inside the transaction that made the change. */
  async complete(manager: EntityManager, userId: string, key: string, response: StoredResponse): Promise<void> {
    await completeIdempotencyKey(manager, userId, key, response);
  }

  /** The request failed without a change: free the key so the client may retry with it. */
  async release(userId: string, key: string): Promise<void> {
    await releaseIdempotencyKey(this.dataSource.manager, userId, key);
  }
}
