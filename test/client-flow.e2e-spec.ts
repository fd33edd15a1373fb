import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { createAlurClient, type AlurClient, type Schemas } from '#api-client';
import { createTestApp, TEST_DEMO_PASSWORD, type TestApp } from '#testing';
import { evaluationData, progressData } from './support/quick-win.js';

/**
 * A whole Quick Win, from draft to completed, driven only through the typed client generated from
 * openapi.json (libs/api-client), over real HTTP: what a client of the document can rely on.
 */
describe('the typed client drives a Quick Win from draft to completed', () => {
  let t: TestApp;
  let baseUrl: string;
  const clients = new Map<string, AlurClient>();

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
  });

  async function as(username: string): Promise<AlurClient> {
    let client = clients.get(username);
    if (!client) {
      const { data, error } = await createAlurClient({ baseUrl }).POST('/api/auth/login', { body: { username, password: TEST_DEMO_PASSWORD } });
      if (!data) throw new Error(`login of ${username}: ${JSON.stringify(error)}`);
      expect(data.tokenType).toBe('Bearer');
      client = createAlurClient({ baseUrl, token: data.accessToken });
      clients.set(username, client);
    }
    return client;
  }

  it('create, submit, endorse, verify, approve, report, complete, evaluate; then history and versions', async () => {
    const drafter = await as('kaltim.drafter');
    const created = await drafter.POST('/api/quick-wins', {
      body: {
        title: 'Layanan Perizinan Terpadu Satu Pintu Daring',
        description: 'Permohonan izin usaha diajukan dan dilacak secara daring.',
        year: 2026,
        category: 'RB_TEMATIK',
        area: 'DIGITALISASI_ADMINISTRASI',
        indicator: 'Persentase izin yang diajukan secara daring',
        target: { value: 80, unit: 'persen' },
        output: 'Aplikasi perizinan daring',
        startDate: '2026-01-05',
        endDate: '2026-12-31',
        budget: 150_000_000,
      },
    });
    expect(created.response.status).toBe(201);
    const id = created.data!.id;
    expect(created.response.headers.get('etag')).toBe('"1"');
    expect(created.data!.allowedActions).toContain('SUBMIT');

    const steps: Array<[string, Schemas['QuickWinActionRequest']]> = [
      ['kaltim.drafter', { action: 'SUBMIT' }],
      ['kaltim.kadis', { action: 'ENDORSE' }],
      ['kaltim.organisasi', { action: 'VERIFY' }],
      ['kaltim.sekda', { action: 'APPROVE', comment: 'Disetujui untuk dilaksanakan.' }],
      ['kaltim.drafter', { action: 'REPORT_PROGRESS', data: progressData() as Schemas['ProgressReport'] }],
      ['kaltim.kadis', { action: 'COMPLETE' }],
      ['kaltim.inspektur', { action: 'EVALUATE', data: evaluationData() as Schemas['Evaluation'] }],
    ];
    let version = 1;
    for (const [user, body] of steps) {
      const client = await as(user);
      const { data, error, response } = await client.POST('/api/quick-wins/{id}/actions', {
        params: { path: { id }, header: { 'If-Match': `"${version}"` } },
        body,
      });
      expect({ user, action: body.action, status: response.status, error }).toEqual({ user, action: body.action, status: 200, error: undefined });
      expect(response.headers.get('etag')).toBe(`"${data!.version}"`);
      version = data!.version;
    }

    const done = await drafter.GET('/api/quick-wins/{id}', { params: { path: { id } } });
    expect(done.data).toMatchObject({ state: 'completed', deadline: null, allowedActions: [] });
    expect(done.data!.progressReports).toHaveLength(1);
    expect(done.data!.evaluation).toMatchObject({ score: 87.5, evaluatedBy: 'kaltim.inspektur' });

    const history = await drafter.GET('/api/quick-wins/{id}/history', { params: { path: { id } } });
    expect(history.data!.chainValid).toBe(true);
    expect(history.data!.entries.map((e) => e.action)).toEqual(['CREATE', 'SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE', 'REPORT_PROGRESS', 'COMPLETE', 'EVALUATE']);
    const versions = await drafter.GET('/api/quick-wins/{id}/versions', { params: { path: { id } } });
    expect(versions.data!.items.map((v) => v.version)).toEqual([1]);

    const inbox = await (await as('kaltim.sekda')).GET('/api/tasks', { params: { query: { limit: 10 } } });
    expect(inbox.data!.limit).toBe(10);
    expect(inbox.data!.items.some((task) => task.id === id)).toBe(false);
  });

  it('errors arrive typed, in the api.md shape', async () => {
    const sekda = await as('kaltim.sekda');
    const missing = await sekda.GET('/api/quick-wins/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } });
    expect(missing.response.status).toBe(404);
    expect(missing.error).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const anonymous = await createAlurClient({ baseUrl }).GET('/api/me');
    expect(anonymous.error).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    const invalid = await sekda.GET('/api/quick-wins', { params: { query: { limit: 1000 } } });
    expect(invalid.error).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'limit must be from 1 to 100' });
  });
});
