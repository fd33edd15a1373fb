import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, createQuickWin, createRegulation, createTestApp, type TestApp } from '#testing';

// whole flows over HTTP: generous under a loaded machine (no test asserts a duration)
jest.setTimeout(60_000);

const MINUTE = 60_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

describe('separation of duties across the approving stages of one document', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function step(resource: 'quick-wins' | 'regulations', id: string, user: string, action: string, data?: Record<string, unknown>) {
    const res = await act(t, resource, id, user, action, data ? { data } : {});
    if (res.status !== 200) throw new Error(`${action} by ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, any>;
  }

  async function delegation(by: string, body: Record<string, unknown>) {
    return t.http.post('/api/delegations').set(await t.auth(by)).send({
      kind: 'PLH',
      reason: 'Sekda dinas luar ke Jakarta (SPT 800/123/2026)',
      startsAt: iso(-MINUTE),
      endsAt: iso(60 * MINUTE),
      ...body,
    });
  }

  it('refuses the Biro Organisasi officer who verified a Quick Win when, as the Sekda’s Plh, they approve it, and never offers it', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter', { title: 'Verifikator menjadi Plh Sekda' });
    await step('quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT');
    await step('quick-wins', doc.id, 'kaltim.kadis', 'ENDORSE');
    await step('quick-wins', doc.id, 'kaltim.organisasi', 'VERIFY');
    const granted = await delegation('kaltim.sekda', { delegate: 'kaltim.organisasi', role: 'SECRETARY' });
    expect(granted.status).toBe(201);

    const seen = await t.http.get(`/api/quick-wins/${doc.id}`).set(await t.auth('kaltim.organisasi'));
    expect(seen.body).toMatchObject({ state: 'approval', allowedActions: ['RETURN'] });
    const tasks = await t.http.get('/api/tasks').set(await t.auth('kaltim.organisasi'));
    const task = (tasks.body.items as Array<Record<string, any>>).find((item) => item.id === doc.id);
    expect(task?.allowedActions ?? []).not.toContain('APPROVE');

    const refused = await act(t, 'quick-wins', doc.id, 'kaltim.organisasi', 'APPROVE');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'SEPARATION_OF_DUTIES', message: expect.stringMatching(/kaltim\.organisasi already acted on this document as ORG_VERIFIER/) });
    const rejected = await act(t, 'quick-wins', doc.id, 'kaltim.organisasi', 'REJECT', { comment: 'Tidak layak' });
    expect(rejected.body.code).toBe('SEPARATION_OF_DUTIES');
    const unchanged = await t.http.get(`/api/quick-wins/${doc.id}`).set(await t.auth('kaltim.sekda'));
    expect(unchanged.body).toMatchObject({ state: 'approval', version: seen.body.version });

    // the Sekda, who has acted for no other role, approves
    expect((await t.http.get(`/api/quick-wins/${doc.id}`).set(await t.auth('kaltim.sekda'))).body.allowedActions).toContain('APPROVE');
    expect((await step('quick-wins', doc.id, 'kaltim.sekda', 'APPROVE')).state).toBe('implementation');
    expect((await t.http.delete(`/api/delegations/${granted.body.id}`).set(await t.auth('kaltim.sekda'))).status).toBe(200);
  });

  it('refuses the finding’s chain: an ADMIN cannot delegate the Kepala OPD’s, the verifier’s and the Sekda’s roles to themselves, nor approve alone', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter', { title: 'Rantai delegasi admin' });
    await step('quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT');
    const before = await t.http.get('/api/delegations').set(await t.auth('kaltim.admin'));
    for (const [principal, role] of [['kaltim.kadis', 'UNIT_HEAD'], ['kaltim.organisasi', 'ORG_VERIFIER'], ['kaltim.sekda', 'SECRETARY']]) {
      const res = await delegation('kaltim.admin', { principal, delegate: 'kaltim.admin', role });
      expect({ principal, status: res.status, code: res.body.code }).toEqual({ principal, status: 400, code: 'SELF_DELEGATION' });
    }
    const after = await t.http.get('/api/delegations').set(await t.auth('kaltim.admin'));
    expect(after.body.total).toBe(before.body.total);
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.admin', 'ENDORSE')).body.code).toBe('FORBIDDEN');

    // even with each role handed over by its own holder, one person endorses and then may neither verify nor approve
    const grants: string[] = [];
    for (const [principal, role] of [['kaltim.kadis', 'UNIT_HEAD'], ['kaltim.organisasi', 'ORG_VERIFIER'], ['kaltim.sekda', 'SECRETARY']]) {
      const res = await delegation(principal, { delegate: 'kaltim.admin', role });
      expect(res.status).toBe(201);
      grants.push(res.body.id);
    }
    expect((await step('quick-wins', doc.id, 'kaltim.admin', 'ENDORSE')).allowedActions).toEqual(['RETURN']);
    const verify = await act(t, 'quick-wins', doc.id, 'kaltim.admin', 'VERIFY');
    expect(verify.status).toBe(403);
    expect(verify.body.code).toBe('SEPARATION_OF_DUTIES');
    await step('quick-wins', doc.id, 'kaltim.organisasi', 'VERIFY');
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.admin', 'APPROVE')).body.code).toBe('SEPARATION_OF_DUTIES');
    expect((await t.http.get(`/api/quick-wins/${doc.id}`).set(await t.auth('kaltim.sekda'))).body.state).toBe('approval');
    for (const [principal, id] of [['kaltim.kadis', grants[0]], ['kaltim.organisasi', grants[1]], ['kaltim.sekda', grants[2]]]) {
      expect((await t.http.delete(`/api/delegations/${id}`).set(await t.auth(principal!))).status).toBe(200);
    }
  });

  it('lets the Sekda who initialled a regulation promulgate it (the same role twice)', async () => {
    const doc = await createRegulation(t, 'paser.drafter');
    await step('regulations', doc.id, 'paser.drafter', 'SUBMIT');
    await step('regulations', doc.id, 'paser.kadis', 'ENDORSE');
    await step('regulations', doc.id, 'paser.hukum', 'REQUEST_HARMONIZATION');
    await step('regulations', doc.id, 'paser.hukum', 'RECORD_HARMONIZATION', { reportNumber: 'W18-PP.04.02-7', reportDate: '2026-05-04' });
    await step('regulations', doc.id, 'kaltim.hukum', 'FACILITATE');
    await step('regulations', doc.id, 'paser.asisten', 'PARAF');
    await step('regulations', doc.id, 'paser.sekda', 'PARAF');
    await step('regulations', doc.id, 'paser.kepala', 'SIGN');
    const waiting = await t.http.get(`/api/regulations/${doc.id}`).set(await t.auth('paser.sekda'));
    expect(waiting.body).toMatchObject({ state: 'promulgation', allowedActions: ['PROMULGATE'] });
    const promulgated = await step('regulations', doc.id, 'paser.sekda', 'PROMULGATE');
    expect(promulgated).toMatchObject({ state: 'promulgated', number: expect.any(Number) });
  });
});
