import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { createTestApp, TEST_DEMO_PASSWORD, type TestApp } from '#testing';

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
});
