import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createQuickWin, createRegulation, createTestApp, tableFingerprint, type TestApp } from '#testing';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: { enum?: string[]; examples?: unknown[]; type?: string };
}
interface Operation {
  method: 'get' | 'delete';
  path: string;
  parameters: Parameter[];
  responses: Record<string, { content?: Record<string, unknown> }>;
}

/**
 * Arbitrary query strings and path segments, percent-encoded or broken, to every GET (and to every
 * DELETE of a row by id, with ids that name none), some with a body, as every role and anonymously: never a 5xx, an
 * error always carries a `code`, and nothing in the database changes. write-fuzz.e2e-spec.ts does
 * the same for request bodies.
 */
describe('arbitrary parameters to every read, as every role', () => {
  let t: TestApp;
  let known: Record<string, string[]>;
  const USERS = ['drafter', 'kadis', 'organisasi', 'hukum', 'sekda', 'kepala', 'admin'].map((u) => `kaltim.${u}`).concat('kaltim.operator', 'paser.admin', 'anonymous');

  beforeAll(async () => {
    t = await createTestApp();
    const quickWin = (await createQuickWin(t, 'kaltim.drafter')).id;
    const regulation = (await createRegulation(t, 'kaltim.drafter')).id;
    known = { id: [quickWin, regulation], code: ['kaltim', 'paser'], username: ['kaltim.drafter', 'paser.admin'] };
  });
  afterAll(async () => {
    await t.close();
  });

  /** Raw text for a URL: UTF-8 percent-encoded (a lone surrogate becomes U+FFFD), or broken escapes as they are. */
  const encoded = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  const value = fc.oneof(
    fc.constantFrom('', '0', '-1', '1.5', '1e400', '9007199254740993', `1${'0'.repeat(400)}`, 'NaN', 'true', 'null', '[]', '{}'),
    fc.constantFrom('2026-02-30', '9999-12-31', '0000-01-01', '2026-1-1', 'csv', 'xlsx', 'pdf', 'quick-win', 'approval', 'draft.review'),
    fc.constantFrom('%', '%zz', '%00', '%ff%fe', '%E2%80%AE', '..%2F..%2Fetc%2Fpasswd', "'%20OR%201%3D1--", '%5C', '%25', 'a'.repeat(5000)),
    fc.string({ unit: 'binary', maxLength: 40 }).map(encoded),
    fc.integer().map(String),
  );
  /** The name a value is sent under: as documented, repeated or with brackets, or a name nobody reads. */
  const key = (documented: string[]) =>
    fc.oneof(
      fc.constantFrom(...(documented.length > 0 ? documented : ['page'])),
      fc.constantFrom(...(documented.length > 0 ? documented : ['page'])).chain((name) => fc.constantFrom(`${name}[]`, `${name}[x]`, `${name}[__proto__]`, `${name}.x`)),
      fc.constantFrom('__proto__', 'constructor', 'zzz', '%00', ''),
    );

  function segment(p: Parameter, method: Operation['method']): fc.Arbitrary<string> {
    const fuzz = fc.oneof(value, fc.constantFrom('00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '..', '%2e%2e', 'x'.repeat(300)));
    // a DELETE gets only ids that name nothing, so that whatever it answers, nothing may change
    if (method === 'delete') return fuzz;
    const valid = [...(p.schema?.enum ?? []), ...(known[p.name] ?? [])];
    return valid.length > 0 ? fc.oneof(fc.constantFrom(...valid), fuzz) : fuzz;
  }

  function request(op: Operation): fc.Arbitrary<string> {
    const path = op.parameters
      .filter((p) => p.in === 'path')
      .reduce<fc.Arbitrary<string>>((acc, p) => fc.tuple(acc, segment(p, op.method)).map(([url, s]) => url.replace(`{${p.name}}`, s === '' ? '%20' : s)), fc.constant(op.path));
    const documented = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
    const query = fc.array(fc.tuple(key(documented), value), { maxLength: 5 }).map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
    return fc.tuple(path, query).map(([url, q]) => (q === '' ? url : `${url}?${q}`));
  }

  /** A body a read may carry by mistake: a GET's is not read; a DELETE's is, as any write's. */
  const body = fc.option(
    fc.record({
      type: fc.constantFrom('application/json', 'application/json; charset=latin1', 'text/plain'),
      text: fc.constantFrom('{}', '{nope', '[1,2]', `"${'x'.repeat(1_100_000)}"`),
    }),
    { nil: undefined },
  );

  const HEALTH_CHECKS = new Set(['/health', '/health/worker']);

  it('never answers 5xx, always with a code, and changes nothing', async () => {
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, Pick<Operation, 'responses'> & { parameters?: Parameter[] }>> };
    const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => method === 'get' || (method === 'delete' && path.endsWith('/{id}')))
        .map(([method, op]) => ({ method: method as Operation['method'], path, parameters: op.parameters ?? [], responses: op.responses })),
    );
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(['get /api/quick-wins', 'get /api/regulations/{id}/history', 'get /api/reports/{name}', 'get /api/users', 'get /api/tasks', 'delete /api/holidays/{id}', 'delete /api/delegations/{id}']),
    );
    const headers: Record<string, Record<string, string>> = { anonymous: {} };
    for (const user of USERS.filter((u) => u !== 'anonymous')) headers[user] = await t.auth(user);
    const before = await tableFingerprint(t.dataSource);
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations).chain((op) => fc.tuple(fc.constant(op), request(op))),
        fc.constantFrom(...USERS),
        body,
        async ([op, url], user, sent) => {
          const req = t.http[op.method](url).set(headers[user]).redirects(0);
          const res = await (sent === undefined ? req : req.set('Content-Type', sent.type).send(sent.text));
          statuses.add(res.status);
          // the health checks answer 503 with the state they report (here no worker runs), whatever was asked
          if (HEALTH_CHECKS.has(op.path) && res.status === 503) return expect(res.body.status).toEqual(expect.any(String));
          expect(res.status).toBeLessThan(500);
          // a refusal is JSON with a code, or the page (single sign-on) the operation documents for that status
          const page = Object.keys(op.responses[res.status]?.content ?? {}).includes('text/html');
          if (res.status >= 400 && !page) expect(typeof res.body.code).toBe('string');
          if (res.status >= 400 && page) expect(res.type).toBe('text/html');
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) }, // FUZZ_RUNS=3000 for a longer search (about 10 s)
    );
    expect(await tableFingerprint(t.dataSource)).toEqual(before);
    // the runs reached past validation and authorisation too, not only their refusals
    expect([...statuses].some((s) => s < 300)).toBe(true);
    expect([...statuses].some((s) => s === 400)).toBe(true);
    expect([...statuses].some((s) => s === 401 || s === 403)).toBe(true);
  }, 240_000);

  it('refuses a path parameter holding a NUL or a hidden character with 400, before it reaches the database', async () => {
    const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const reads = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((method) => path.includes('{') && (method === 'get' || method === 'delete'))
        .map((method) => ({ method: method as 'get' | 'delete', path })),
    );
    expect(reads.map((r) => `${r.method} ${r.path}`)).toEqual(expect.arrayContaining(['get /api/governments/{code}/units', 'get /api/users/{username}', 'delete /api/holidays/{id}']));
    const admin = await t.auth('kaltim.admin');
    const before = await tableFingerprint(t.dataSource);
    for (const { method, path } of reads) {
      for (const bad of ['%00', 'kaltim%00', '%E2%80%AE', '%1B']) {
        const res = await t.http[method](path.replace(/\{[^}]+\}/g, bad)).set(admin);
        expect({ at: `${method} ${path} with ${bad}`, status: res.status, code: res.body.code }).toEqual({ at: `${method} ${path} with ${bad}`, status: 400, code: 'VALIDATION_FAILED' });
        expect(res.body.message).toMatch(/holds a control or hidden character/);
      }
    }
    // a clean name that names nothing is still 404, not 400
    expect((await t.http.get('/api/governments/nowhere/units').set(admin)).status).toBe(404);
    expect(await tableFingerprint(t.dataSource)).toEqual(before);
  });
});
