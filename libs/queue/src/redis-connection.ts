import { Redis, type RedisOptions } from 'ioredis';

export type RedisRole =
  /** BullMQ workers block on Redis: they must retry forever (BullMQ production guide). */
  | 'worker'
  /** Producers and API-side clients fail fast so an HTTP request never hangs on a Redis outage. */
  | 'producer';

export function redisOptionsFromUrl(url: string, role: RedisRole): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: role === 'worker' ? null : 1,
    enableOfflineQueue: role === 'worker',
    connectTimeout: 5000,
    retryStrategy: (times) => Math.min(times * 200, 5000),
  };
}

export function createRedisConnection(url: string, role: RedisRole, connectionName?: string): Redis {
  return new Redis({ ...redisOptionsFromUrl(url, role), connectionName, lazyConnect: false });
}

/**
 * Resolves when the client's first connection attempt has an outcome: connected and ready, or failed
 * (refused, timed out; the client goes on retrying). A process that starts serving before then
 * answers its first requests as if Redis were down.
 */
export function firstConnectionOutcome(client: Redis): Promise<'ready' | 'failed'> {
  if (client.status === 'ready') return Promise.resolve('ready');
  return new Promise((resolve) => {
    const settle = (outcome: 'ready' | 'failed') => () => {
      client.off('ready', onReady).off('error', onFailure).off('end', onFailure);
      resolve(outcome);
    };
    const onReady = settle('ready');
    const onFailure = settle('failed');
    client.once('ready', onReady).once('error', onFailure).once('end', onFailure);
  });
}
