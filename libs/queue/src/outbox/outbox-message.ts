import type { TransitionNotificationKind } from '../jobs/job-payloads.js';

/**
 * Every message the API and the holiday rescheduler leave in the outbox for the worker's relay, each
 * with one payload type (`OutboxMessage`). Never rename one: rows already written carry these names.
 */
export enum OutboxMessageType {
  /** A stage was entered; its deadline (if the stage has one) gets its next event as a delayed job. */
  StageEntered = 'STAGE_ENTERED',
  /** A stage was left; its deadline's jobs are removed. */
  StageLeft = 'STAGE_LEFT',
  /** A holiday changed a pending deadline's times; its next job is re-timed. */
  DeadlineRescheduled = 'DEADLINE_RESCHEDULED',
  /** A transition asked to notify someone: a transition-notification job. */
  Notify = 'NOTIFY',
  /** A delegation was recorded or revoked: its principal and delegate are told. The row has no document. */
  DelegationChanged = 'DELEGATION_CHANGED',
  /** Someone asked for a password reset by e-mail: the worker makes the token and e-mails the link. No document. */
  PasswordResetRequested = 'PASSWORD_RESET_REQUESTED',
}

export interface StageEnteredMessage {
  type: OutboxMessageType.StageEntered;
  /**
   * `deadlineId`: the deadline opened for the stage, null when the stage has none; `participant`: in a
   * stage answered in parallel, the unit code whose own deadline this is (one message each).
   */
  payload: { stage: string; deadlineId: string | null; participant?: string };
}

export interface StageLeftMessage {
  type: OutboxMessageType.StageLeft;
  /** `deadlineId`: the deadline closed with the stage (or with a participant's answer or release), null when it had none. */
  payload: { stage: string; deadlineId: string | null; participant?: string };
}

export interface DeadlineRescheduledMessage {
  type: OutboxMessageType.DeadlineRescheduled;
  /** `generation`: the deadline's generation after the recomputation. */
  payload: { deadlineId: string; generation: number };
}

export interface NotifyMessage {
  type: OutboxMessageType.Notify;
  payload: {
    notification: TransitionNotificationKind;
    to: 'creator' | 'stage-actors';
    /** The stage the document landed in (null when final). */
    stage: string | null;
    action: string;
    /** Username of who fired the action. */
    actor: string;
    /** Username of the principal when the actor acted as their Plt/Plh (absent in rows written before it was added). */
    onBehalfOf?: string | null;
    comment: string | null;
    /** In a stage answered in parallel: the participant (unit code) addressed instead of every stage actor. */
    participant?: string | null;
  };
}

export const DELEGATION_EVENTS = ['GRANTED', 'REVOKED'] as const;
export type DelegationEvent = (typeof DELEGATION_EVENTS)[number];

export interface DelegationChangedMessage {
  type: OutboxMessageType.DelegationChanged;
  /** The delegation (its id) and what happened to it; the worker reads everything else from PostgreSQL. */
  payload: { delegationId: string; event: DelegationEvent };
}

export interface PasswordResetRequestedMessage {
  type: OutboxMessageType.PasswordResetRequested;
  /** The pending password_resets row; the worker reads whom to write to from PostgreSQL. */
  payload: { passwordResetId: string };
}

/** The messages about a document (the outbox row names it). */
export type DocumentOutboxMessage = StageEnteredMessage | StageLeftMessage | DeadlineRescheduledMessage | NotifyMessage;

/** The contract between the writers of the outbox and the worker's relay. */
export type OutboxMessage = DocumentOutboxMessage | DelegationChangedMessage | PasswordResetRequestedMessage;

/** An outbox message as committed: its row id (a bigint as text) and document (none for a delegation). */
export type StoredOutboxMessage =
  | (DocumentOutboxMessage & { id: string; documentId: string })
  | (DelegationChangedMessage & { id: string; documentId: null })
  | (PasswordResetRequestedMessage & { id: string; documentId: null });
