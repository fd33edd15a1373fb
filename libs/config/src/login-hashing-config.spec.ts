import { describe, expect, it } from '@jest/globals';
import { InvalidConfigurationError, loadAppConfig } from './app-config.js';

describe('password-check concurrency and the libuv thread pool', () => {
  it('runs two checks at once by default, below the default pool of four threads', () => {
    expect(loadAppConfig({}).loginHashing.concurrency).toBe(2);
  });

  it('refuses as many checks at once as the pool has threads: fs, dns and crypto would wait behind a flood', () => {
    let error: unknown;
    try {
      loadAppConfig({ LOGIN_HASH_CONCURRENCY: '4' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidConfigurationError);
    expect((error as InvalidConfigurationError).variables).toEqual(['LOGIN_HASH_CONCURRENCY']);
    expect((error as Error).message).toMatch(/must be below UV_THREADPOOL_SIZE/);
  });

  it('allows more checks at once when the pool is larger', () => {
    expect(loadAppConfig({ UV_THREADPOOL_SIZE: '8', LOGIN_HASH_CONCURRENCY: '7' }).loginHashing.concurrency).toBe(7);
    expect(() => loadAppConfig({ UV_THREADPOOL_SIZE: '8', LOGIN_HASH_CONCURRENCY: '8' })).toThrow(InvalidConfigurationError);
  });
});
