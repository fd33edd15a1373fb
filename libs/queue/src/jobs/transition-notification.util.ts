import type { DelegationChangedMessage } from '../outbox/outbox-message.js';
import type { DelegationNotificationPayload, TransitionNotificationKind, TransitionNotificationPayload } from './job-payloads.js';

/** An outbox row as PostgreSQL holds it. */
export interface StoredOutboxRow {
  id: string;
  documentId: string;
  type: string;
  payload: Record<string, unknown>;
}

/** The transition-notification job a NOTIFY outbox row stands for. */
export function transitionNotificationOf(row: StoredOutboxRow): TransitionNotificationPayload {
  const p = row.payload;
  return {
    outboxId: row.id,
    documentId: row.documentId,
    notification: p.notification as TransitionNotificationKind,
    to: p.to === 'creator' ? 'creator' : 'stage-actors',
    stage: typeof p.stage === 'string' ? p.stage : null,
    action: String(p.action ?? ''),
    actor: String(p.actor ?? ''),
    onBehalfOf: typeof p.onBehalfOf === 'string' ? p.onBehalfOf : null,
    comment: typeof p.comment === 'string' ? p.comment : null,
    participant: typeof p.participant === 'string' ? p.participant : null,
  };
}

/** Whether a job says exactly what its outbox row says (a job edited or made by hand does not). */
export function sameTransitionNotification(a: TransitionNotificationPayload, b: TransitionNotificationPayload): boolean {
  return (
    a.outboxId === b.outboxId &&
    a.documentId === b.documentId &&
    a.notification === b.notification &&
    a.to === b.to &&
    a.stage === b.stage &&
    a.action === b.action &&
    a.actor === b.actor &&
    (a.onBehalfOf ?? null) === (b.onBehalfOf ?? null) &&
    a.comment === b.comment &&
    (a.participant ?? null) === (b.participant ?? null)
  );
}

/** The delegation-notification job a DELEGATION_CHANGED outbox row stands for. */
export function delegationNotificationOf(message: DelegationChangedMessage & { id: string }): DelegationNotificationPayload {
  return { outboxId: message.id, delegationId: message.payload.delegationId, event: message.payload.event };
}

/** Whether a job says exactly what its outbox row says. */
export function sameDelegationNotification(a: DelegationNotificationPayload, b: DelegationNotificationPayload): boolean {
  return a.outboxId === b.outboxId && a.delegationId === b.delegationId && a.event === b.event;
}
