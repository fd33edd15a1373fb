import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import net from 'node:net';
import { createTestApp, type TestApp } from '#testing';

/** A port with nothing listening: bind one, remember it, close it. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
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
      expect(res.body).toMatchObject({ status: 'error', info: { postgres: { status: 'up' } }, error: { redis: { status: 'down' } } });
    });
  });
});
