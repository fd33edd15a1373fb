import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { JobProducer, QueueName } from '#queue';
import { act, createQuickWin, createTestApp, createTestWorker, rushDeadline, TEST_REDIS_URL, waitFor, type TestApp, type TestWorker } from '#testing';

jest.setTimeout(120_000);

/**
 * Deadline events wait in Redis only when due within the reconciler's horizon (an hour here): a stage lasts
 * days, so a transition queues and removes nothing, and the reconciler's pass that finds the event within
 * the horizon queues it (issue 16: two Redis scripts fewer per transition; Redis holds only what is near).
 */
describe('deadline jobs within the horizon only', () => {
  let t: TestApp;
  let worker: TestWorker;
  let producer: JobProducer;

  beforeAll(async () => {
    t = await createTestApp();
    worker = await createTestWorker(t.env);
    producer = new JobProducer({ redisUrl: TEST_REDIS_URL, prefix: t.env.QUEUE_PREFIX });
  });
  afterAll(async () => {
    await producer?.close();
    await worker?.close();
    await t?.close();
  });

  const relayed = () => waitFor(async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`))[0].n === 0, { what: 'the relay' });
  const jobsOf = async (deadlineId: string) =>
    (await producer.queue(QueueName.Deadlines).getJobs(['delayed', 'wait', 'active'])).filter((job) => job.data.deadlineId === deadlineId);
  const pendingDeadline = async (documentId: string) =>
    (await t.dataSource.query(`SELECT id, remind_at AS "remindAt" FROM deadlines WHERE document_id = $1 AND status = 'PENDING'`, [documentId]))[0] as { id: string; remindAt: Date };

  it('queues no job for a reminder days ahead; the pass that finds it within the horizon does, for its instant', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    await relayed();
    const deadline = await pendingDeadline(doc.id);
    expect(deadline.remindAt.getTime() - Date.now()).toBeGreaterThan(2 * 3600_000); // days ahead: a working-day stage
    expect(await jobsOf(deadline.id)).toEqual([]);

    await worker.reconcile();
    expect(await jobsOf(deadline.id)).toEqual([]); // still beyond the horizon now

    const report = await worker.reconcile(new Date(deadline.remindAt.getTime() - 30 * 60_000)); // half an hour before the reminder
    expect(report.deadlineJobsAdded).toBeGreaterThanOrEqual(1);
    const [job] = await jobsOf(deadline.id);
    expect(job!.data).toMatchObject({ deadlineId: deadline.id, event: 'REMINDER' });
    expect(Math.abs(job!.timestamp + job!.delay - deadline.remindAt.getTime())).toBeLessThan(1000);
  });

  it('after a reminder fires, leaves an overdue hours ahead to the reconciler', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    await relayed();
    const dueInMs = 3 * 3600_000;
    const deadlineId = await rushDeadline(t.dataSource, doc.id, { remindInMs: 500, dueInMs, escalationsInMs: [] });
    await waitFor(async () => (await t.dataSource.query(`SELECT 1 FROM deadline_events WHERE deadline_id = $1 AND event = 'REMINDER'`, [deadlineId])).length === 1, { what: 'the reminder' });
    await waitFor(async () => (await jobsOf(deadlineId)).length === 0, { what: "the reminder's job to finish" });
    const report = await worker.reconcile(new Date(Date.now() + dueInMs - 30 * 60_000));
    expect(report.deadlineJobsAdded).toBeGreaterThanOrEqual(1);
    expect((await jobsOf(deadlineId)).map((job) => job.data.event)).toEqual(['OVERDUE']);
  });

  it('queues a near event at once and removes its job when the stage is left', async () => {
    const doc = await createQuickWin(t, 'kaltim.drafter');
    expect((await act(t, 'quick-wins', doc.id, 'kaltim.drafter', 'SUBMIT')).status).toBe(200);
    await relayed();
    const deadlineId = await rushDeadline(t.dataSource, doc.id, { remindInMs: 20 * 60_000, dueInMs: 40 * 60_000, escalationsInMs: [] });
    await relayed();
    expect((await jobsOf(deadlineId)).map((job) => job.data.event)).toEqual(['REMINDER']);

    expect((await act(t, 'quick-wins', doc.id, 'kaltim.kadis', 'ENDORSE')).status).toBe(200);
    await relayed();
    expect(await jobsOf(deadlineId)).toEqual([]);
  });
});
