import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, TEST_DEMO_PASSWORD, type TestApp } from '#testing';
import { PasswordHashGate } from '../apps/api/src/auth/password-hash-gate.js';

// argon2 hashes one after another on a loaded machine: generous (no test asserts a duration)
jest.setTimeout(90_000);

/** A sign-in as a client would make it: from `address` (the API trusts X-Forwarded-For from loopback). */
function login(t: TestApp, address: string, username: string, password = 'not-the-password') {
  return t.http.post('/api/auth/login').set('X-Forwarded-For', address).send({ username, password });
}

describe('login abuse (issue 9, finding 3)', () => {
  describe('a username spray from one address', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ LOGIN_THROTTLE_ADDRESS_LIMIT: '20', LOGIN_THROTTLE_LIMIT: '10' });
    });
    afterAll(() => t.close());

    it('gets 429 with Retry-After once the address has made its 20 attempts, whatever the usernames; other addresses still sign in', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await login(t, '203.0.113.7', `spray.user${i}`);
        statuses.push(res.status);
        if (res.status === 429) {
          expect(res.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
          expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        }
      }
      expect(statuses).toEqual([...Array(20).fill(401), ...Array(10).fill(429)]);
      // the right password from the spraying address is refused too: the address is spent
      expect((await login(t, '203.0.113.7', 'kaltim.sekda', TEST_DEMO_PASSWORD)).status).toBe(429);
      expect((await login(t, '198.51.100.9', 'kaltim.sekda', TEST_DEMO_PASSWORD)).status).toBe(200);
    });
  });

  describe('a concurrent flood of logins from many addresses', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp({ LOGIN_HASH_CONCURRENCY: '1', LOGIN_HASH_QUEUE: '4' });
    });
    afterAll(() => t.close());

    it('refuses what the password check cannot take (503 with Retry-After) while /health and a real sign-in still answer', async () => {
      const flood = Array.from({ length: 40 }, (_, i) => login(t, `10.9.0.${i + 1}`, `flood.user${i}`));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const health = await t.http.get('/health');
      expect(health.status).toBe(200);

      // a real user from another address, retrying after Retry-After as a client does
      let real = await login(t, '198.51.100.20', 'kaltim.kadis', TEST_DEMO_PASSWORD);
      for (let attempt = 0; real.status === 503 && attempt < 20; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, Number(real.headers['retry-after']) * 1000));
        real = await login(t, '198.51.100.20', 'kaltim.kadis', TEST_DEMO_PASSWORD);
      }
      expect(real.status).toBe(200);

      const answers = await Promise.all(flood);
      const statuses = answers.map((r) => r.status);
      expect(statuses.every((s) => s === 401 || s === 503)).toBe(true);
      const refused = answers.filter((r) => r.status === 503);
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) {
        expect(r.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/busy/) });
        expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
      // the checks that ran answered as usual
      expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(1);
    });
  });

  describe('while the password-check gate is full', () => {
    let t: TestApp;
    let gate: PasswordHashGate;
    beforeAll(async () => {
      t = await createTestApp({ LOGIN_HASH_CONCURRENCY: '1', LOGIN_HASH_QUEUE: '0', LOGIN_THROTTLE_ADDRESS_LIMIT: '3', CORS_ORIGINS: 'https://alur.example.go.id' });
      gate = t.app.get(PasswordHashGate);
    });
    afterAll(() => t.close());

    /** Takes the gate's one place until the returned function is called (as a check in progress would). */
    async function holdGate(): Promise<() => Promise<void>> {
      let release!: () => void;
      const held = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
      await new Promise((resolve) => setImmediate(resolve));
      return async () => {
        release();
        await held;
      };
    }

    it('refuses a sign-in before its body is read: a malformed body gets 503 with Retry-After, not 400', async () => {
      const release = await holdGate();
      for (const path of ['/api/auth/login', '/api/auth/session', '/API/auth/login/']) {
        const res = await t.http.post(path).set('X-Forwarded-For', '10.7.0.1').set('Content-Type', 'application/json').send('{"username":');
        expect(res.status).toBe(503);
        expect(res.body).toEqual({ statusCode: 503, error: 'Service Unavailable', code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/busy/) });
        expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      }
      await release();
      // with a free place the same body is read, and refused as malformed
      const malformed = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.7.0.1').set('Content-Type', 'application/json').send('{"username":');
      expect(malformed.status).toBe(400);
    });

    it('sends a refusal with the API\'s own headers: no caching, no sniffing, CORS for an allowed origin only', async () => {
      const release = await holdGate();
      const allowed = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.7.0.3').set('Origin', 'https://alur.example.go.id').send({ username: 'x', password: 'y' });
      const other = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.7.0.4').set('Origin', 'https://elsewhere.example').send({ username: 'x', password: 'y' });
      await release();
      // what an answer of the API proper carries, so a client sees one set of headers whoever answered
      const answered = await t.http.post('/api/auth/login').set('X-Forwarded-For', '10.7.0.5').set('Origin', 'https://alur.example.go.id').send({ username: 'x', password: 'y' });
      expect(answered.status).toBe(401);
      expect(allowed.status).toBe(503);
      for (const header of ['access-control-allow-origin', 'access-control-expose-headers', 'cache-control', 'x-content-type-options']) {
        expect(allowed.headers[header]).toBe(answered.headers[header]);
      }
      expect(allowed.headers['access-control-expose-headers']).toContain('Retry-After');
      expect(allowed.headers.vary).toContain('Origin');
      expect(other.status).toBe(503);
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
      expect(other.headers['cache-control']).toBe('no-store');
      expect(other.headers['x-content-type-options']).toBe('nosniff');
    });

    it('spends none of the address attempt limit on refusals: after the flood the address still signs in', async () => {
      const release = await holdGate();
      for (let i = 0; i < 6; i++) expect((await login(t, '10.7.0.2', `flood.user${i}`)).status).toBe(503);
      await release();
      expect((await login(t, '10.7.0.2', 'kaltim.kadis', TEST_DEMO_PASSWORD)).status).toBe(200);
      expect((await login(t, '10.7.0.2', 'kaltim.kadis', TEST_DEMO_PASSWORD)).status).toBe(200);
    });

    it('keeps refusing nothing else: /health and other routes answer while the gate is full', async () => {
      const release = await holdGate();
      expect((await t.http.get('/health')).status).toBe(200);
      expect((await t.http.get('/api/auth/providers')).status).toBe(200);
      await release();
    });
  });

  describe('a flood on one username from many addresses', () => {
    let t: TestApp;
    let gate: PasswordHashGate;
    beforeAll(async () => {
      // four places: the share of one username or one address is one of them
      t = await createTestApp({ LOGIN_HASH_CONCURRENCY: '1', LOGIN_HASH_QUEUE: '3' });
      gate = t.app.get(PasswordHashGate);
    });
    afterAll(() => t.close());

    it('holds only that username\'s share of the gate: another username still gets a place and signs in', async () => {
      expect(gate.share).toBe(1);
      let release!: () => void;
      const held = gate.run(() => new Promise<void>((resolve) => (release = resolve)));
      await new Promise((resolve) => setImmediate(resolve));

      const first = login(t, '10.8.0.1', 'kaltim.sekda').then((res) => res); // sent now; waits in the gate
      await waitFor(() => gate.load.waiting === 1);
      // the same username from other addresses: over its share, refused though places are free
      for (let i = 2; i <= 4; i++) {
        const res = await login(t, `10.8.0.${i}`, 'kaltim.sekda');
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      }
      const other = login(t, '198.51.100.30', 'kaltim.kadis', TEST_DEMO_PASSWORD).then((res) => res);
      await waitFor(() => gate.load.waiting === 2);
      release();
      await held;
      expect((await first).status).toBe(401);
      expect((await other).status).toBe(200);
    });
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
}
