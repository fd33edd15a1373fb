import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  act,
  clearQueuePrefix,
  createQuickWin,
  createTestApp,
  createTestWorker,
  notificationsOf,
  rushDeadline,
  spawnWorker,
  startSmtpSink,
  startTcpProxy,
  summarise,
  TEST_REDIS_URL,
  waitFor,
  type SpawnedWorker,
  type TestApp,
} from '#testing';

jest.setTimeout(90_000);

/**
 * Losing Redis, or a crash of any process, loses no reminder and sends none twice (domain.md).
 * Each case has its own database and queue prefix.
 */
describe('deadline notifications under faults', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
  });

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const app = async (env: Record<string, string> = {}) => {
    const t = await createTestApp(env);
    cleanups.push(() => t.close());
    return t;
  };
  const submitted = async (t: TestApp, title: string) => {
    const doc = await createQuickWin(t, 'kaltim.drafter', { title });
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    return doc.id;
  };
  const notified = async (t: TestApp, ids: string[], types?: string[]) =>
    Object.fromEntries(await Promise.all(ids.map(async (id) => [id, summarise(await notificationsOf(t.dataSource, id), types)] as const)));
  const allHave = async (t: TestApp, ids: string[], count: number) =>
    Object.values(await notified(t, ids)).every((list) => list.length >= count);

  const ENDORSEMENT_WITH_ONE_ESCALATION = ['ASSIGNED kaltim.kadis', 'ESCALATION kaltim.sekda', 'OVERDUE kaltim.kadis', 'REMINDER kaltim.kadis'];

  it('a worker killed with SIGKILL while jobs are due: after a restart every notification arrives exactly once', async () => {
    const t = await app();
    const env = { ...t.env, RECONCILE_INTERVAL_MS: '1000' };
    let worker: SpawnedWorker = spawnWorker(env);
    cleanups.push(() => worker.kill('SIGKILL'));

    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push(await submitted(t, `Inovasi Pelayanan Kilat ${i + 1}`));
    await waitFor(() => allHave(t, ids, 1), { what: 'ASSIGNED from the spawned worker', timeoutMs: 30_000 });
    for (const [i, id] of ids.entries()) {
      await rushDeadline(t.dataSource, id, { remindInMs: 600 + i * 300, dueInMs: 1200 + i * 300, escalationsInMs: [1800 + i * 300], maxEscalations: 1 });
    }
    // Kill in the middle of the burst: some events have fired, the others are due while no worker runs.
    await waitFor(async () => Object.values(await notified(t, ids, ['REMINDER'])).flat().length >= 1, { what: 'a first reminder' });
    await worker.kill('SIGKILL');
    const atKill = Object.values(await notified(t, ids)).flat().length;
    await sleep(2500);
    expect(Object.values(await notified(t, ids)).flat().length).toBe(atKill); // nobody works meanwhile

    worker = spawnWorker(env);
    await waitFor(() => allHave(t, ids, ENDORSEMENT_WITH_ONE_ESCALATION.length), { what: 'every notification after the restart', timeoutMs: 60_000 });
    await sleep(2000); // a reconciler pass or two later: still nothing twice
    for (const id of ids) expect((await notified(t, [id]))[id]).toEqual(ENDORSEMENT_WITH_ONE_ESCALATION);
    const [{ fired }] = await t.dataSource.query(
      `SELECT count(*)::int AS fired FROM deadline_events e JOIN deadlines d ON d.id = e.deadline_id WHERE d.document_id = ANY($1)`,
      [ids],
    );
    expect(fired).toBe(3 * ids.length);
  });

  it("Redis loses every job (this test's own queue prefix deleted: FLUSHALL would hit the shared test Redis): the reconciler restores them and each notification arrives once", async () => {
    const t = await app();
    const w = await createTestWorker({ ...t.env, RECONCILE_INTERVAL_MS: '1000' });
    cleanups.push(() => w.close());
    const withEscalation = await submitted(t, 'Aplikasi Absensi Pegawai Berbasis Lokasi');
    const overdueOnly = await submitted(t, 'Layanan Konsultasi Hukum Daring');
    await waitFor(() => allHave(t, [withEscalation, overdueOnly], 1), { what: 'ASSIGNED' });
    await rushDeadline(t.dataSource, withEscalation, { remindInMs: 2500, dueInMs: 3000, escalationsInMs: [3500], maxEscalations: 1 });
    await rushDeadline(t.dataSource, overdueOnly, { remindInMs: null, dueInMs: 2800, escalationsInMs: [], maxEscalations: 0 });
    await waitFor(async () => (await t.dataSource.query(`SELECT 1 FROM outbox WHERE processed_at IS NULL`)).length === 0, { what: 'the relay' });

    await clearQueuePrefix(t.env.QUEUE_PREFIX); // the delayed REMINDER and OVERDUE jobs are gone

    await waitFor(async () => (await notified(t, [withEscalation]))[withEscalation].length >= 4 && (await notified(t, [overdueOnly]))[overdueOnly].length >= 2, {
      what: 'the notifications of the restored jobs',
    });
    await sleep(2000);
    expect((await notified(t, [withEscalation]))[withEscalation]).toEqual(ENDORSEMENT_WITH_ONE_ESCALATION);
    expect((await notified(t, [overdueOnly]))[overdueOnly]).toEqual(['ASSIGNED kaltim.kadis', 'OVERDUE kaltim.kadis']);
  });

  it('Redis unreachable during an approval: the approval succeeds, the outbox keeps the rows that need Redis, and the notifications and the reminder arrive once each when Redis is back', async () => {
    const redis = new URL(TEST_REDIS_URL);
    const proxy = await startTcpProxy(redis.hostname, Number(redis.port || 6379));
    cleanups.push(() => proxy.close());
    // The API and the worker reach Redis through a proxy the test cuts (as good as a closed port, and
    // the users can log in before: the login rate limiter lives in Redis).
    const t = await app({ REDIS_URL: `redis://127.0.0.1:${proxy.port}` });
    const w = await createTestWorker({ ...t.env, RECONCILE_INTERVAL_MS: '1000' });
    cleanups.push(() => w.close());
    cleanups.push(async () => proxy.restore()); // first: a worker closes only with Redis reachable
    for (const user of ['kaltim.drafter', 'kaltim.kadis', 'kaltim.organisasi', 'kaltim.sekda']) await t.auth(user);

    const id = await submitted(t, 'Penerbitan Izin Usaha Mikro Satu Hari');
    expect((await act(t, 'quick-wins', id, 'kaltim.kadis', 'ENDORSE')).status).toBe(200);
    expect((await act(t, 'quick-wins', id, 'kaltim.organisasi', 'VERIFY')).status).toBe(200);
    await waitFor(async () => (await notified(t, [id]))[id].includes('ASSIGNED kaltim.sekda'), { what: 'ASSIGNED to the Sekda' });

    proxy.cut();
    const health = await t.http.get('/health');
    expect(health.body.error).toMatchObject({ redis: { status: 'down' } });
    expect((await act(t, 'quick-wins', id, 'kaltim.sekda', 'APPROVE')).status).toBe(200);
    await rushDeadline(t.dataSource, id, { remindInMs: 1000, dueInMs: 60 * 60_000, escalationsInMs: [] });
    await sleep(2500); // the relay tries and fails meanwhile; the reminder's time passes
    // The reminder, now near, needs Redis: its row waits. The approval's rows need none when relayed in a batch
    // of their own (the new stage's reminder is days ahead, so no job is queued or removed; notifications are
    // rows), so they may be relayed already, or wait with the reminder's in one batch.
    const kept: string[] = (await t.dataSource.query(`SELECT type FROM outbox WHERE document_id = $1 AND processed_at IS NULL ORDER BY type`, [id])).map((r: { type: string }) => r.type);
    expect([['DEADLINE_RESCHEDULED'], ['DEADLINE_RESCHEDULED', 'NOTIFY', 'NOTIFY', 'STAGE_ENTERED', 'STAGE_LEFT']]).toContainEqual(kept);
    expect((await notified(t, [id], ['REMINDER']))[id]).toEqual([]);

    proxy.restore();
    const expected = ['APPROVED kaltim.drafter', 'REMINDER kaltim.drafter', 'REMINDER kaltim.drafter2', 'REMINDER kaltim.kadis'];
    await waitFor(async () => (await notified(t, [id], ['APPROVED', 'REMINDER']))[id].length >= expected.length, {
      what: 'APPROVED and the reminder after Redis returned',
      timeoutMs: 30_000,
    });
    await sleep(1500);
    expect((await notified(t, [id], ['APPROVED', 'REMINDER']))[id]).toEqual(expected);
    expect((await notified(t, [id], ['ASSIGNED']))[id]).toEqual([
      'ASSIGNED kaltim.drafter',
      'ASSIGNED kaltim.drafter2',
      'ASSIGNED kaltim.kadis',
      'ASSIGNED kaltim.kadis',
      'ASSIGNED kaltim.organisasi',
      'ASSIGNED kaltim.sekda',
    ]);
  });

  it('two workers at once (and their reconcilers racing): every notification and every e-mail exactly once', async () => {
    const smtp = await startSmtpSink();
    cleanups.push(() => smtp.close());
    const t = await app();
    const env = { ...t.env, SMTP_URL: smtp.url, RECONCILE_INTERVAL_MS: '500' };
    const workers = [await createTestWorker(env), await createTestWorker(env)];
    cleanups.push(() => Promise.all(workers.map((w) => w.close())));

    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await submitted(t, `Gerai Layanan Terpadu Kecamatan ${i + 1}`));
    for (const [i, id] of ids.entries()) {
      await rushDeadline(t.dataSource, id, { remindInMs: 800 + i * 100, dueInMs: 1400 + i * 100, escalationsInMs: [2000 + i * 100], maxEscalations: 1 });
    }
    const returned = await submitted(t, 'Pojok Baca Digital');
    expect((await act(t, 'quick-wins', returned, 'kaltim.kadis', 'RETURN', { comment: 'Target belum terukur.' })).status).toBe(200);

    const done = async () => (await allHave(t, ids, ENDORSEMENT_WITH_ONE_ESCALATION.length)) && (await allHave(t, [returned], 2));
    while (!(await done())) {
      await Promise.all(workers.map((w) => w.reconcile())); // extra passes, at the same time, on top of the timers
      await sleep(200);
    }
    await sleep(1500);
    for (const id of ids) expect((await notified(t, [id]))[id]).toEqual(ENDORSEMENT_WITH_ONE_ESCALATION);
    expect((await notified(t, [returned]))[returned]).toEqual(['ASSIGNED kaltim.kadis', 'RETURNED kaltim.drafter']);

    const all = (await Promise.all([...ids, returned].map((id) => notificationsOf(t.dataSource, id)))).flat();
    await waitFor(async () => smtp.messages.length >= all.length, { what: 'one e-mail per notification' });
    await sleep(1000);
    const messageIds = smtp.messages.map((m) => m.messageId);
    expect(new Set(messageIds).size).toBe(messageIds.length);
    expect(messageIds.length).toBe(all.length);
  });
  it('a worker that was down relays the backlog in one batch: each person still reads their notifications newest first, in the order things happened', async () => {
    const t = await app();
    // no worker yet: the outbox keeps six submissions, each one ASSIGNED to the Kepala Dinas
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await submitted(t, `Inovasi Layanan Antrean ${i + 1}`));
    const worker = await createTestWorker(t.env);
    cleanups.push(() => worker.close());
    await waitFor(() => allHave(t, ids, 1), { what: 'the backlog relayed' });

    const list = await t.http.get('/api/notifications?limit=100').set(await t.auth('kaltim.kadis'));
    expect(list.status).toBe(200);
    const assigned = (list.body.items as Array<{ type: string; documentId: string; createdAt: string }>).filter((n) => n.type === 'ASSIGNED');
    expect(assigned.map((n) => n.documentId)).toEqual([...ids].reverse());
    // the outbox rows were taken oldest first (by their number, not its text: row 11 after row 3), and no two notifications claim the same instant
    const stored: Array<{ outboxRow: number }> = await t.dataSource.query(
      `SELECT split_part(dedup_key, ':', 2)::int AS "outboxRow" FROM notifications WHERE type = 'ASSIGNED' ORDER BY created_at, id`,
    );
    expect(stored.map((r) => r.outboxRow)).toEqual([...stored.map((r) => r.outboxRow)].sort((a, b) => a - b));
    expect((await t.dataSource.query(`SELECT count(DISTINCT created_at)::int AS n FROM notifications WHERE type = 'ASSIGNED'`))[0].n).toBe(ids.length);
  });
});
