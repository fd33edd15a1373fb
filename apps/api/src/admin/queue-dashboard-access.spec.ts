import { describe, expect, it } from '@jest/globals';
import { dashboardAccess } from './queue-dashboard-access.js';

describe('queue dashboard access', () => {
  it('always lets an operator read', () => {
    expect(dashboardAccess('GET', '/api/queues', false)).toEqual({ allowed: true });
    expect(dashboardAccess('HEAD', '/', false)).toEqual({ allowed: true });
  });

  it('refuses every write while actions are off', () => {
    for (const [method, path] of [
      ['PUT', '/api/queues/notifications/pause'],
      ['PUT', '/api/queues/deadlines/retry/failed'],
      ['POST', '/api/queues/notifications/add'],
    ] as const) {
      expect(dashboardAccess(method, path, false)).toMatchObject({ allowed: false, reason: expect.stringContaining('read-only') });
    }
  });

  it('with actions on, allows pause, resume, retry, promote and clean', () => {
    for (const [method, path] of [
      ['PUT', '/api/queues/pause'],
      ['PUT', '/api/queues/resume'],
      ['PUT', '/api/queues/notifications/pause'],
      ['PUT', '/api/queues/notifications/resume'],
      ['PUT', '/api/queues/deadlines/retry/failed'],
      ['PUT', '/api/queues/deadlines/clean/completed'],
      ['PUT', '/api/queues/deadlines/promote'],
      ['PUT', '/api/queues/deadlines/abc123/retry'],
      ['PUT', '/api/queues/deadlines/abc123/clean'],
      ['PATCH', '/api/queues/deadlines/abc123/promote'],
    ] as const) {
      expect([method, path, dashboardAccess(method, path, true)]).toEqual([method, path, { allowed: true }]);
    }
  });

  it('never lets anyone add, edit, re-time, empty or obliterate jobs, even with actions on', () => {
    for (const [method, path] of [
      ['POST', '/api/queues/notifications/add'],
      ['PATCH', '/api/queues/notifications/abc/update-data'],
      ['PATCH', '/api/queues/deadlines/abc/delay'],
      ['PATCH', '/api/queues/deadlines/abc/priority'],
      ['PUT', '/api/queues/deadlines/empty'],
      ['PUT', '/api/queues/deadlines/obliterate'],
      ['PUT', '/api/queues/deadlines/concurrency'],
      ['PUT', '/api/queues/deadlines/job-data-schema'],
      ['POST', '/api/metrics/history/purge'],
      ['DELETE', '/api/queues/deadlines/abc'],
    ] as const) {
      expect([method, path, dashboardAccess(method, path, true).allowed]).toEqual([method, path, false]);
    }
  });
});
