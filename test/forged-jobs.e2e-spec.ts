import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Job, Queue } from 'bullmq';
import { JobName, QueueName, redisOptionsFromUrl } from '#queue';
import { act, createQuickWin, createRegulation, createTestApp, createTestWorker, notificationsOf, summarise, TEST_REDIS_URL, type TestApp, type TestWorker } from '#testing';

// Generous for a loaded machine; nothing here measures time.
jest.setTimeout(60_000);

/**
 * Issue 9, finding 1: a job is not taken as true. Whoever can write to Redis (a dashboard, a leaked
 * password) can make a job; the worker checks every job against PostgreSQL and writes only what the
 * database says.
 */
describe('jobs made by hand', () => {
  let t: TestApp;
  let worker: TestWorker;
  const queues = new Map<QueueName, Queue>();

  beforeAll(async () => {
    t = await createTestApp();
    worker = await createTestWorker(t.env);
    for (const name of Object.values(QueueName)) queues.set(name, new Queue(name, { connection: redisOptionsFromUrl(TEST_REDIS_URL, 'producer'), prefix: t.env.QUEUE_PREFIX }));
  });
  afterAll(async () => {
    await Promise.all([...queues.values()].map((q) => q.close()));
    await worker.close();
    await t.close();
  });

  /** Adds a job straight into Redis, as a dashboard or a script could, and waits until the worker is done with it. */
  async function forge(queue: QueueName, name: string, data: Record<string, unknown>): Promise<{ state: string; returnvalue: unknown }> {
    const job = await queues.get(queue)!.add(name, data, { attempts: 1 });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const state = await queues.get(queue)!.getJobState(job.id!);
      if (state === 'completed' || state === 'failed' || state === 'delayed') {
        const current = (await Job.fromId(queues.get(queue)!, job.id!))!; // read after the state: it holds the outcome
        if (state !== 'delayed' || current.attemptsStarted > 0) return { state, returnvalue: current.returnvalue };
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`job ${job.id} not handled in time`);
  }

  async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await read();
      if (done(value) || Date.now() > deadline) return value;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("a forged REJECTED notice about a kaltim draft never reaches its drafter (the finding's job)", async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    const result = await forge(QueueName.Notifications, JobName.TransitionNotification, {
      outboxId: '987654321',
      documentId: doc.id,
      notification: 'REJECTED',
      to: 'creator',
      stage: null,
      action: 'REJECT',
      actor: 'kaltim.sekda',
      comment: 'Usulan tidak layak, silakan hubungi nomor berikut',
    });
    expect(result).toEqual({ state: 'completed', returnvalue: 'dropped: does not match the outbox' });
    expect(await notificationsOf(t.dataSource, doc.id)).toEqual([]);
  });

  it('a job that reuses a real outbox row but changes what it says is dropped; the real one is delivered once', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    const delivered = await waitFor(() => notificationsOf(t.dataSource, doc.id), (n) => n.length > 0);
    expect(summarise(delivered)).toEqual(['ASSIGNED kaltim.kadis']);
    const [row] = await t.dataSource.query(`SELECT id::text AS id, payload FROM outbox WHERE document_id = $1 AND type = 'NOTIFY'`, [doc.id]);

    const result = await forge(QueueName.Notifications, JobName.TransitionNotification, {
      outboxId: row.id,
      documentId: doc.id,
      notification: 'REJECTED',
      to: 'creator',
      stage: null,
      action: 'REJECT',
      actor: 'kaltim.sekda',
      comment: 'palsu',
    });
    expect(result).toEqual({ state: 'completed', returnvalue: 'dropped: does not match the outbox' });
    expect(summarise(await notificationsOf(t.dataSource, doc.id))).toEqual(['ASSIGNED kaltim.kadis']);
  });

  it('a job whose data does not fit its name is dropped before any handler, not retried', async () => {
    const malformed = await forge(QueueName.Deadlines, JobName.DeadlineEvent, { deadlineId: "x' OR 1=1", generation: 1, event: 'REMINDER', sequence: 1 });
    expect(malformed).toEqual({ state: 'completed', returnvalue: 'dropped: malformed payload' });
    const unknown = await forge(QueueName.Notifications, 'send-everyone-a-message', { text: 'halo' });
    expect(unknown).toEqual({ state: 'completed', returnvalue: 'dropped: unknown job name' });
  });

  it('a deadline event for a deadline that does not exist does nothing', async () => {
    const result = await forge(QueueName.Deadlines, JobName.DeadlineEvent, { deadlineId: '00000000-0000-4000-8000-000000000000', generation: 1, event: 'ESCALATION', sequence: 1 });
    expect(result).toEqual({ state: 'completed', returnvalue: 'deadline closed' });
  });

  it('a target-date reminder the regulation does not have is dropped; one before its time waits for it', async () => {
    const reg = await createRegulation(t, 'kaltim.drafter', { targetDate: '2099-06-01' });
    const invented = await forge(QueueName.Deadlines, JobName.TargetDateReminder, { documentId: reg.id, targetDate: '2099-06-01', daysBefore: 5 });
    expect(invented).toEqual({ state: 'completed', returnvalue: 'dropped: a targetDate has no reminder 5 days before' });
    const early = await forge(QueueName.Deadlines, JobName.TargetDateReminder, { documentId: reg.id, targetDate: '2099-06-01', daysBefore: 30 });
    expect(early.state).toBe('delayed');
    expect(await notificationsOf(t.dataSource, reg.id)).toEqual([]);
  });
});
