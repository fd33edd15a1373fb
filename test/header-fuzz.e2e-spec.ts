import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createQuickWin, createTestApp, type TestApp } from '#testing';

interface Call {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  body?: string;
}

/**
 * Arbitrary credentials and request headers (a forged, truncated or unsigned bearer token, session
 * and CSRF cookies that do not match, If-Match, Idempotency-Key, Content-Type and Accept of any
 * shape) on reads and writes: never a 5xx, and every refusal of the API carries a `code`.
 * write-fuzz and read-fuzz do the same for bodies and parameters.
 */
describe('arbitrary headers and credentials', () => {
  let t: TestApp;
  let token: string;
  let calls: Call[];

  beforeAll(async () => {
    t = await createTestApp();
    token = (await t.auth('kaltim.drafter')).Authorization.slice('Bearer '.length);
    const id = (await createQuickWin(t, 'kaltim.drafter')).id;
    calls = [
      { method: 'get', path: '/api/me' },
      { method: 'get', path: '/api/tasks' },
      { method: 'get', path: '/api/quick-wins?limit=5' },
      { method: 'get', path: `/api/quick-wins/${id}` },
      { method: 'get', path: '/api/reports/workload?format=csv' },
      { method: 'patch', path: `/api/quick-wins/${id}`, body: '{"title":"Layanan perizinan daring terpadu"}' },
      { method: 'post', path: `/api/quick-wins/${id}/actions`, body: '{"action":"SUBMIT"}' },
      { method: 'post', path: '/api/delegations', body: '{}' },
      { method: 'post', path: '/api/notifications/00000000-0000-0000-0000-000000000000/read' },
      { method: 'post', path: '/api/auth/logout' },
      { method: 'post', path: '/api/auth/session', body: '{"username":"kaltim.drafter","password":"wrong-password"}' },
      { method: 'delete', path: '/api/holidays/00000000-0000-0000-0000-000000000000' },
      { method: 'get', path: '/admin/queues' },
      { method: 'get', path: '/api/auth/oidc/callback?code=x&state=y' },
    ];
  });
  afterAll(async () => {
    await t.close();
  });

  /** What a request may carry, made from a real token of the drafter's. */
  function headersOf(token: string) {
    /** Header values Node will send: visible ASCII and spaces. */
    const printable = fc.stringMatching(/^[\x20-\x7e]{0,80}$/);
    const forged = () =>
      fc.constantFrom(
        `${token}x`,
        token.split('.').slice(0, 2).join('.'),
        `${token.split('.').slice(0, 2).join('.')}.`,
        `eyJhbGciOiJub25lIn0.${token.split('.')[1]}.`,
        `${token.split('.')[0]}.eyJzdWIiOiJrYWx0aW0uYWRtaW4ifQ.${token.split('.')[2]}`,
        'a.b.c',
        '...',
      );
    const authorization = fc.option(
      fc.oneof(
        fc.constant(`Bearer ${token}`),
        forged().map((v) => `Bearer ${v}`),
        fc.constantFrom('Bearer', 'Bearer ', `Bearer  ${token}`, `bearer ${token}`, 'Basic a2FsdGltOmRlbW8=', `Bearer ${token} extra`),
        printable,
      ),
      { nil: undefined },
    );
    const cookie = fc.option(
      fc.oneof(
        fc.constant(`alur_session=${token}`),
        forged().map((v) => `alur_session=${v}`),
        fc.constantFrom('alur_session=%zz', 'alur_session=', 'alur_session', '=x', ';;;', `alur_session=${token}; alur_session=x`, 'alur_oidc=garbage', 'alur_admin_session=x'),
        printable.map((v) => `XSRF-TOKEN=${encodeURIComponent(v)}; alur_session=${token}`),
        printable,
      ),
      { nil: undefined },
    );
    const header = (values: string[]) => fc.option(fc.oneof(fc.constantFrom(...values), printable), { nil: undefined });
    return fc.record({
      authorization,
      cookie,
      'x-xsrf-token': header(['x', '']),
      'if-match': header(['"1"', 'W/"1"', '*', '"', '"999999999999999999999"', '"-1"', '"1", "2"']),
      'idempotency-key': header(['k', 'x'.repeat(256), '', ' ']),
      'content-type': header(['application/json', 'text/plain', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/merge-patch+json']),
      accept: header(['text/csv', 'application/xml', '*/*', 'text/html', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']),
    });
  }

  it('never answers 5xx, and every refusal of the API carries a code', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...calls), headersOf(token), async (call, sent) => {
        let req = t.http[call.method](call.path).redirects(0);
        for (const [name, value] of Object.entries(sent)) if (value !== undefined) req = req.set(name, value);
        const res = await (call.body === undefined ? req : req.send(call.body));
        statuses.add(res.status);
        expect(res.status).toBeLessThan(500);
        // single sign-on answers a browser with a page, every other part of the API with a code
        if (res.status >= 400 && call.path.startsWith('/api/auth/oidc/')) expect(res.type).toBe('text/html');
        else if (res.status >= 400 && call.path.startsWith('/api/')) expect(typeof res.body.code).toBe('string');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) }, // FUZZ_RUNS=3000 for a longer search
    );
    // past the guards too, not only their refusals
    expect([...statuses].some((s) => s < 300)).toBe(true);
    expect([...statuses].some((s) => s === 401)).toBe(true);
  }, 240_000);
});
