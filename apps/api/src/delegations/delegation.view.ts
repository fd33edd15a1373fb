import type { DelegationRecord } from '#persistence';

export type DelegationStatus = 'SCHEDULED' | 'ACTIVE' | 'ENDED' | 'REVOKED';

export function statusOf(record: Pick<DelegationRecord, 'startsAt' | 'endsAt' | 'revokedAt'>, now: Date): DelegationStatus {
  if (record.revokedAt !== null) return 'REVOKED';
  if (now.getTime() < new Date(record.startsAt).getTime()) return 'SCHEDULED';
  if (now.getTime() >= new Date(record.endsAt).getTime()) return 'ENDED';
  return 'ACTIVE';
}

/** A delegation as the API returns it. */
export function toDelegationView(record: DelegationRecord, now: Date) {
  const status = statusOf(record, now);
  return {
    id: record.id,
    governmentCode: record.governmentCode,
    principal: record.principal,
    principalName: record.principalName,
    delegate: record.delegate,
    delegateName: record.delegateName,
    role: record.role,
    kind: record.kind,
    reason: record.reason,
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    status,
    active: status === 'ACTIVE',
    createdBy: record.createdBy,
    createdAt: record.createdAt,
    revokedAt: record.revokedAt,
    revokedBy: record.revokedBy,
  };
}

export type DelegationView = ReturnType<typeof toDelegationView>;
