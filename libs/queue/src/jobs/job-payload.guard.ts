import { isUuid } from '#workflow';
import { JobName } from './job-name.enum.js';
import { DEADLINE_EVENTS, type JobPayloads } from './job-payloads.js';

const BIGINT_ID = /^[1-9]\d{0,17}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const NOTIFICATIONS = new Set(['ASSIGNED', 'RETURNED', 'APPROVED', 'REJECTED', 'PUBLISHED', 'CANCELLED']);

type Check = (data: Record<string, unknown>) => boolean;

const isPositiveInt = (value: unknown): boolean => typeof value === 'number' && Number.isInteger(value) && value >= 1;
const isNullableString = (value: unknown): boolean => value === null || typeof value === 'string';

const CHECKS: Readonly<Record<JobName, Check>> = {
  [JobName.DeadlineEvent]: (d) =>
    isUuid(d.deadlineId) && isPositiveInt(d.generation) && (DEADLINE_EVENTS as readonly unknown[]).includes(d.event) && isPositiveInt(d.sequence),
  [JobName.TargetDateReminder]: (d) => isUuid(d.documentId) && typeof d.targetDate === 'string' && DATE_ONLY.test(d.targetDate) && isPositiveInt(d.daysBefore),
  [JobName.TransitionNotification]: (d) =>
    typeof d.outboxId === 'string' &&
    BIGINT_ID.test(d.outboxId) &&
    isUuid(d.documentId) &&
    NOTIFICATIONS.has(d.notification as string) &&
    (d.to === 'creator' || d.to === 'stage-actors') &&
    isNullableString(d.stage) &&
    typeof d.action === 'string' &&
    typeof d.actor === 'string' &&
    (d.onBehalfOf === undefined || isNullableString(d.onBehalfOf)) &&
    isNullableString(d.comment) &&
    (d.participant === undefined || isNullableString(d.participant)),
  [JobName.DelegationNotification]: (d) =>
    typeof d.outboxId === 'string' && BIGINT_ID.test(d.outboxId) && isUuid(d.delegationId) && (d.event === 'GRANTED' || d.event === 'REVOKED'),
  [JobName.PasswordResetEmail]: (d) => typeof d.outboxId === 'string' && BIGINT_ID.test(d.outboxId) && isUuid(d.passwordResetId),
  [JobName.EmailDelivery]: (d) => isUuid(d.notificationId),
  [JobName.WeeklyDigest]: (d) => typeof d.governmentCode === 'string' && /^[a-z0-9][a-z0-9-]{0,62}$/.test(d.governmentCode) && typeof d.week === 'string' && DATE_ONLY.test(d.week),
};

/**
 * Whether a job's data has the shape its name promises. Jobs come from Redis, which anyone with
 * access to it (or to a dashboard) can write to: a worker drops what does not fit before any handler
 * or query sees it. Fitting is not believing: handlers still check the job against PostgreSQL.
 */
export function isJobPayload<N extends JobName>(name: N, data: unknown): data is JobPayloads[N] {
  const check = CHECKS[name];
  return check !== undefined && typeof data === 'object' && data !== null && !Array.isArray(data) && check(data as Record<string, unknown>);
}
