import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT } from '#queue';
import { withTimeout } from '../common/async/with-timeout.js';

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  async isHealthy(key: string, timeoutMs = 1000) {
    const session = this.indicators.check(key);
    try {
      const pong = await withTimeout(this.redis.ping(), timeoutMs, `no answer within ${timeoutMs} ms`);
      return pong === 'PONG' ? session.up() : session.down({ message: `unexpected reply ${pong}` });
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}
