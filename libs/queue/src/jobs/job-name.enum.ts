import { QueueName } from '../queue-name.enum.js';

/**
 * Every job alur runs, each with one payload type (`JobPayloads`) and one queue. Never rename one:
 * jobs already in Redis are dispatched by these names. The worker refuses to start when a name has
 * no handler.
 */
export enum JobName {
  /** A deadline's REMINDER, OVERDUE or n-th ESCALATION is due. */
  DeadlineEvent = 'deadline-event',
  /** A regulation's targetDate is 30, 7 or 1 days away. */
  TargetDateReminder = 'target-date-reminder',
  /** A transition asked to notify someone (an outbox NOTIFY row): ASSIGNED, RETURNED, APPROVED, ... */
  TransitionNotification = 'transition-notification',
  /** A delegation was recorded or revoked (an outbox DELEGATION_CHANGED row): tell its principal and delegate. */
  DelegationNotification = 'delegation-notification',
  /** E-mail the one-time link of a password reset (an outbox PASSWORD_RESET_REQUESTED row). */
  PasswordResetEmail = 'password-reset-email',
  /** Send one stored notification by e-mail. */
  EmailDelivery = 'email-delivery',
  /** A government's weekly digest to its Sekda and Kepala OPD (Monday 07:00 local, or the next working day). */
  WeeklyDigest = 'weekly-digest',
}

export const ALL_JOB_NAMES: readonly JobName[] = Object.freeze(Object.values(JobName));

/** Which queue carries each job. */
export const QUEUE_OF_JOB: Readonly<Record<JobName, QueueName>> = Object.freeze({
  [JobName.DeadlineEvent]: QueueName.Deadlines,
  [JobName.TargetDateReminder]: QueueName.Deadlines,
  [JobName.TransitionNotification]: QueueName.Notifications,
  [JobName.DelegationNotification]: QueueName.Notifications,
  [JobName.PasswordResetEmail]: QueueName.Notifications,
  [JobName.EmailDelivery]: QueueName.Notifications,
  [JobName.WeeklyDigest]: QueueName.Notifications,
});
