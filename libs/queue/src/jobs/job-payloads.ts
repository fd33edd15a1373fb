import { JobName } from './job-name.enum.js';

/** The three timed events of a stage deadline (domain.md "Deadlines, reminders and escalation"). */
export const DEADLINE_EVENTS = ['REMINDER', 'OVERDUE', 'ESCALATION'] as const;
export type DeadlineEventKind = (typeof DEADLINE_EVENTS)[number];

export interface DeadlineEventPayload {
  deadlineId: string;
  /** `deadlines.generation` when the job was made; a job of another generation does nothing. */
  generation: number;
  event: DeadlineEventKind;
  /** 1 for REMINDER and OVERDUE; 1..maxEscalations for ESCALATION. */
  sequence: number;
}

export interface TargetDateReminderPayload {
  documentId: string;
  /** YYYY-MM-DD, the regulation's `targetDate` when the job was made; another date does nothing. */
  targetDate: string;
  /** 30, 7 or 1. */
  daysBefore: number;
}

/** CANCELLED: a participant of a parallel stage is no longer waited for (the round closed without them). */
export type TransitionNotificationKind = 'ASSIGNED' | 'RETURNED' | 'APPROVED' | 'REJECTED' | 'PUBLISHED' | 'CANCELLED';

/** An outbox NOTIFY row, as the transition wrote it. */
export interface TransitionNotificationPayload {
  outboxId: string;
  documentId: string;
  notification: TransitionNotificationKind;
  to: 'creator' | 'stage-actors';
  /** The stage the document landed in (null when final). */
  stage: string | null;
  action: string;
  /** Username of who fired the action. */
  actor: string;
  /** Username of the principal when the actor acted as their Plt/Plh. */
  onBehalfOf?: string | null;
  comment: string | null;
  /** In a stage answered in parallel: the participant (unit code) addressed instead of every stage actor. */
  participant?: string | null;
}

/** An outbox DELEGATION_CHANGED row, as the delegation's use case wrote it. */
export interface DelegationNotificationPayload {
  outboxId: string;
  delegationId: string;
  event: 'GRANTED' | 'REVOKED';
}

/** An outbox PASSWORD_RESET_REQUESTED row. */
export interface PasswordResetEmailPayload {
  outboxId: string;
  passwordResetId: string;
}

export interface EmailDeliveryPayload {
  notificationId: string;
}

export interface WeeklyDigestPayload {
  governmentCode: string;
  /** The Monday (YYYY-MM-DD, the government's zone) of the week the digest opens. */
  week: string;
}

export interface JobPayloads {
  [JobName.DeadlineEvent]: DeadlineEventPayload;
  [JobName.TargetDateReminder]: TargetDateReminderPayload;
  [JobName.TransitionNotification]: TransitionNotificationPayload;
  [JobName.DelegationNotification]: DelegationNotificationPayload;
  [JobName.PasswordResetEmail]: PasswordResetEmailPayload;
  [JobName.EmailDelivery]: EmailDeliveryPayload;
  [JobName.WeeklyDigest]: WeeklyDigestPayload;
}

/** A job to add: its name and the payload that name takes. */
export type JobItem = { [K in JobName]: { name: K; data: JobPayloads[K] } }[JobName];
