import { isUuid } from '#workflow';
import { DELEGATION_EVENTS, OutboxMessageType, type StoredOutboxMessage } from './outbox-message.js';

const NOTIFICATIONS: ReadonlySet<unknown> = new Set(['ASSIGNED', 'RETURNED', 'APPROVED', 'REJECTED', 'PUBLISHED', 'CANCELLED']);

type Payload = Record<string, unknown>;

const isNullableString = (value: unknown): boolean => value === null || typeof value === 'string';
const isOptionalString = (value: unknown): boolean => value === undefined || typeof value === 'string';

const CHECKS: Readonly<Record<OutboxMessageType, (p: Payload) => boolean>> = {
  [OutboxMessageType.StageEntered]: (p) => typeof p.stage === 'string' && isNullableString(p.deadlineId) && isOptionalString(p.participant),
  [OutboxMessageType.StageLeft]: (p) => typeof p.stage === 'string' && isNullableString(p.deadlineId) && isOptionalString(p.participant),
  [OutboxMessageType.DeadlineRescheduled]: (p) => typeof p.deadlineId === 'string' && Number.isInteger(p.generation),
  [OutboxMessageType.Notify]: (p) =>
    NOTIFICATIONS.has(p.notification) &&
    (p.to === 'creator' || p.to === 'stage-actors') &&
    isNullableString(p.stage) &&
    typeof p.action === 'string' &&
    typeof p.actor === 'string' &&
    (p.onBehalfOf === undefined || isNullableString(p.onBehalfOf)) &&
    isNullableString(p.comment) &&
    (p.participant === undefined || isNullableString(p.participant)),
  [OutboxMessageType.DelegationChanged]: (p) =>
    isUuid(p.delegationId) && (DELEGATION_EVENTS as readonly unknown[]).includes(p.event),

  [OutboxMessageType.PasswordResetRequested]: (p) => isUuid(p.passwordResetId),
};

/** Which messages are about no document: their rows have none, every other row has one. */
const WITHOUT_DOCUMENT: ReadonlySet<string> = new Set([OutboxMessageType.DelegationChanged, OutboxMessageType.PasswordResetRequested]);

/** An outbox row as PostgreSQL holds it: `type` and `payload` not yet checked. */
export interface OutboxRow {
  id: string;
  documentId: string | null;
  type: string;
  payload: unknown;
}

/** The typed message a stored row holds, or null when its type is unknown or its payload does not fit it. */
export function outboxMessageOf(row: OutboxRow): StoredOutboxMessage | null {
  const check = CHECKS[row.type as OutboxMessageType];
  const payload = row.payload;
  if (check === undefined || typeof payload !== 'object' || payload === null || Array.isArray(payload) || !check(payload as Payload)) return null;
  if ((row.documentId === null) !== WITHOUT_DOCUMENT.has(row.type)) return null;
  return { id: row.id, documentId: row.documentId, type: row.type, payload } as StoredOutboxMessage;
}

