import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import { createTestApp, TEST_REDIS_URL, type TestApp } from '#testing';

/** A port with nothing listening: bind one, remember it, close it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A proxy to the test Redis that holds each connection for `delayMs` before passing bytes on. */
async function slowRedisProxy(delayMs: number): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    setTimeout(() => {
      const redis = new URL(TEST_REDIS_URL);
      const upstream = net.connect(Number(redis.port || 6379), redis.hostname);
      sockets.add(upstream);
      client.pipe(upstream).pipe(client);
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    }, delayMs).unref();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}${new URL(TEST_REDIS_URL).pathname}`,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('GET /health', () => {
  describe('with PostgreSQL and Redis up', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(() => t.close());

    it('is 200 without a token', async () => {
      const res = await t.http.get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, redis: { status: 'up' } } });
    });

    it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
      const given = await t.http.get('/health').set('X-Request-Id', 'trace-123');
      expect(given.headers['x-request-id']).toBe('trace-123');
      const made = await t.http.get('/health').set('X-Request-Id', 'bad id with spaces');
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('with Redis unreachable', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    });
    afterAll(() => t.close());

    it('is 503 and names Redis as down', async () => {
      const res = await t.http.get('/health');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        status: 'error',
        info: { postgres: { status: 'up' } },
        error: { redis: { status: 'down', message: 'does not answer' } },
        details: { postgres: { status: 'up' }, redis: { status: 'down', message: 'does not answer' } },
      });
      // public: the server's own error (its address and port) stays in the log
      expect(JSON.stringify(res.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|\d{4,5}/);
    });
  });

  describe('with Redis slow to answer when the API starts', () => {
    let t: TestApp;
    let proxy: Awaited<ReturnType<typeof slowRedisProxy>>;
    beforeAll(async () => {
      proxy = await slowRedisProxy(3_000);
      t = await createTestApp({ REDIS_URL: proxy.url });
    });
    afterAll(async () => {
      await t.close();
      await proxy.close();
    });

    it('is 200 on the first request: the API serves once its Redis connection is ready', async () => {
      const res = await t.http.get('/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', info: { redis: { status: 'up' } } });
    });
  });
});
