import { describe, expect, it } from '@jest/globals';
import { isJobPayload } from './job-payload.guard.js';
import { JobName } from './job-name.enum.js';
import { sameTransitionNotification, transitionNotificationOf } from './transition-notification.util.js';

const UUID = '0b5d3f1e-8c1a-4c59-9d8e-3f2a1b0c9d8e';

describe('job payload guard', () => {
  it('accepts the payloads the producers make', () => {
    expect(isJobPayload(JobName.DeadlineEvent, { deadlineId: UUID, generation: 2, event: 'ESCALATION', sequence: 3 })).toBe(true);
    expect(isJobPayload(JobName.TargetDateReminder, { documentId: UUID, targetDate: '2027-01-31', daysBefore: 7 })).toBe(true);
    expect(isJobPayload(JobName.EmailDelivery, { notificationId: UUID })).toBe(true);
    expect(isJobPayload(JobName.WeeklyDigest, { governmentCode: 'kaltim', week: '2026-11-30' })).toBe(true);
    expect(isJobPayload(JobName.WeeklyDigest, { governmentCode: 'Kaltim; DROP', week: '2026-11-30' })).toBe(false);
    expect(isJobPayload(JobName.WeeklyDigest, { governmentCode: 'kaltim', week: 'monday' })).toBe(false);
    expect(
      isJobPayload(JobName.TransitionNotification, { outboxId: '42', documentId: UUID, notification: 'ASSIGNED', to: 'stage-actors', stage: 'endorsement', action: 'SUBMIT', actor: 'kaltim.drafter', comment: null }),
    ).toBe(true);
  });

  it('refuses what no producer makes', () => {
    expect(isJobPayload(JobName.DeadlineEvent, { deadlineId: 'x', generation: 1, event: 'REMINDER', sequence: 1 })).toBe(false);
    expect(isJobPayload(JobName.DeadlineEvent, { deadlineId: UUID, generation: 0, event: 'REMINDER', sequence: 1 })).toBe(false);
    expect(isJobPayload(JobName.DeadlineEvent, { deadlineId: UUID, generation: 1, event: 'PARTY', sequence: 1 })).toBe(false);
    expect(isJobPayload(JobName.TargetDateReminder, { documentId: UUID, targetDate: 'tomorrow', daysBefore: 7 })).toBe(false);
    expect(isJobPayload(JobName.EmailDelivery, [UUID])).toBe(false);
    expect(isJobPayload(JobName.EmailDelivery, null)).toBe(false);
    expect(
      isJobPayload(JobName.TransitionNotification, { outboxId: '1; DROP', documentId: UUID, notification: 'ASSIGNED', to: 'stage-actors', stage: null, action: 'SUBMIT', actor: 'x', comment: null }),
    ).toBe(false);
    expect(
      isJobPayload(JobName.TransitionNotification, { outboxId: '1', documentId: UUID, notification: 'HELLO', to: 'stage-actors', stage: null, action: 'SUBMIT', actor: 'x', comment: null }),
    ).toBe(false);
  });
});

describe('transition notification of an outbox row', () => {
  const row = { id: '7', documentId: UUID, type: 'NOTIFY', payload: { notification: 'RETURNED', to: 'creator', stage: 'revision', action: 'RETURN', actor: 'kaltim.kadis', comment: 'Lengkapi data' } };

  it('is what the relay queues and what a handler compares a job with', () => {
    const job = transitionNotificationOf(row);
    expect(job).toEqual({ outboxId: '7', documentId: UUID, notification: 'RETURNED', to: 'creator', stage: 'revision', action: 'RETURN', actor: 'kaltim.kadis', onBehalfOf: null, comment: 'Lengkapi data', participant: null });
    expect(sameTransitionNotification(job, { ...job })).toBe(true);
    // a row written before onBehalfOf existed names none
    expect(sameTransitionNotification(job, { ...job, onBehalfOf: undefined })).toBe(true);
    const byPlh = transitionNotificationOf({ ...row, payload: { ...row.payload, actor: 'kaltim.plh', onBehalfOf: 'kaltim.kadis' } });
    expect(byPlh.onBehalfOf).toBe('kaltim.kadis');
    expect(isJobPayload(JobName.TransitionNotification, byPlh)).toBe(true);
    expect(isJobPayload(JobName.TransitionNotification, { ...byPlh, onBehalfOf: 7 })).toBe(false);
    // a job made before participants existed names none, like its row
    expect(sameTransitionNotification(job, { ...job, participant: undefined })).toBe(true);
    for (const change of [{ comment: 'palsu' }, { actor: 'kaltim.sekda' }, { notification: 'REJECTED' as const }, { to: 'stage-actors' as const }, { stage: null }, { documentId: UUID.replace('0b', '1b') }, { participant: 'inspektorat' }, { onBehalfOf: 'kaltim.sekda' }]) {
      expect(sameTransitionNotification(job, { ...job, ...change })).toBe(false);
    }
  });
});
