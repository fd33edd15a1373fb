import { describe, expect, it } from '@jest/globals';
import { ALL_JOB_NAMES, JobName } from '#queue';
import { buildHandlerMap } from './job-handler.registry.js';
import { MissingJobHandlerError } from './job-handler.types.js';

const handler = (name: JobName, owner = 'Handler') => ({ name, owner: `${owner}.handle`, fn: async () => name });

describe('job handler discovery', () => {
  it('maps every job name to its one handler', async () => {
    const map = buildHandlerMap(ALL_JOB_NAMES.map((name) => handler(name)));
    expect([...map.keys()].sort()).toEqual([...ALL_JOB_NAMES].sort());
    expect(await map.get(JobName.EmailDelivery)!({ notificationId: 'x' }, {} as never)).toBe(JobName.EmailDelivery);
  });

  it('refuses to start when a job has no handler', () => {
    const partial = ALL_JOB_NAMES.filter((n) => n !== JobName.TargetDateReminder).map((name) => handler(name));
    expect(() => buildHandlerMap(partial)).toThrow(new MissingJobHandlerError('No handler for job target-date-reminder'));
  });

  it('refuses two handlers for one job', () => {
    const twice = [...ALL_JOB_NAMES.map((name) => handler(name)), handler(JobName.DeadlineEvent, 'Other')];
    expect(() => buildHandlerMap(twice)).toThrow(/deadline-event has two handlers: Handler.handle and Other.handle/);
  });
});
