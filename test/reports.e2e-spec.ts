import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { act, createQuickWin, createRegulation, createTestApp, delegate, type TestApp } from '#testing';

// Generous for a loaded machine; nothing here measures time.
jest.setTimeout(60_000);

/** Wall-clock time in WITA (UTC+8), the demo governments' zone. */
const wita = (local: string) => new Date(`${local}+08:00`);
const H = 3_600_000;

describe('reports', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  const get = async (user: string, path: string) => t.http.get(path).set(await t.auth(user));
  const unitId = async (gov: string, unit: string) =>
    (await t.dataSource.query(`SELECT u.id FROM units u JOIN governments g ON g.id = u.government_id WHERE g.code = $1 AND u.code = $2`, [gov, unit]))[0].id as string;
  const govId = async (gov: string) => (await t.dataSource.query(`SELECT id FROM governments WHERE code = $1`, [gov]))[0].id as string;

  /** A stage of a Quick Win (on host document `doc`) entered, left (or still open) with its due time. */
  async function stage(doc: string, gov: string, unit: string, s: { stage: string; entered: Date; due: Date; closed: Date | null }) {
    const [row] = await t.dataSource.query(
      `INSERT INTO deadlines (document_id, government_id, unit_id, kind, stage, entered_at, due_at, policy, explanation)
       VALUES ($1, $2, $3, 'quick-win', $4, $5, $6, '{}', 'uji') RETURNING id`,
      [doc, await govId(gov), await unitId(gov, unit), s.stage, s.entered, s.due],
    );
    if (s.closed) await t.dataSource.query(`UPDATE deadlines SET status = 'DONE', closed_at = $2 WHERE id = $1`, [row.id, s.closed]);
  }

  /** Moves a document to `state` at `at`, as a transition would (the throughput trigger watches this). */
  async function move(doc: string, state: string, final: boolean, at: Date) {
    await t.dataSource.query(`UPDATE documents SET state = $2, final = $3, updated_at = $4 WHERE id = $1`, [doc, state, final, at]);
  }

  beforeAll(async () => {
    t = await createTestApp();
    // host documents for the fixtures: regulations, so the Quick Win roll-up only sees its own
    for (const name of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8']) ids[name] = (await createRegulation(t, 'kaltim.drafter')).id;
    ids.p1 = (await createRegulation(t, 'paser.drafter')).id;
    ids.hx = (await createRegulation(t, 'kaltim.drafter', { title: '=HYPERLINK("http://contoh.test","klik")' })).id;

    // stage times (Quick Win endorsement, kaltim); 18-24 March 2026 are holidays (Nyepi, Idul Fitri)
    await stage(ids.h1!, 'kaltim', 'diskominfo', { stage: 'endorsement', entered: wita('2026-03-13T10:00'), closed: wita('2026-03-16T10:00'), due: wita('2026-03-18T10:00') }); // 24 h, on time
    await stage(ids.h2!, 'kaltim', 'diskominfo', { stage: 'endorsement', entered: wita('2026-03-17T09:00'), closed: wita('2026-03-25T09:00'), due: wita('2026-03-20T09:00') }); // 15 + 9 = 24 h, late
    await stage(ids.h3!, 'kaltim', 'diskominfo', { stage: 'endorsement', entered: wita('2026-03-02T08:00'), closed: wita('2026-03-05T14:30'), due: wita('2026-03-05T08:00') }); // 78.5 h -> 76 h (4-hour grid), late
    await stage(ids.h4!, 'kaltim', 'biro-hukum', { stage: 'endorsement', entered: wita('2026-04-06T09:00'), closed: wita('2026-04-06T11:20'), due: wita('2026-04-09T09:00') }); // 2 h 20 -> 2 h (half-hour grid), on time
    await stage(ids.h5!, 'kaltim', 'diskominfo', { stage: 'endorsement', entered: wita('2025-12-30T12:00'), closed: wita('2025-12-31T12:00'), due: wita('2026-01-02T12:00') }); // 2025
    await stage(ids.p1!, 'paser', 'diskominfo', { stage: 'endorsement', entered: wita('2026-03-02T08:00'), closed: wita('2026-03-03T08:00'), due: wita('2026-03-05T08:00') });

    // open stages now: overdue, due soon, on time
    const now = Date.now();
    await stage(ids.h6!, 'kaltim', 'diskominfo', { stage: 'endorsement', entered: new Date(now - 200 * H), due: new Date(now - 100 * H), closed: null });
    await stage(ids.hx!, 'kaltim', 'diskominfo', { stage: 'endorsement', entered: new Date(now - 100 * H), due: new Date(now - 1 * H), closed: null });
    await stage(ids.h7!, 'kaltim', 'biro-hukum', { stage: 'endorsement', entered: new Date(now - 10 * H), due: new Date(now + 1 * H), closed: null });
    await stage(ids.h8!, 'kaltim', 'diskominfo', { stage: 'verification', entered: new Date(now - 10 * H), due: new Date(now + 30 * 24 * H), closed: null });
    await delegate(t.dataSource, 'kaltim.kadis', 'kaltim.drafter2', 'UNIT_HEAD');
    // a unit whose name would be a formula in a spreadsheet
    await t.dataSource.query(`UPDATE units SET name = '@SUM(1+1)' WHERE code = 'biro-hukum' AND government_id = $1`, [await govId('kaltim')]);

    // throughput: the week turns at Monday 00:00 WITA
    await move(ids.h1!, 'legal_review', false, wita('2026-03-15T23:30')); // started, week of 9 March
    await move(ids.h2!, 'legal_review', false, wita('2026-03-16T00:30')); // started, week of 16 March
    await move(ids.h2!, 'withdrawn', true, wita('2026-03-17T12:00')); // finished, week of 16 March
    await move(ids.h3!, 'withdrawn', true, wita('2026-03-17T13:00')); // a draft withdrawn: neither
  });
  afterAll(() => t.close());

  describe('stage-times', () => {
    it('gives median, p90 and the share within SLA per stage and month, across weekends and holidays', async () => {
      const res = await get('kaltim.sekda', '/api/reports/stage-times?year=2026&kind=quick-win');
      expect(res.status).toBe(200);
      const [endorsement, ...others] = res.body.items;
      expect(others).toEqual([]);
      expect(endorsement).toMatchObject({
        kind: 'quick-win', stage: 'endorsement', sla: { duration: 'P3D', businessDays: true },
        count: 4, withinSla: 2, withinSlaShare: 0.5, medianWorkingDays: 1, medianWorkingHours: 24, p90WorkingDays: 3.17, p90WorkingHours: 76,
      });
      expect(endorsement.byMonth).toEqual([
        { month: '2026-03', count: 3, withinSla: 1, withinSlaShare: 0.33, medianWorkingDays: 1, p90WorkingDays: 3.17, medianWorkingHours: 24, p90WorkingHours: 76 },
        { month: '2026-04', count: 1, withinSla: 1, withinSlaShare: 1, medianWorkingDays: 0.08, p90WorkingDays: 0.08, medianWorkingHours: 2, p90WorkingHours: 2 },
      ]);
      // the province's Sekda sees its regencies as one total each
      expect(res.body.governments).toEqual([
        { code: 'berau', name: expect.any(String), count: 0, withinSla: 0, withinSlaShare: null },
        { code: 'paser', name: expect.any(String), count: 1, withinSla: 1, withinSlaShare: 1 },
      ]);
    });

    it('narrows to dates, and a Kepala OPD sees their unit only', async () => {
      const december = await get('kaltim.organisasi', '/api/reports/stage-times?from=2025-12-01&to=2025-12-31');
      expect(december.body.items.map((i: { count: number; medianWorkingHours: number }) => [i.count, i.medianWorkingHours])).toEqual([[1, 24]]);
      const unit = await get('kaltim.kadis', '/api/reports/stage-times?year=2026');
      expect(unit.status).toBe(200);
      expect(unit.body.items[0]).toMatchObject({ count: 3, medianWorkingHours: 24, p90WorkingHours: 76, withinSla: 1 });
      expect(unit.body.governments).toEqual([]);
    });
  });

  describe('open-by-sla', () => {
    it('splits open stages per unit into on time, due soon and overdue, and names the most overdue with who they wait on', async () => {
      const res = await get('kaltim.inspektur', '/api/reports/open-by-sla');
      expect(res.status).toBe(200);
      const rows = res.body.items.map((i: Record<string, unknown>) => [i.unitCode, i.kind, i.stage, i.onTime, i.dueSoon, i.overdue]);
      expect(rows.sort()).toEqual([
        ['biro-hukum', 'quick-win', 'endorsement', 0, 1, 0],
        ['diskominfo', 'quick-win', 'endorsement', 0, 0, 2],
        ['diskominfo', 'quick-win', 'verification', 1, 0, 0],
      ]);
      expect(res.body.mostOverdue.map((d: { id: string }) => d.id)).toEqual([ids.h6, ids.hx]);
      expect(res.body.mostOverdue[0].waitingOn).toEqual([
        { username: 'kaltim.drafter2', name: expect.any(String), unitCode: 'diskominfo', role: 'UNIT_HEAD', onBehalfOf: 'kaltim.kadis' },
        { username: 'kaltim.kadis', name: expect.any(String), unitCode: 'diskominfo', role: 'UNIT_HEAD', onBehalfOf: null },
      ]);
      expect(res.body.mostOverdue[0].overdueWorkingDays).toBeGreaterThan(0);
    });
  });

  describe('throughput', () => {
    it('counts started and finished per ISO week, the week turning at Monday 00:00 WITA', async () => {
      const res = await get('kaltim.sekda', '/api/reports/throughput?from=2026-03-01&to=2026-03-31');
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        { week: '2026-W11', weekStart: '2026-03-09', kind: 'regulation', started: 1, finished: 0 },
        { week: '2026-W12', weekStart: '2026-03-16', kind: 'regulation', started: 1, finished: 1 },
      ]);
    });
  });

  describe('workload', () => {
    it('counts open and overdue tasks per person and role, delegations for the delegate', async () => {
      const res = await get('kaltim.admin', '/api/reports/workload?kind=quick-win');
      expect(res.status).toBe(200);
      const rows = res.body.items.map((i: Record<string, unknown>) => [i.username, i.role, i.onBehalfOf, i.open, i.overdue]);
      expect(rows).toEqual([
        ['kaltim.drafter2', 'UNIT_HEAD', 'kaltim.kadis', 2, 2],
        ['kaltim.kadis', 'UNIT_HEAD', null, 2, 2],
        // the demo data has a head for every unit: the Biro Hukum's waits on the one submitted there
        ['kaltim.kepala-biro-hukum', 'UNIT_HEAD', null, 1, 0],
        ['kaltim.organisasi', 'ORG_VERIFIER', null, 1, 0],
      ]);
    });
  });

  describe('quick-wins', () => {
    it('rolls up the year per RB area, per OPD and per OPD and area, with progress on time and budget', async () => {
      const a = await createQuickWin(t, 'kaltim.drafter', { category: 'RB_GENERAL', area: 'PELAYANAN_PUBLIK', budget: 100_000_000 });
      const b = await createQuickWin(t, 'kaltim.drafter', { category: 'RB_TEMATIK', area: 'DIGITALISASI_ADMINISTRASI', budget: 150_000_000 });
      await createQuickWin(t, 'kaltim.drafter', { year: 2027, startDate: '2027-01-04', endDate: '2027-12-31' });
      const reports = [{ percent: 40, reportedAt: '2026-06-01T02:00:00.000Z' }, { percent: 100, reportedAt: '2026-07-15T02:00:00.000Z' }];
      // as REPORT_PROGRESS does: the period's deadline closes, then the report is written
      await stage(b.id, 'kaltim', 'diskominfo', { stage: 'implementation', entered: new Date('2026-05-01T02:00:00Z'), due: new Date('2026-06-10T02:00:00Z'), closed: new Date(reports[0]!.reportedAt) });
      await t.dataSource.query(`UPDATE documents SET facts = jsonb_build_object('progressReports', $2::jsonb) WHERE id = $1`, [b.id, JSON.stringify(reports.slice(0, 1))]);
      await stage(b.id, 'kaltim', 'diskominfo', { stage: 'implementation', entered: new Date(reports[0]!.reportedAt), due: new Date('2026-07-10T02:00:00Z'), closed: new Date(reports[1]!.reportedAt) });
      await t.dataSource.query(`UPDATE documents SET facts = jsonb_build_object('progressReports', $2::jsonb) WHERE id = $1`, [b.id, JSON.stringify(reports)]);
      await move(b.id, 'completed', true, wita('2026-11-30T10:00'));

      const res = await get('kaltim.organisasi', '/api/reports/quick-wins?year=2026');
      expect(res.status).toBe(200);
      expect(res.body.byArea).toEqual([
        { category: 'RB_GENERAL', area: 'PELAYANAN_PUBLIK', total: 1, byState: { draft: 1 }, budget: 100_000_000, progressReports: 0, progressReportsOnTime: 0, completedInYear: 0 },
        { category: 'RB_TEMATIK', area: 'DIGITALISASI_ADMINISTRASI', total: 1, byState: { completed: 1 }, budget: 150_000_000, progressReports: 2, progressReportsOnTime: 1, completedInYear: 1 },
      ]);
      expect(res.body.byUnit).toEqual([
        { unitCode: 'diskominfo', unitName: expect.any(String), total: 2, byState: { draft: 1, completed: 1 }, budget: 250_000_000, progressReports: 2, progressReportsOnTime: 1, completedInYear: 1 },
      ]);
      expect(res.body.rows.map((r: Record<string, unknown>) => [r.unitCode, r.area, r.total])).toEqual([
        ['diskominfo', 'PELAYANAN_PUBLIK', 1],
        ['diskominfo', 'DIGITALISASI_ADMINISTRASI', 1],
      ]);
      expect(a.id).toBeDefined();
      // the same after the worker folds the deltas
      await t.dataSource.query(`SELECT compact_report_summaries()`);
      expect((await get('kaltim.organisasi', '/api/reports/quick-wins?year=2026')).body).toEqual(res.body);
    });
  });

  describe('who may see what', () => {
    it('refuses other roles with 403, a Kepala OPD outside their unit too', async () => {
      for (const user of ['kaltim.drafter', 'kaltim.hukum', 'kaltim.asisten', 'kaltim.kepala']) {
        const res = await get(user, '/api/reports/open-by-sla');
        expect([user, res.status, res.body.code]).toEqual([user, 403, 'FORBIDDEN']);
      }
      const other = await get('kaltim.kadis', '/api/reports/open-by-sla?unitCode=biro-hukum');
      expect([other.status, other.body.code]).toEqual([403, 'FORBIDDEN']);
      const own = await get('kaltim.kadis', '/api/reports/open-by-sla');
      expect(own.body.items.every((i: { unitCode: string }) => i.unitCode === 'diskominfo')).toBe(true);
      expect((await t.http.get('/api/reports/workload')).status).toBe(401);
    });

    it('a regency sees only itself', async () => {
      const res = await get('paser.sekda', '/api/reports/stage-times?year=2026');
      expect(res.body.items.map((i: { count: number }) => i.count)).toEqual([1]);
      expect(res.body.governments).toEqual([]);
    });

    it('answers bad requests with 400 or 404 and a code', async () => {
      const cases: Array<[string, number, string]> = [
        ['/api/reports/nonsense', 404, 'NOT_FOUND'],
        ['/api/reports/workload?year=20x6', 400, 'VALIDATION_FAILED'],
        ['/api/reports/workload?year=2026&year=2027', 400, 'VALIDATION_FAILED'],
        ['/api/reports/workload?from=2026-05-01&to=2026-04-01', 400, 'VALIDATION_FAILED'],
        ['/api/reports/workload?from=2026-02-30', 400, 'VALIDATION_FAILED'],
        ['/api/reports/workload?kind=memo', 400, 'VALIDATION_FAILED'],
        ['/api/reports/workload?format=pdf', 400, 'VALIDATION_FAILED'],
        ['/api/reports/workload?colour=red', 400, 'VALIDATION_FAILED'],
        ['/api/reports/workload?unitCode=dinas-tidak-ada', 400, 'VALIDATION_FAILED'],
        ['/api/reports/quick-wins?kind=regulation', 400, 'VALIDATION_FAILED'],
      ];
      for (const [path, status, code] of cases) {
        const res = await get('kaltim.sekda', path);
        expect([path, res.status, res.body.code]).toEqual([path, status, code]);
      }
    });
  });

  describe('downloads', () => {
    it('CSV reads back through a parser, with formula-like text kept as text', async () => {
      const res = await t.http.get('/api/reports/open-by-sla?format=csv').set(await t.auth('kaltim.sekda')).buffer(true);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="open-by-sla-kaltim-\d{4}-\d{2}-\d{2}\.csv"$/);
      const records: string[][] = parse(res.text, { bom: true });
      expect(records[0]).toEqual(['Kode unit', 'Unit', 'Jenis', 'Tahap', 'Tepat waktu', 'Segera jatuh tempo', 'Terlambat']);
      expect(records.find((r) => r[0] === 'biro-hukum')).toEqual(['biro-hukum', "'@SUM(1+1)", 'quick-win', 'endorsement', '0', '1', '0']);
    });

    it('XLSX is a workbook with a sheet per table, titles as text', async () => {
      const res = await t.http
        .get('/api/reports/open-by-sla?format=xlsx')
        .set(await t.auth('kaltim.sekda'))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.body as Parameters<typeof workbook.xlsx.load>[0]);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['Terbuka per tahap', 'Paling terlambat', 'Kabupaten dan Kota']);
      const overdue = workbook.getWorksheet('Paling terlambat')!;
      const titles = overdue.getColumn(3).values.slice(2);
      expect(titles).toContain(`'=HYPERLINK("http://contoh.test","klik")`);
      const cell = overdue.getColumn(3).values.slice(2).indexOf(`'=HYPERLINK("http://contoh.test","klik")`);
      expect(overdue.getRow(cell + 2).getCell(3).type).toBe(ExcelJS.ValueType.String);
      expect(overdue.getRow(1).getCell(8).value).toBe('Menunggu');
      const counts = workbook.getWorksheet('Terbuka per tahap')!;
      const hukum = counts.getRows(2, counts.rowCount - 1)!.find((r) => r.getCell(1).value === 'biro-hukum')!;
      expect([hukum.getCell(2).value, hukum.getCell(6).value]).toEqual(["'@SUM(1+1)", 1]);
    });
  });

  describe('a real run through the API', () => {
    it('a Quick Win submitted and endorsed shows up in stage times, throughput, the roll-up and open stages', async () => {
      const qw = await createQuickWin(t, 'berau.drafter');
      expect((await act(t, 'quick-wins', qw.id, 'berau.drafter', 'SUBMIT')).status).toBe(200);
      expect((await act(t, 'quick-wins', qw.id, 'berau.kadis', 'ENDORSE')).status).toBe(200);
      const times = await get('berau.sekda', '/api/reports/stage-times?kind=quick-win');
      expect(times.body.items.map((i: { stage: string; count: number; withinSla: number }) => [i.stage, i.count, i.withinSla])).toEqual([['endorsement', 1, 1]]);
      const weeks = await get('berau.sekda', '/api/reports/throughput');
      expect(weeks.body.items.map((i: { kind: string; started: number; finished: number }) => [i.kind, i.started, i.finished])).toEqual([['quick-win', 1, 0]]);
      // folding the deltas into the summaries (the worker does it every few seconds) changes no figure
      const [{ folded }] = await t.dataSource.query(`SELECT compact_report_summaries() AS folded`);
      expect(Number(folded)).toBeGreaterThan(0);
      expect((await get('berau.sekda', '/api/reports/stage-times?kind=quick-win')).body).toEqual(times.body);
      expect((await get('berau.sekda', '/api/reports/throughput')).body).toEqual(weeks.body);
      const rollup = await get('berau.organisasi', '/api/reports/quick-wins');
      expect(rollup.body.byUnit.map((u: { unitCode: string; byState: unknown; budget: number }) => [u.unitCode, u.byState, u.budget])).toEqual([['diskominfo', { verification: 1 }, 150_000_000]]);
      const open = await get('berau.sekda', '/api/reports/open-by-sla');
      expect(open.body.items.map((i: { stage: string; onTime: number; dueSoon: number }) => [i.stage, i.onTime + i.dueSoon])).toEqual([['verification', 1]]);
    });
  });
});
