import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createQuickWin, createRegulation, createTestApp, tableFingerprint, type TestApp } from '#testing';

/**
 * Arbitrary JSON, sent as raw text so that it may hold what JavaScript objects cannot (a
 * `__proto__` key, a number with 400 digits, a lone surrogate), to every write endpoint that takes a
 * body, as every role: never a 5xx, and nothing in the database changes.
 */
describe('arbitrary JSON to every write endpoint, as every role', () => {
  let t: TestApp;
  let ids: Record<string, string>;
  const USERS = ['drafter', 'kadis', 'organisasi', 'hukum', 'inspektur', 'asisten', 'sekda', 'plh', 'kepala', 'admin'].map((u) => `kaltim.${u}`).concat('kaltim.operator', 'paser.admin');

  beforeAll(async () => {
    t = await createTestApp();
    ids = { 'quick-wins': (await createQuickWin(t, 'kaltim.drafter')).id, regulations: (await createRegulation(t, 'kaltim.drafter')).id };
  });
  afterAll(async () => {
    await t.close();
  });

  const KEYS = ['__proto__', 'constructor', 'prototype', 'title', 'action', 'data', 'stages', 'approval', 'date', 'name', 'governmentCode', 'delegate', 'role', 'username', 'password', 'comment', 'target', 'value', 'toString', 'hasOwnProperty', '', '\u202e', 'x'.repeat(300)];
  const number = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.constantFrom('1e308', '-1e308', '1e400', '9007199254740993', `1${'0'.repeat(400)}`, '-0', '0.0000000000000000000001'),
  );
  const text = fc.oneof(
    fc.string({ unit: 'binary' }),
    fc.constantFrom('abc\u202egnp.exe', '\u0000', '\\ud800', '\u200b', 'P5D', 'APPROVE', '2026-02-30', 'kaltim', 'null', '<script>alert(1)</script>'),
  );
  /** A JSON text (not a value): keys may repeat or be __proto__, numbers may overflow. */
  const json: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('null', 'true', 'false'),
      number.map(String),
      text.map((s) => JSON.stringify(s).replace('"\\\\ud800"', '"\\ud800"')),
      fc.array(tie('value'), { maxLength: 5 }).map((items) => `[${items.join(',')}]`),
      fc.array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string()), tie('value')), { maxLength: 6 }).map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
    ),
  })).value;
  const body = fc.oneof(
    json,
    fc.integer({ min: 1, max: 3000 }).map((depth) => `{"title":${'['.repeat(depth)}${']'.repeat(depth)}}`),
    fc.integer({ min: 100, max: 5000 }).map((n) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`),
    fc.constantFrom('{"title":{"constructor":{"prototype":{}}}}', '{"__proto__":{"isAdmin":true}}', '{"action":"APPROVE","data":{"constructor":{"prototype":{}}}}', '{"stages":{"constructor":null}}'),
  );

  it('never answers 5xx and changes nothing', async () => {
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    const writes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method, op]) => ['post', 'put', 'patch'].includes(method) && op.requestBody)
        .map(([method]) => ({
          method,
          path: path
            .replace('{kind}', 'quick-win')
            .replace('{code}', 'kaltim')
            .replace('{unitCode}', 'diskominfo')
            .replace('{username}', 'kaltim.drafter')
            .replace(/^\/api\/(quick-wins|regulations)\/\{id\}/, (_m, r: string) => `/api/${r}/${ids[r]}`),
        })),
    );
    expect(writes.map((w) => w.method + ' ' + w.path.replace(/[0-9a-f-]{36}/, '{id}')).sort()).toEqual(
      expect.arrayContaining(['post /api/quick-wins', 'patch /api/quick-wins/{id}', 'post /api/quick-wins/{id}/actions', 'put /api/workflows/quick-win/sla', 'post /api/holidays', 'post /api/delegations', 'post /api/auth/login', 'patch /api/users/kaltim.drafter', 'patch /api/governments/kaltim/units/diskominfo', 'put /api/governments/kaltim/office-hours']),
    );
    const headers = Object.fromEntries(await Promise.all(USERS.map(async (u) => [u, await t.auth(u)] as const)));
    const before = await tableFingerprint(t.dataSource);
    const seen: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), fc.constantFrom(...USERS), body, async (write, user, text) => {
        const res = await t.http[write.method as 'post' | 'put' | 'patch'](write.path).set(headers[user]).set('Content-Type', 'application/json').send(text);
        seen.push(`${res.status}`);
        expect(res.status).toBeLessThan(500);
        // an edit may accept `{}` or a body of only unknown-free nulls as "change nothing"; the fingerprint below holds it to that
        if (res.status >= 400) expect(typeof res.body.code).toBe('string');
        else expect(write.method).toBe('patch');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) }, // FUZZ_RUNS=3000 for a longer search
    );
    expect(await tableFingerprint(t.dataSource)).toEqual(before);
    expect(new Set(seen).size).toBeGreaterThan(1);
  }, 240_000); // a few hundred requests: seconds on a quiet machine, far more on a busy one
});
