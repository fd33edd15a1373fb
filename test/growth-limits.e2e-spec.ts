import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { act, createQuickWin, createRegulation, createTestApp, type TestApp } from '#testing';
import { driveTo, progressData } from './support/quick-win.js';

jest.setTimeout(90_000);

const month = (n: number) => `2026-${String(n).padStart(2, '0')}`;

describe('growth limits (issue 9, finding 5)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const get = async (path: string, user = 'kaltim.sekda') => t.http.get(path).set(await t.auth(user));

  it('takes one progress report per month of the implementation window, at most 10 evidence items each, refusing the rest and changing nothing', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter', { startDate: '2026-01-05', endDate: '2026-12-31' });
    await driveTo(t, doc.id, 'implementation');
    for (let m = 1; m <= 12; m++) {
      const res = await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'REPORT_PROGRESS', { data: progressData({ period: month(m), percent: m * 8 }) });
      expect({ m, status: res.status }).toEqual({ m, status: 200 });
    }
    const before = (await get(`/api/quick-wins/${doc.id}`)).body;
    expect(before.progressReports).toHaveLength(12);

    const again = await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'REPORT_PROGRESS', { data: progressData({ period: '2026-03' }) });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'PERIOD_ALREADY_REPORTED', message: expect.stringMatching(/2026-03/) });
    for (const period of ['2025-12', '2027-01']) {
      const outside = await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'REPORT_PROGRESS', { data: progressData({ period }) });
      expect({ period, status: outside.status, code: outside.body.code }).toEqual({ period, status: 400, code: 'PERIOD_OUTSIDE_IMPLEMENTATION' });
    }
    const after = (await get(`/api/quick-wins/${doc.id}`)).body;
    expect({ version: after.version, reports: after.progressReports.length }).toEqual({ version: before.version, reports: 12 });

    const other = await createQuickWin(t, 'kaltim.drafter');
    await driveTo(t, other.id, 'implementation');
    const evidence = (n: number) => Array.from({ length: n }, (_, i) => `https://diskominfo.kaltimprov.go.id/bukti/${i}.pdf`);
    const tooMany = await act(t, 'quick-wins', other.id, 'kaltim.drafter', 'REPORT_PROGRESS', { data: progressData({ evidence: evidence(11) }) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/at most 10/) });
    expect((await act(t, 'quick-wins', other.id, 'kaltim.drafter', 'REPORT_PROGRESS', { data: progressData({ evidence: evidence(10) }) })).status).toBe(200);
  });

  it('lists documents without their unbounded parts; the detail carries them', async () => {
    const qw = await createQuickWin(t, 'kaltim.drafter', { title: 'Daftar tanpa laporan kemajuan' });
    await driveTo(t, qw.id, 'implementation');
    expect((await act(t, 'quick-wins', qw.id, 'kaltim.drafter', 'REPORT_PROGRESS', { data: progressData() })).status).toBe(200);
    const list = await get('/api/quick-wins?limit=100', 'kaltim.drafter');
    const item = (list.body.items as Array<Record<string, unknown>>).find((i) => i.id === qw.id)!;
    expect(item).toMatchObject({ id: qw.id, title: 'Daftar tanpa laporan kemajuan', state: 'implementation', allowedActions: expect.any(Array) });
    expect(item).not.toHaveProperty('progressReports');
    expect((await get(`/api/quick-wins/${qw.id}`)).body.progressReports).toHaveLength(1);

    const body = 'Pasal 1\n' + 'Ketentuan umum sistem kerja. '.repeat(2000);
    const reg = await createRegulation(t, 'kaltim.drafter', { body });
    const regs = await get('/api/regulations?limit=100', 'kaltim.drafter');
    const regItem = (regs.body.items as Array<Record<string, unknown>>).find((i) => i.id === reg.id)!;
    expect(regItem).toMatchObject({ id: reg.id, title: expect.any(String), legalBasis: expect.any(Array), state: 'draft' });
    expect(regItem).not.toHaveProperty('body');
    expect(JSON.stringify(regs.body).length).toBeLessThan(body.length);
    expect((await get(`/api/regulations/${reg.id}`, 'kaltim.drafter')).body.body).toBe(body);
  });
});
