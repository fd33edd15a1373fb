import { describe, expect, it } from '@jest/globals';
import type { WorkerHealth } from '#queue';
import type { ApiQueues } from '../admin/api-queues.js';
import type { WorkerHealthQuery } from '../health/worker-health.query.js';
import { SystemMetrics } from './system-metrics.js';

const HEALTH: WorkerHealth = { status: 'ok', problems: [], liveWorkers: 2, lastSeenSecondsAgo: 1, outbox: { pending: 7, pendingCapped: false, oldestPendingSeconds: 0.5 } };

describe('SystemMetrics', () => {
  it('reads the sources once for scrapes at the same moment, and each gets the whole answer', async () => {
    let reads = 0;
    const health = { read: async () => (reads++, HEALTH) } as unknown as WorkerHealthQuery;
    const queues = { all: () => [] } as unknown as ApiQueues;
    const metrics = new SystemMetrics(health, queues);
    const [a, b] = await Promise.all([metrics.read(), metrics.read()]);
    expect(reads).toBe(1);
    expect(a).toBe(b);
    expect(a).toContain('alur_outbox_pending 7');
    expect(a).toContain('alur_workers_alive 2');
    await metrics.read();
    expect(reads).toBe(2); // a later scrape reads again
  });
});
