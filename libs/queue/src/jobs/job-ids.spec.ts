import { describe, expect, it } from '@jest/globals';
import { jobIdOf } from './job-ids.js';
import { JobName, QUEUE_OF_JOB } from './job-name.enum.js';
import type { JobItem } from './job-payloads.js';

const ID = '0b6f0f9e-5b8a-4f7e-9d57-3c1a2f6c9e11';

describe('deterministic job ids', () => {
  const items: JobItem[] = [
    { name: JobName.DeadlineEvent, data: { deadlineId: ID, generation: 3, event: 'ESCALATION', sequence: 2 } },
    { name: JobName.TargetDateReminder, data: { documentId: ID, targetDate: '2026-12-31', daysBefore: 30 } },
    { name: JobName.TransitionNotification, data: { outboxId: '17', documentId: ID, notification: 'ASSIGNED', to: 'stage-actors', stage: 'approval', action: 'VERIFY', actor: 'kaltim.organisasi', comment: null } },
    { name: JobName.EmailDelivery, data: { notificationId: ID } },
  ];

  it('follow from the work alone, and carry the generation of a deadline', () => {
    expect(items.map(jobIdOf)).toEqual([
      `deadline.${ID}.g3.ESCALATION.2`,
      `target.${ID}.2026-12-31.30d`,
      'outbox.17',
      `email.${ID}`,
    ]);
  });

  it('are valid BullMQ custom ids: no ":" and never a bare integer', () => {
    for (const id of items.map(jobIdOf)) {
      expect(id).not.toContain(':');
      expect(`${parseInt(id, 10)}`).not.toBe(id);
    }
  });

  it('every job has a queue', () => {
    expect(Object.keys(QUEUE_OF_JOB).sort()).toEqual(Object.values(JobName).sort());
  });
});
