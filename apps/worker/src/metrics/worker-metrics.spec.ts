import { describe, expect, it } from '@jest/globals';
import { JobName } from '#queue';
import { jobStartDelaySeconds, WorkerMetrics } from './worker-metrics.js';

const MADE = Date.UTC(2026, 11, 7, 1, 0, 0);

describe('jobStartDelaySeconds', () => {
  it("counts from the job's time, its making plus its delay", () => {
    expect(jobStartDelaySeconds({ timestamp: MADE, opts: { delay: 60_000 }, attemptsStarted: 1 }, MADE + 62_500)).toBe(2.5);
    expect(jobStartDelaySeconds({ timestamp: MADE, opts: {}, attemptsStarted: 1 }, MADE + 40)).toBe(0.04);
  });

  it('leaves out a retry, which starts late on purpose, and a job that came early', () => {
    expect(jobStartDelaySeconds({ timestamp: MADE, opts: { delay: 1000 }, attemptsStarted: 2 }, MADE + 90_000)).toBeNull();
    expect(jobStartDelaySeconds({ timestamp: MADE, opts: { delay: 60_000 }, attemptsStarted: 1 }, MADE + 59_000)).toBeNull();
  });
});

describe('WorkerMetrics', () => {
  it('counts a job by its name and outcome, and one of a name alur does not know under one label', async () => {
    const metrics = new WorkerMetrics();
    metrics.jobStarted({ name: JobName.DeadlineEvent, timestamp: MADE, opts: { delay: 1000 }, attemptsStarted: 1 }, MADE + 1800)('completed');
    metrics.jobStarted({ name: 'drop table users', timestamp: MADE, opts: {}, attemptsStarted: 1 }, MADE)('dropped');
    const text = await metrics.registry.metrics();
    expect(text).toContain('alur_jobs_total{job_name="deadline-event",outcome="completed"} 1');
    expect(text).toContain('alur_jobs_total{job_name="(unknown)",outcome="dropped"} 1');
    expect(text).not.toContain('drop table');
    expect(text).toContain('alur_job_start_delay_seconds_bucket{le="0.5",job_name="deadline-event"} 0');
    expect(text).toContain('alur_job_start_delay_seconds_bucket{le="1",job_name="deadline-event"} 1');
  });
});
