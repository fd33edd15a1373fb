import type { SharedBullAsyncConfiguration } from '@nestjs/bullmq';
import { APP_CONFIG, type AppConfig } from '#config';
import { redisOptionsFromUrl, type RedisRole } from './redis-connection.js';

/** BullMQ's shared connection: workers retry forever (`maxRetriesPerRequest: null`), producers fail fast. */
export function bullRootOptions(role: RedisRole): SharedBullAsyncConfiguration {
  return {
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({
      prefix: config.queuePrefix,
      connection: redisOptionsFromUrl(config.redisUrl, role),
    }),
  };
}
