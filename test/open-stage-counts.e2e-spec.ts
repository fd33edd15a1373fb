import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ReportsRepository, slaStatusSql, type ReportPlace } from '#persistence';
import { act, createQuickWin, createTestApp, type TestApp } from '#testing';
import { driveTo } from './support/quick-win.js';

// Generous for a loaded machine; nothing here measures time.
jest.setTimeout(120_000);

const DAY = 86_400_000;

/**
 * The open stages of open-by-sla and workload read per-day counts kept by a trigger on deadlines
 * (migration OpenStageCounts) plus the deadlines of the two days that hold the bounds. Whatever
 * happens to the deadlines (transitions, an SLA change, a holiday added or removed, a withdrawal, a
 * deadline moved to another unit), the answer equals counting every open deadline one by one, at
 * every `now` and `dueSoonUntil` around the due times, whether the worker has folded the deltas or not.
 */
describe('open-stage counts', () => {
  let t: TestApp;
  let reports: ReportsRepository;
  let kaltim: string;
  let place: ReportPlace;
  const docs: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    reports = t.app.get(ReportsRepository);
    [{ id: kaltim }] = await t.dataSource.query(`SELECT id FROM governments WHERE code = 'kaltim'`);
    place = { governmentIds: [kaltim], unitIds: null, kind: null };
    for (let i = 0; i < 4; i++) docs.push((await createQuickWin(t, 'kaltim.drafter')).id);
  });
  afterAll(() => t.close());

  /** What the report said before the summary: every open deadline counted. */
  async function countedOneByOne(p: ReportPlace, now: Date, dueSoonUntil: Date) {
    const params: unknown[] = [now, dueSoonUntil, p.governmentIds];
    let where = `government_id = ANY($3::uuid[])`;
    if (p.unitIds !== null) where += ` AND unit_id = ANY($${params.push(p.unitIds)}::uuid[])`;
    if (p.kind !== null) where += ` AND kind = $${params.push(p.kind)}`;
    return t.dataSource.query(
      `SELECT government_id AS "governmentId", kind, stage, unit_id AS "unitId",
              count(*) FILTER (WHERE s = 'ON_TIME')::int AS "onTime", count(*) FILTER (WHERE s = 'DUE_SOON')::int AS "dueSoon",
              count(*) FILTER (WHERE s = 'OVERDUE')::int AS overdue
         FROM (SELECT *, ${slaStatusSql('due_at', '$1::timestamptz', '$2::timestamptz')} AS s FROM deadlines WHERE status = 'PENDING' AND ${where}) o
        GROUP BY 1, 2, 3, 4 ORDER BY kind, stage, unit_id`,
      params,
    );
  }

  /** Instants around every open due time: itself, a millisecond either side, and its UTC day's edges. */
  async function instants(): Promise<Date[]> {
    const rows: Array<{ dueAt: Date }> = await t.dataSource.query(`SELECT due_at AS "dueAt" FROM deadlines WHERE status = 'PENDING' ORDER BY due_at`);
    const out = new Set<number>([Date.now(), Date.now() - 30 * DAY, Date.now() + 60 * DAY]);
    for (const { dueAt } of rows) {
      const at = dueAt.getTime();
      const midnight = at - (at % DAY);
      for (const x of [at - 1, at, at + 1, midnight, midnight - 1, midnight + DAY, midnight + DAY - 1]) out.add(x);
    }
    return [...out].sort((a, b) => a - b).map((x) => new Date(x));
  }

  async function expectSameAsOneByOne(what: string) {
    const all = await instants();
    expect(all.length).toBeGreaterThan(3);
    let compared = 0;
    for (const [i, now] of all.entries()) {
      // dueSoonUntil: the same instant, the next ones and one two days on (a weekend between)
      for (const soon of [now, all[i + 2], new Date(now.getTime() + 2 * DAY)]) {
        if (soon === undefined || soon < now) continue;
        for (const p of i % 3 === 0 ? [place, { ...place, kind: 'quick-win' }, { ...place, unitIds: await unitIds() }] : [place]) {
          const got = await reports.openStages(p, now, soon);
          expect({ what, now, soon, rows: got }).toEqual({ what, now, soon, rows: await countedOneByOne(p, now, soon) });
          compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(0);
  }

  async function unitIds(): Promise<string[]> {
    return (await t.dataSource.query(`SELECT id FROM units WHERE government_id = $1 AND code = 'diskominfo'`, [kaltim])).map((r: { id: string }) => r.id);
  }

  async function fold(): Promise<void> {
    await t.dataSource.query(`SELECT compact_open_stage_counts()`);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM open_stage_deltas`)).toEqual([{ n: 0 }]);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM open_stage_counts WHERE count <= 0`)).toEqual([{ n: 0 }]);
  }

  it('agrees after submissions and an endorsement, before and after the fold', async () => {
    for (const id of docs.slice(0, 3)) expect((await act(t, 'quick-wins', id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    expect((await act(t, 'quick-wins', docs[0]!, 'kaltim.kadis', 'ENDORSE')).status).toBe(200);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM open_stage_deltas`);
    expect(n).toBeGreaterThan(0); // nothing folded yet: the answer reads the deltas
    await expectSameAsOneByOne('unfolded');
    await fold();
    await expectSameAsOneByOne('folded');
  });

  it('agrees after an SLA change makes a stage due at once (overdue) and a document enters it', async () => {
    const res = await t.http
      .put('/api/workflows/quick-win/sla')
      .set(await t.auth('kaltim.admin'))
      .send({ stages: { approval: { duration: 'PT2S', businessDays: false, remindBefore: 'PT1S', escalateAfter: 'PT1S', escalateEvery: 'PT2S', maxEscalations: 1 } } });
    expect(res.status).toBe(200);
    await driveTo(t, docs[3]!, 'approval');
    await expectSameAsOneByOne('after the SLA change');
    const overdue = (await reports.openStages(place, new Date(Date.now() + 5_000), new Date(Date.now() + 5 * DAY))).find((r) => r.stage === 'approval');
    expect(overdue).toMatchObject({ overdue: 1 });
    await fold();
    await expectSameAsOneByOne('after the SLA change, folded');
  });

  it('agrees after a holiday moves the open deadlines and after it is removed again', async () => {
    const [{ due }] = await t.dataSource.query(
      `SELECT to_char((min(due_at) AT TIME ZONE 'Asia/Makassar')::date, 'YYYY-MM-DD') AS due FROM deadlines WHERE status = 'PENDING' AND stage = 'endorsement'`,
    );
    const before = await t.dataSource.query(`SELECT id, due_at FROM deadlines WHERE status = 'PENDING' ORDER BY id`);
    const added = await t.http.post('/api/holidays').set(await t.auth('kaltim.admin')).send({ date: due, name: 'Libur Uji Laporan', governmentCode: 'kaltim' });
    expect(added.status).toBe(201);
    expect(added.body.rescheduledDeadlines).toBeGreaterThanOrEqual(1);
    expect(await t.dataSource.query(`SELECT id, due_at FROM deadlines WHERE status = 'PENDING' ORDER BY id`)).not.toEqual(before);
    await expectSameAsOneByOne('holiday added');
    await fold();
    await expectSameAsOneByOne('holiday added, folded');
    expect((await t.http.delete(`/api/holidays/${added.body.id}`).set(await t.auth('kaltim.admin'))).status).toBe(200);
    await expectSameAsOneByOne('holiday removed');
    await fold();
    await expectSameAsOneByOne('holiday removed, folded');
  });

  it('agrees after a withdrawal and a deadline moved to another unit', async () => {
    expect((await act(t, 'quick-wins', docs[1]!, 'kaltim.drafter', 'WITHDRAW', { comment: 'batal' })).status).toBe(200);
    await expectSameAsOneByOne('withdrawn');
    await t.dataSource.query(
      `UPDATE deadlines SET unit_id = (SELECT id FROM units WHERE government_id = $2 AND code = 'setda') WHERE document_id = $1 AND status = 'PENDING'`,
      [docs[2], kaltim],
    );
    await expectSameAsOneByOne('moved');
    await fold();
    await expectSameAsOneByOne('moved, folded');
    // a rebuild from the deadlines (the migration, a bulk load) gives the same counts as the trigger kept
    const kept = await t.dataSource.query(`SELECT * FROM open_stage_counts ORDER BY 1, 2, 3, 4, 5`);
    await t.dataSource.query(`SELECT rebuild_open_stage_counts()`);
    expect(await t.dataSource.query(`SELECT * FROM open_stage_counts ORDER BY 1, 2, 3, 4, 5`)).toEqual(kept);
  });
});
