/** Notification types (domain.md "Notifications"). */
export const NotificationType = {
  ASSIGNED: 'ASSIGNED',
  RETURNED: 'RETURNED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  REMINDER: 'REMINDER',
  OVERDUE: 'OVERDUE',
  ESCALATION: 'ESCALATION',
  PUBLISHED: 'PUBLISHED',
  /** A participant of paraf koordinasi is no longer waited for: the round closed without their answer. */
  CANCELLED: 'CANCELLED',
  /** The weekly digest to the Sekda and each Kepala OPD (about no single document). */
  WEEKLY_DIGEST: 'WEEKLY_DIGEST',
  /** A delegation (Plt/Plh) was recorded: told to its principal and its delegate. About no document. */
  DELEGATION_GRANTED: 'DELEGATION_GRANTED',
  /** A delegation was revoked: told to its principal and its delegate. About no document. */
  DELEGATION_REVOKED: 'DELEGATION_REVOKED',
  /** With the weekly digest, to a province's ADMINs: a year that should have its national holidays has none. About no document. */
  HOLIDAYS_MISSING: 'HOLIDAYS_MISSING',
} as const;

export type NotificationType = (typeof NotificationType)[keyof typeof NotificationType];

/** The notification types a machine transition can emit (the others come from deadlines). */
export type TransitionNotificationType = Extract<NotificationType, 'ASSIGNED' | 'RETURNED' | 'APPROVED' | 'REJECTED' | 'PUBLISHED'>;
