import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Queue } from 'bullmq';
import { QueueName, redisOptionsFromUrl } from '#queue';
import { act, createQuickWin, createTestApp, createTestWorker, notificationsOf, summarise, TEST_REDIS_URL, type TestApp, type TestWorker } from '#testing';

// Generous for a loaded machine; nothing here measures time.
jest.setTimeout(60_000);

/**
 * Issue 16: the outbox relay turns a batch's NOTIFY rows into notifications itself, in its own
 * transaction (one query for the documents, one for the recipients, one INSERT), instead of one
 * transition-notification job per row; when that fails, the rows become jobs as before. The
 * notifications queue is paused throughout, so a notification that arrives came from the relay and a
 * job that was queued stays there to be seen.
 */
describe('the outbox relay writes transition notifications', () => {
  let t: TestApp;
  let worker: TestWorker;
  let notifications: Queue;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await createTestWorker(t.env);
    notifications = new Queue(QueueName.Notifications, { connection: redisOptionsFromUrl(TEST_REDIS_URL, 'producer'), prefix: t.env.QUEUE_PREFIX });
    await notifications.pause();
  });
  afterAll(async () => {
    await notifications.resume();
    await notifications.close();
    await worker.close();
    await t.close();
  });

  async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const outboxRow = async (id: string): Promise<{ processed: boolean }> =>
    (await t.dataSource.query(`SELECT processed_at IS NOT NULL AS processed FROM outbox WHERE id = $1::bigint`, [id]))[0];

  it('writes the notifications of a transition while no notification job can run, and queues none', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    const delivered = await waitFor(() => notificationsOf(t.dataSource, doc.id), (n) => n.length > 0);
    expect(summarise(delivered)).toEqual(['ASSIGNED kaltim.kadis']);
    const [row] = await t.dataSource.query(`SELECT id::text AS id FROM outbox WHERE document_id = $1 AND type = 'NOTIFY'`, [doc.id]);
    expect(await outboxRow(row.id)).toEqual({ processed: true });
    expect(await notifications.getJob(`outbox.${row.id}`)).toBeUndefined();
  });

  it("names a Plh who returned a document together with the principal they acted for, as the history does", async () => {
    const granted = await t.http
      .post('/api/delegations')
      .set(await t.auth('kaltim.kadis'))
      .send({ delegate: 'kaltim.plh', role: 'UNIT_HEAD', kind: 'PLH', reason: 'Kepala Dinas cuti', startsAt: new Date(Date.now() - 60_000).toISOString(), endsAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(granted.status).toBe(201);
    const doc = await createQuickWin(t, 'kaltim.drafter');
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.plh', 'RETURN', { comment: 'Lengkapi anggaran' })).status).toBe(200);
    const delivered = await waitFor(() => notificationsOf(t.dataSource, doc.id), (n) => n.some((x) => x.type === 'RETURNED'));
    const [plh, kadis] = (await t.dataSource.query(`SELECT name FROM users WHERE username = ANY($1) ORDER BY username = 'kaltim.kadis'`, [['kaltim.plh', 'kaltim.kadis']])).map((r: { name: string }) => r.name);
    const returned = delivered.find((n) => n.type === 'RETURNED')!;
    expect(returned.username).toBe('kaltim.drafter');
    expect(returned.message).toContain(`dikembalikan oleh ${plh} atas nama ${kadis} dengan catatan: "Lengkapi anggaran".`);
    expect((await t.http.delete(`/api/delegations/${granted.body.id}`).set(await t.auth('kaltim.kadis'))).status).toBe(200);
  });

  it('leaves a NOTIFY row it cannot write to a transition-notification job and marks the row relayed', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    // a workflow version the worker does not know: building the notification throws
    await t.dataSource.query(`UPDATE workflow_instances SET machine_version = 99 WHERE document_id = $1`, [doc.id]);
    const [row] = await t.dataSource.query(
      `INSERT INTO outbox (document_id, type, payload)
       VALUES ($1, 'NOTIFY', '{"notification":"ASSIGNED","to":"stage-actors","stage":"approval","action":"SUBMIT","actor":"kaltim.drafter","comment":null}')
       RETURNING id::text AS id`,
      [doc.id],
    );
    expect(await waitFor(() => outboxRow(row.id), (r) => r.processed)).toEqual({ processed: true });
    const job = await notifications.getJob(`outbox.${row.id}`);
    expect(job?.name).toBe('transition-notification');
    expect(await job?.getState()).toBe('waiting');
    expect(await notificationsOf(t.dataSource, doc.id)).toEqual([]);
  });
});
