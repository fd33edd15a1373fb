import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { OUTBOX_BACKLOG_COUNT_CAP } from '#persistence';
import { act, createQuickWin, createTestApp, spawnWorker, waitFor, type SpawnedWorker, type TestApp } from '#testing';

jest.setTimeout(120_000);

/**
 * GET /health/worker: reminders, escalations and notifications depend on a worker process that /health
 * does not see. A real worker, started and stopped as in production, says it is alive after rounds of its
 * outbox relay; the API answers 503 when none did lately or when a transition waits for the relay.
 */
describe('GET /health/worker', () => {
  let t: TestApp;
  let worker: SpawnedWorker | null = null;
  const dir = mkdtempSync(join(tmpdir(), 'alur-heartbeat-'));
  const heartbeatFile = join(dir, 'worker-heartbeat');

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await worker?.kill('SIGKILL');
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const health = () => t.http.get('/health/worker');
  const start = () => {
    worker = spawnWorker({ ...t.env, WORKER_HEARTBEAT_FILE: heartbeatFile });
    return worker;
  };

  it('is 503 NO_LIVE_WORKER while no worker runs, without a token', async () => {
    const res = await health();
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'late', problems: ['NO_LIVE_WORKER'], liveWorkers: 0, lastSeenSecondsAgo: null, outbox: { pending: 0, pendingCapped: false, oldestPendingSeconds: null } });
  });

  it('counts what waits for the relay, and is OUTBOX_LAGGING once a row waited over 60 s', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    const waiting = await health();
    expect(waiting.status).toBe(503);
    expect(waiting.body.problems).toEqual(['NO_LIVE_WORKER']); // just written: not late yet
    expect(waiting.body.outbox.pending).toBeGreaterThanOrEqual(2); // the stage's deadline and the Kepala OPD's notice
    expect(waiting.body.outbox.oldestPendingSeconds).toBeLessThan(60);

    await t.dataSource.query(`UPDATE outbox SET created_at = created_at - interval '2 minutes' WHERE document_id = $1`, [doc.id]);
    const late = await health();
    expect(late.status).toBe(503);
    expect(late.body.problems).toEqual(['NO_LIVE_WORKER', 'OUTBOX_LAGGING']);
    expect(late.body.outbox.oldestPendingSeconds).toBeGreaterThanOrEqual(120);
  });

  it('stops counting at 100,000 and says that more wait', async () => {
    const [doc] = await t.dataSource.query(`SELECT id FROM documents LIMIT 1`);
    const fill = (rows: number) =>
      t.dataSource.query(`INSERT INTO outbox (document_id, type, payload) SELECT $1, 'BACKLOG_FILLER', '{}' FROM generate_series(1, $2)`, [doc.id, rows]);
    const before = (await health()).body.outbox.pending;
    try {
      await fill(OUTBOX_BACKLOG_COUNT_CAP - before);
      expect((await health()).body.outbox).toMatchObject({ pending: OUTBOX_BACKLOG_COUNT_CAP, pendingCapped: false });
      await fill(1);
      expect((await health()).body.outbox).toMatchObject({ pending: OUTBOX_BACKLOG_COUNT_CAP, pendingCapped: true });
    } finally {
      await t.dataSource.query(`DELETE FROM outbox WHERE type = 'BACKLOG_FILLER'`);
    }
    expect((await health()).body.outbox).toMatchObject({ pending: before, pendingCapped: false });
  });

  it('is 200 once a worker relays: its heartbeat recorded by host and pid, its file written', async () => {
    const started = Date.now();
    const { child } = start();
    await waitFor(async () => (await health()).status === 200, { what: "the worker's first heartbeat", timeoutMs: 60_000 });
    const res = await health();
    expect(res.body).toMatchObject({ status: 'ok', problems: [], liveWorkers: 1, outbox: { pending: 0, pendingCapped: false, oldestPendingSeconds: null } });
    expect(res.body.lastSeenSecondsAgo).toBeLessThan(10);
    const rows = await t.dataSource.query(`SELECT worker_id FROM worker_heartbeats`);
    expect(rows).toEqual([{ worker_id: `${hostname()}:${child.pid}` }]);
    const written = Date.parse(readFileSync(heartbeatFile, 'utf8').trim());
    expect(written).toBeGreaterThanOrEqual(started - 1000);
    expect(written).toBeLessThanOrEqual(Date.now());
  });

  it('is 503 again when the heartbeat is older than 30 s (a worker that hangs or died without a word)', async () => {
    await worker!.whileHung(t.dataSource, async () => {
      await t.dataSource.query(`UPDATE worker_heartbeats SET seen_at = now() - interval '31 seconds'`); // 31 s of hanging
      const res = await health();
      expect(res.status).toBe(503);
      expect(res.body.problems).toEqual(['NO_LIVE_WORKER']);
      expect(res.body.lastSeenSecondsAgo).toBeGreaterThanOrEqual(31);
    });
    await waitFor(async () => (await health()).status === 200, { what: 'the next heartbeat', timeoutMs: 15_000 });
  });

  it("records when the worker's reconciler last finished a pass, and is 503 RECONCILER_STALLED when none did lately", async () => {
    const [row] = await t.dataSource.query(`SELECT reconciled_at IS NOT NULL AS reconciled, reconcile_interval_ms AS interval FROM worker_heartbeats`);
    expect(row).toEqual({ reconciled: true, interval: 60000 }); // the pass at its start
    await worker!.whileHung(t.dataSource, async () => {
      await t.dataSource.query(`UPDATE worker_heartbeats SET reconciled_at = now() - interval '9 minutes', started_at = now() - interval '1 hour'`);
      const res = await health();
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'late', problems: ['RECONCILER_STALLED'], liveWorkers: 1 });
    });
    await waitFor(async () => (await health()).status === 200, { what: 'the next heartbeat', timeoutMs: 15_000 });
  });

  it('forgets a worker stopped on purpose at once', async () => {
    await worker!.kill('SIGTERM');
    worker = null;
    expect(await t.dataSource.query(`SELECT worker_id FROM worker_heartbeats`)).toEqual([]);
    const res = await health();
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ problems: ['NO_LIVE_WORKER'], liveWorkers: 0, lastSeenSecondsAgo: null });
  });
});
