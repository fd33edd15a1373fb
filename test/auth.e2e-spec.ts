import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHmac, randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '#testing';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function signHs256(payload: object, secret = SECRET, header: object = { alg: 'HS256', typ: 'JWT' }): string {
  const unsigned = `${b64(header)}.${b64(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

describe('authentication', () => {
  let t: TestApp;
  let sekdaId: string;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_THROTTLE_LIMIT: '5', JWT_SECRET: SECRET });
    [{ id: sekdaId }] = await t.dataSource.query(`SELECT id FROM users WHERE username = 'kaltim.sekda'`);
  });
  afterAll(() => t.close());

  it('logs a demo user in with the demo password', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 'kaltim.sekda', password: 'demo12345' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600, user: { username: 'kaltim.sekda', governmentCode: 'kaltim', unitCode: 'setda', roles: ['SECRETARY'] } });
    const [header] = String(res.body.accessToken).split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'HS256' });
    expect(res.body.user.passwordHash).toBeUndefined();
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await t.http.post('/api/auth/login').send({ username: 'kaltim.drafter', password: 'not-the-password' });
    const unknown = await t.http.post('/api/auth/login').send({ username: 'kaltim.nobody', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED' });
  });

  it('rejects a login body with unknown or missing fields with 400', async () => {
    const extra = await t.http.post('/api/auth/login').send({ username: 'kaltim.sekda', password: 'demo12345', admin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('VALIDATION_FAILED');
    const missing = await t.http.post('/api/auth/login').send({ username: 'kaltim.sekda' });
    expect(missing.status).toBe(400);
    const malformed = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"username": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
  });

  it('throttles repeated login attempts with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.http.post('/api/auth/login').send({ username: 'berau.kadis', password: 'wrong-password' });
      statuses.push(res.status);
      if (res.status === 429) expect(res.body.code).toBe('RATE_LIMITED');
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    // another user from the same address is not locked out
    const other = await t.http.post('/api/auth/login').send({ username: 'berau.sekda', password: 'demo12345' });
    expect(other.status).toBe(200);
  });

  it('says how people sign in here (GET /api/auth/providers, public): passwords, no reset by e-mail without SMTP, no SSO', async () => {
    const res = await t.http.get('/api/auth/providers');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ password: true, passwordReset: false, oidc: false });
    const forgot = await t.http.post('/api/auth/password-reset/request').send({ username: 'kaltim.sekda' });
    expect(forgot.status).toBe(404);
    expect(forgot.body.code).toBe('NOT_FOUND');
  });

  it('GET /api/me returns the seeded caller', async () => {
    const res = await t.http.get('/api/me').set(await t.auth('paser.kadis'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      username: 'paser.kadis',
      governmentCode: 'paser',
      governmentName: 'Pemerintah Kabupaten Paser',
      unitCode: 'diskominfo',
      unitName: 'Dinas Komunikasi, Informatika, Statistik dan Persandian',
      roles: ['UNIT_HEAD'],
      hasPassword: true,
      delegations: [],
    });
    expect(res.body.name).toEqual(expect.any(String));
  });

  it('accepts a token it signed itself (control for the forgeries below)', async () => {
    const token = signHs256({ sub: sekdaId, username: 'kaltim.sekda', iss: 'alur', aud: 'alur-api', jti: randomUUID(), iat: now(), exp: now() + 60 });
    const res = await t.http.get('/api/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
  });

  it.each([
    ['no token', undefined],
    ['a malformed header', 'Token abc'],
    ['garbage', 'Bearer not.a.jwt'],
  ])('rejects %s with 401', async (_name, header) => {
    const req = t.http.get('/api/me');
    const res = await (header ? req.set('Authorization', header) : req);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('rejects a token without an id (it could never be revoked)', async () => {
    const token = signHs256({ sub: sekdaId, username: 'kaltim.sekda', iss: 'alur', aud: 'alur-api', iat: now(), exp: now() + 60 });
    const res = await t.http.get('/api/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
  });

  it('rejects an expired token', async () => {
    const token = signHs256({ sub: sekdaId, username: 'kaltim.sekda', iss: 'alur', aud: 'alur-api', jti: randomUUID(), iat: now() - 7200, exp: now() - 3600 });
    const res = await t.http.get('/api/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
  });

  it('rejects a token with a forged signature', async () => {
    const token = signHs256({ sub: sekdaId, username: 'kaltim.sekda', iss: 'alur', aud: 'alur-api', jti: randomUUID(), iat: now(), exp: now() + 60 }, 'another-secret-another-secret-another');
    const res = await t.http.get('/api/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
  });

  it('rejects an alg:none token', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: sekdaId, username: 'kaltim.sekda', iss: 'alur', aud: 'alur-api', iat: now(), exp: now() + 60 })}.`;
    const res = await t.http.get('/api/me').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
  });

  it('rejects a token of another issuer or audience', async () => {
    const base = { sub: sekdaId, username: 'kaltim.sekda', jti: randomUUID(), iat: now(), exp: now() + 60 };
    for (const claims of [{ ...base, iss: 'evil', aud: 'alur-api' }, { ...base, iss: 'alur', aud: 'another-app' }]) {
      const res = await t.http.get('/api/me').set('Authorization', `Bearer ${signHs256(claims)}`);
      expect(res.status).toBe(401);
    }
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await t.http.get('/api/nothing-here').set(await t.auth('kaltim.sekda'));
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.http.get('/docs-json');
    expect(res.status).toBe(200);
    expect(res.body.paths['/api/auth/login']).toBeDefined();
    expect(res.body.paths['/api/me']).toBeDefined();
  });
});

describe('login while Redis is unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    const net = await import('node:net');
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    t = await createTestApp({ REDIS_URL: `redis://127.0.0.1:${port}`, LOGIN_THROTTLE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('still logs users in and still throttles, counting in the process', async () => {
    const ok = await t.http.post('/api/auth/login').send({ username: 'kaltim.kadis', password: 'demo12345' });
    expect(ok.status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await t.http.post('/api/auth/login').send({ username: 'kaltim.asisten', password: 'wrong-password' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
