import { JobName } from './job-name.enum.js';
import type { DeadlineEventPayload, DelegationNotificationPayload, EmailDeliveryPayload, PasswordResetEmailPayload, JobItem, TargetDateReminderPayload, TransitionNotificationPayload, WeeklyDigestPayload } from './job-payloads.js';

/*
 * Deterministic job ids: the same work always gets the same id, so a relay that crashed after adding
 * a job, a reconciler racing the relay, or two workers add it once (BullMQ ignores an add whose id
 * exists). BullMQ also ignores it while a finished job with that id is still stored, so finished jobs
 * are removed (`removeOnComplete`), a deadline's generation is part of its ids (a recomputed deadline
 * gets fresh ids), and the reconciler replaces a job that failed for good. No ':' (BullMQ forbids it).
 */

export function deadlineEventJobId(p: Pick<DeadlineEventPayload, 'deadlineId' | 'generation' | 'event' | 'sequence'>): string {
  return `deadline.${p.deadlineId}.g${p.generation}.${p.event}.${p.sequence}`;
}

export function targetDateReminderJobId(p: TargetDateReminderPayload): string {
  return `target.${p.documentId}.${p.targetDate}.${p.daysBefore}d`;
}

export function transitionNotificationJobId(p: Pick<TransitionNotificationPayload, 'outboxId'>): string {
  return `outbox.${p.outboxId}`;
}

export function delegationNotificationJobId(p: Pick<DelegationNotificationPayload, 'outboxId'>): string {
  return `delegation.${p.outboxId}`;
}

export function passwordResetEmailJobId(p: Pick<PasswordResetEmailPayload, 'outboxId'>): string {
  return `password-reset.${p.outboxId}`;
}

export function emailDeliveryJobId(p: EmailDeliveryPayload): string {
  return `email.${p.notificationId}`;
}

/** One digest per government and week, however many workers schedule it. */
export function weeklyDigestJobId(p: WeeklyDigestPayload): string {
  return `digest.${p.governmentCode}.${p.week}`;
}

export function jobIdOf(item: JobItem): string {
  switch (item.name) {
    case JobName.DeadlineEvent:
      return deadlineEventJobId(item.data);
    case JobName.TargetDateReminder:
      return targetDateReminderJobId(item.data);
    case JobName.TransitionNotification:
      return transitionNotificationJobId(item.data);
    case JobName.DelegationNotification:
      return delegationNotificationJobId(item.data);
    case JobName.PasswordResetEmail:
      return passwordResetEmailJobId(item.data);
    case JobName.EmailDelivery:
      return emailDeliveryJobId(item.data);
    case JobName.WeeklyDigest:
      return weeklyDigestJobId(item.data);
  }
}
