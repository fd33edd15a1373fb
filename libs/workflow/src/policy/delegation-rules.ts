/** A delegation lasts at most this long (a longer absence is a new Plt appointment, recorded again). */
export const MAX_DELEGATION_DAYS = 90;
/** How far before the moment it is recorded a delegation may start (clock skew, a form filled in slowly). */
export const DELEGATION_BACKDATING_MINUTES = 5;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Every role of a government may be delegated but ADMIN: administering people, SLA and holidays is
 * not acting on documents in someone's stead, and a Plt ADMIN could grant themselves roles for good.
 * While an ADMIN is away, another ADMIN of the government, or the province's, administers.
 */
export function isDelegableRole(role: string): boolean {
  return role !== 'ADMIN';
}

/** A delegation about to be recorded: who records it, for whom, to whom, when. */
export interface DelegationRequestFacts {
  /** Username of the caller recording it: the principal, or an ADMIN on the principal's behalf. */
  readonly recordedBy: string;
  readonly principal: string;
  readonly delegate: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly now: Date;
}

export type DelegationRefusalCode = 'SELF_DELEGATION' | 'DELEGATION_WINDOW';

export interface DelegationRefusal {
  readonly code: DelegationRefusalCode;
  readonly reason: string;
}

/**
 * Why a delegation may not be recorded, or null: nobody delegates to themselves (not the principal,
 * and not the ADMIN recording it on someone's behalf), and the window [startsAt, endsAt) is not
 * empty, not over, starts no earlier than DELEGATION_BACKDATING_MINUTES before now and lasts at most
 * MAX_DELEGATION_DAYS.
 */
export function delegationRefusal(request: DelegationRequestFacts): DelegationRefusal | null {
  const { recordedBy, principal, delegate, startsAt, endsAt, now } = request;
  if (delegate === principal) {
    return { code: 'SELF_DELEGATION', reason: `${principal} cannot delegate to themselves` };
  }
  if (delegate === recordedBy) {
    return {
      code: 'SELF_DELEGATION',
      reason: `${recordedBy} records this delegation on behalf of ${principal} and cannot be its delegate: an ADMIN never delegates to themselves`,
    };
  }
  const start = startsAt.getTime();
  const end = endsAt.getTime();
  if (end <= start) return { code: 'DELEGATION_WINDOW', reason: 'endsAt must be after startsAt' };
  if (end <= now.getTime()) return { code: 'DELEGATION_WINDOW', reason: 'endsAt must be in the future: a window that has already ended grants nothing' };
  if (start < now.getTime() - DELEGATION_BACKDATING_MINUTES * MINUTE_MS) {
    return {
      code: 'DELEGATION_WINDOW',
      reason: `startsAt may be at most ${DELEGATION_BACKDATING_MINUTES} minutes before the delegation is recorded (${now.toISOString()}): a delegation is never granted after the fact`,
    };
  }
  if (end - start > MAX_DELEGATION_DAYS * DAY_MS) {
    return {
      code: 'DELEGATION_WINDOW',
      reason: `A delegation lasts at most ${MAX_DELEGATION_DAYS} days; this window lasts ${Math.ceil((end - start) / DAY_MS)} days`,
    };
  }
  return null;
}
