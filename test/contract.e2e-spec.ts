import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { createQuickWin, createTestApp, quickWinBody, type TestApp } from '#testing';
import { driveTo, snapshotOf } from './support/quick-win.js';

/**
 * The contract itself: the document served is the one checked in (and the client types generated
 * from it), the security headers, the order 401-403-400 of ADMIN endpoints, and input that must be
 * refused cheaply and clearly. Every response of every e2e file is also held to the document by
 * the test app builder (OpenApiConformance).
 */

describe('API contract', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  describe('the OpenAPI document', () => {
    it('is the checked-in openapi.json (npm run openapi writes it)', async () => {
      const served = await t.http.get('/docs-json');
      expect(served.status).toBe(200);
      expect(served.body).toEqual(JSON.parse(readFileSync('openapi.json', 'utf8')));
    });

    it("passes Redocly's recommended rules without an error", async () => {
      // exits 1 on any error (warnings allowed)
      const run = promisify(execFile)('node_modules/.bin/redocly', ['lint', 'openapi.json'], {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      });
      await expect(run).resolves.toBeDefined();
    }, 120_000);

    it('the typed client was generated from it', async () => {
      const generated = astToString(await openapiTS(readFileSync('openapi.json', 'utf8')));
      const checkedIn = readFileSync('libs/api-client/src/openapi-types.ts', 'utf8');
      expect(checkedIn.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim()).toBe(generated.trim());
    });

    it('documents every operation with a verb-like id, its answers and the error codes each status carries', async () => {
      const doc = (await t.http.get('/docs-json')).body;
      const all = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ ...op, at: `${method.toUpperCase()} ${path}` })));
      // every operation is declared with @Endpoint (the document builder refuses one without)
      expect(all.filter((op) => op['x-unchecked'])).toEqual([]);
      const operations = all;
      expect(operations.length).toBeGreaterThan(45);
      expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length);
      for (const op of operations) {
        expect(op.operationId).toMatch(/^(list|get|create|update|fire|add|remove|revoke|mark|log|open|close|check|start|change|complete|import|reset|request)[A-Z]\w+$/);
        const statuses = Object.keys(op.responses);
        expect(statuses.some((s) => s.startsWith('2') || s.startsWith('3'))).toBe(true); // single sign-on answers redirects
        // the health checks' 503 is their own body; single sign-on answers a browser with pages in Bahasa Indonesia
        const ownBody = (s: string) => (['checkHealth', 'checkWorkerHealth'].includes(op.operationId) && s === '503') || op.responses[s].content?.['text/html'] !== undefined;
        for (const status of statuses.filter((s) => Number(s) >= 400 && !ownBody(s))) {
          const schema = op.responses[status].content['application/json'].schema;
          expect(schema.allOf[0]).toEqual({ $ref: '#/components/schemas/Error' });
          expect(schema.allOf[1].properties.code.enum.length).toBeGreaterThan(0);
        }
      }
      const fire = doc.paths['/api/quick-wins/{id}/actions'].post;
      expect(fire.operationId).toBe('fireQuickWinAction');
      expect(fire.parameters.map((p: { name: string }) => p.name)).toEqual(['id', 'If-Match', 'Idempotency-Key']);
      expect(fire.responses['200'].headers.ETag).toBeDefined();
      expect(fire.responses['409'].content['application/json'].schema.allOf[1].properties.code.enum).toEqual(['INVALID_TRANSITION', 'IDEMPOTENCY_IN_FLIGHT', 'PERIOD_ALREADY_REPORTED']);
      expect(doc.paths['/api/quick-wins'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['state', 'unitCode', 'governmentCode', 'year', 'q', 'page', 'limit']);
      expect(doc.paths['/api/tasks'].get.operationId).toBe('listTasks');
    });
  });

  describe('headers', () => {
    it('API answers: helmet headers, no-store, and no CORS for a foreign origin by default', async () => {
      const res = await t.http.get('/api/me').set(await t.auth('kaltim.drafter')).set('Origin', 'https://evil.example');
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await t.http.options('/api/quick-wins').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('a 401 says how to authenticate: WWW-Authenticate: Bearer', async () => {
      const res = await t.http.get('/api/tasks');
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      const wrong = await t.http.post('/api/auth/login').send({ username: 'kaltim.sekda', password: 'salah-sandi' });
      expect(wrong.status).toBe(401);
      expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
    });

    it('/docs loads its scripts from this origin only: the CSP allows them and no inline script', async () => {
      const page = await t.http.get('/docs/');
      expect(page.status).toBe(200);
      const csp = page.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      const scripts = [...page.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, inline] of scripts) {
        expect(attributes).toMatch(/src=/);
        expect(inline.trim()).toBe('');
      }
      const init = await t.http.get('/docs/swagger-ui-init.js');
      expect(init.status).toBe(200);
    });
  });

  describe('ADMIN endpoints answer 401, then 403, then 400', () => {
    const cases: Array<[string, (h: Record<string, string>) => PromiseLike<{ status: number; body: any }>]> = [
      ['PUT /api/workflows/quick-win/sla', (h) => t.http.put('/api/workflows/quick-win/sla').set(h).send({ nonsense: true })],
      ['POST /api/holidays', (h) => t.http.post('/api/holidays').set(h).send({ date: 'besok' })],
      ['POST /api/users', (h) => t.http.post('/api/users').set(h).send({ username: 'Bukan Nama' })],
      ['PATCH /api/governments/kaltim/units/setda', (h) => t.http.patch('/api/governments/kaltim/units/setda').set(h).send({ head: 'x' })],
      ['GET /api/users?limit=1000', (h) => t.http.get('/api/users?limit=1000').set(h)],
    ];
    it.each(cases)('%s', async (_what, send) => {
      expect((await send({})).status).toBe(401);
      const notAdmin = await send(await t.auth('kaltim.sekda'));
      expect({ status: notAdmin.status, code: notAdmin.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
      const admin = await send(await t.auth('kaltim.admin'));
      expect({ status: admin.status, code: admin.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    });
  });

  describe('refusing input', () => {
    it('text with a bidi override is refused, naming the field (issue 9 item 7)', async () => {
      const res = await t.http.post('/api/quick-wins').set(await t.auth('kaltim.drafter')).send(quickWinBody({ title: 'abc\u202egnp.exe' }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.fields).toEqual([expect.stringMatching(/^title must not contain control characters, bidirectional overrides or zero-width characters/)]);
    });

    it.each([
      ['a zero-width space', 'Perbaiki\u200b indikator'],
      ['a C1 control', 'Perbaiki\u0085indikator'],
      ['an escape', 'Perbaiki \u001b[31mindikator'],
      ['a right-to-left isolate', 'Perbaiki \u2067indikator'],
    ])('a comment with %s is refused and changes nothing', async (_what, comment) => {
      const doc = await createQuickWin(t, 'kaltim.drafter');
      await driveTo(t, doc.id, 'endorsement');
      const before = await snapshotOf(t, doc.id);
      const res = await t.http.post(`/api/quick-wins/${doc.id}/actions`).set(await t.auth('kaltim.kadis')).send({ action: 'RETURN', comment });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/^comment must not contain/);
      expect(await snapshotOf(t, doc.id)).toEqual(before);
    });

    it('newlines and tabs stay allowed in text', async () => {
      const res = await t.http.post('/api/quick-wins').set(await t.auth('kaltim.drafter')).send(quickWinBody({ description: 'Baris satu\n\tBaris dua' }));
      expect(res.status).toBe(201);
      expect(res.body.description).toBe('Baris satu\n\tBaris dua');
    });

    it('one message per field, at most five fields named', async () => {
      const { title: _title, ...body } = quickWinBody({ year: '2026', budget: -1, extra1: 1, extra2: 2, extra3: 3 });
      const res = await t.http.post('/api/quick-wins').set(await t.auth('kaltim.drafter')).send(body);
      expect(res.status).toBe(400);
      expect(res.body.details.fields).toEqual([
        'title is required',
        'extra1 is not a known field',
        'extra2 is not a known field',
        'extra3 is not a known field',
        'year must be a whole number',
        'and 1 more field',
      ]);
      expect(res.body.message).toBe(res.body.details.fields.join('; '));
    });

    it('60,000 unknown keys: 400 at the first of them, a small answer', async () => {
      const body: Record<string, string> = quickWinBody() as Record<string, string>;
      for (let i = 0; i < 60_000; i++) body[`k${i}`] = 'x';
      const res = await t.http.post('/api/quick-wins').set(await t.auth('kaltim.drafter')).send(body);
      expect(res.status).toBe(400);
      expect(res.body.details.fields).toEqual(['k0 is not a known field']);
      expect(res.text.length).toBeLessThan(500);
    });

    it('JSON in another charset than UTF-8, or in an encoding body-parser does not inflate: 415 UNSUPPORTED_MEDIA_TYPE, as every write documents', async () => {
      const auth = await t.auth('kaltim.drafter');
      const json = JSON.stringify(quickWinBody());
      const latin1 = await t.http.post('/api/quick-wins').set(auth).set('Content-Type', 'application/json; charset=latin1').send(json);
      const compress = await t.http.post('/api/quick-wins').set(auth).set('Content-Type', 'application/json').set('Content-Encoding', 'compress').send(json);
      for (const res of [latin1, compress]) {
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
        expect(res.body.message).toMatch(/^The request body must be JSON in UTF-8, plain or compressed with gzip, deflate or br \((unsupported charset "LATIN1"|unsupported content encoding "compress")\)$/);
      }
      const doc = (await t.http.get('/docs-json')).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
      const writes = Object.values(doc.paths).flatMap((ops) => Object.entries(ops).filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method)));
      expect(writes.filter(([, op]) => !op.responses['415']).map(([method]) => method)).toEqual([]);
    });

    it('login with an array nested 1,500 deep, and keys named constructor or __proto__ anywhere: 400', async () => {
      const deep = `${'['.repeat(1500)}${']'.repeat(1500)}`;
      const login = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send(`{"username":${deep},"password":"x"}`);
      expect(login.status).toBe(400);
      const auth = await t.auth('kaltim.drafter');
      for (const body of [
        '{"title":{"constructor":{"prototype":{}}}}',
        JSON.stringify(quickWinBody({ target: { value: 1, unit: 'x', constructor: { prototype: {} } } })),
        `{"__proto__":{"admin":true},${JSON.stringify(quickWinBody()).slice(1)}`,
      ]) {
        const res = await t.http.post('/api/quick-wins').set(auth).set('Content-Type', 'application/json').send(body);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      }
    });
  });
});
