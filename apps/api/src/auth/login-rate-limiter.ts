import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '#config';
import { REDIS_CLIENT } from '#queue';

export interface RateDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Fixed-window login attempt counter in Redis, so every API instance shares the count. While Redis is
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

  async hit(clientKey: string): Promise<RateDecision> {
    const { limit, ttlMs } = this.config.loginThrottle;
    const key = `${this.config.queuePrefix}:login-attempts:${createHash('sha256').update(clientKey).digest('hex').slice(0, 32)}`;
    try {
      if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
      const results = await withTimeout(this.redis.multi().incr(key).pexpire(key, ttlMs, 'NX').pttl(key).exec(), 500);
      const count = Number(results?.[0]?.[1]);
      const pttl = Number(results?.[2]?.[1]);
      return { allowed: count <= limit, retryAfterSeconds: Math.max(1, Math.ceil(pttl / 1000)) };
    } catch (error) {
      this.logger.warn(`login rate limiter falls back to process memory: ${(error as Error).message}`);
      return this.hitLocally(key, limit, ttlMs);
    }
  }

  private hitLocally(key: string, limit: number, ttlMs: number): RateDecision {
    const now = Date.now();
    const entry = this.local.get(key);
    const window = entry && entry.resetAt > now ? entry : { count: 0, resetAt: now + ttlMs };
    window.count += 1;
    this.local.set(key, window);
    if (this.local.size > 10_000) for (const [k, v] of this.local) if (v.resetAt <= now) this.local.delete(k);
    return { allowed: window.count <= limit, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - now) / 1000)) };
  }
}

/** A login never waits long on Redis: past `ms` the limiter counts locally instead. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms).unref()),
  ]);
}
