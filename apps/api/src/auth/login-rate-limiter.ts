import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '#config';
import { REDIS_CLIENT } from '#queue';
import { withTimeout } from '../common/async/with-timeout.js';

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed-window login attempt counters in Redis, so every API instance shares the count. While Redis is
 * unreachable it counts in this process instead: logins keep working and stay throttled.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly logger = new Logger(LoginRateLimiter.name);
  private readonly local = new Map<string, { count: number; resetAt: number }>();

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Counts one attempt against two fixed windows: the client address across all usernames (a spray of
   * usernames from one address) and the address with this username (one user's typos lock out no one
   * else). Refused when either is over its limit; Retry-After is when the later one resets.
   */
  async hit(address: string, username: string): Promise<RateDecision> {
    const { limit, addressLimit, ttlMs } = this.config.loginThrottle;
    const counters = [
      { key: this.keyOf(`address|${address}`), limit: addressLimit },
      { key: this.keyOf(`${address}|${username}`), limit },
    ];
    try {
      if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
      const multi = this.redis.multi();
      for (const { key } of counters) multi.incr(key).pexpire(key, ttlMs, 'NX').pttl(key);
      // a login never waits long on Redis: past this the limiter counts locally instead
      const results = await withTimeout(multi.exec(), 500, 'Redis did not answer within 500 ms');
      return decide(counters.map((c, i) => ({ ...c, count: Number(results?.[i * 3]?.[1]), pttl: Number(results?.[i * 3 + 2]?.[1]) })));
    } catch (error) {
      this.logger.warn(`login rate limiter falls back to process memory: ${(error as Error).message}`);
      return decide(counters.map((c) => ({ ...c, ...this.hitLocally(c.key, ttlMs) })));
    }
  }

  private keyOf(counter: string): string {
    return `${this.config.queuePrefix}:login-attempts:${createHash('sha256').update(counter).digest('hex').slice(0, 32)}`;
  }

  private hitLocally(key: string, ttlMs: number): { count: number; pttl: number } {
    const now = Date.now();
    const entry = this.local.get(key);
    const window = entry && entry.resetAt > now ? entry : { count: 0, resetAt: now + ttlMs };
    window.count += 1;
    this.local.set(key, window);
    if (this.local.size > 10_000) for (const [k, v] of this.local) if (v.resetAt <= now) this.local.delete(k);
    return { count: window.count, pttl: window.resetAt - now };
  }
}

function decide(counters: ReadonlyArray<{ limit: number; count: number; pttl: number }>): RateDecision {
  const over = counters.filter((c) => c.count > c.limit);
  const waitMs = Math.max(0, ...over.map((c) => c.pttl));
  return { allowed: over.length === 0, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
