import type { DelegationGrant } from './policy.types.js';

function toTime(value: Date | string): number {
  return (value instanceof Date ? value : new Date(value)).getTime();
}

/** Active at `now`: not revoked and startsAt <= now < endsAt. Invalid dates never count. */
export function isDelegationActive(delegation: DelegationGrant, now: Date): boolean {
  if (delegation.revokedAt !== null && delegation.revokedAt !== undefined) {
    return false;
  }
  const at = now.getTime();
  const startsAt = toTime(delegation.startsAt);
  const endsAt = toTime(delegation.endsAt);
  if (Number.isNaN(at) || Number.isNaN(startsAt) || Number.isNaN(endsAt)) {
    return false;
  }
  return startsAt <= at && at < endsAt;
}

/** The active delegations, oldest start first (ties by id) so the choice between them is stable. */
export function activeDelegations(delegations: readonly DelegationGrant[], now: Date): DelegationGrant[] {
  return delegations
    .filter((delegation) => isDelegationActive(delegation, now))
    .sort((a, b) => toTime(a.startsAt) - toTime(b.startsAt) || a.id.localeCompare(b.id));
}
