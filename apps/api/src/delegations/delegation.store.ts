import type { EntityManager } from 'typeorm';
import type { Role } from '#workflow';
import type { DelegationKind } from './delegation.schemas.js';

/** A delegation row with the usernames it refers to, as every delegation query reads it. */
export interface DelegationRecord {
  id: string;
  governmentId: string;
  governmentCode: string;
  principalId: string;
  principal: string;
  principalName: string;
  delegateId: string;
  delegate: string;
  delegateName: string;
  role: Role;
  kind: DelegationKind;
  reason: string;
  startsAt: Date;
  endsAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  createdBy: string;
  createdAt: Date;
}

export type DelegationStatus = 'SCHEDULED' | 'ACTIVE' | 'ENDED' | 'REVOKED';

const SELECT_DELEGATION = `
  SELECT dg.id, pu.government_id AS "governmentId", g.code AS "governmentCode",
         dg.principal_id AS "principalId", pu.username AS principal, pu.name AS "principalName",
         dg.delegate_id AS "delegateId", du.username AS delegate, du.name AS "delegateName",
         dg.role, dg.kind, dg.reason, dg.starts_at AS "startsAt", dg.ends_at AS "endsAt",
         dg.revoked_at AS "revokedAt", ru.username AS "revokedBy", cu.username AS "createdBy", dg.created_at AS "createdAt"
    FROM delegations dg
    JOIN users pu ON pu.id = dg.principal_id
    JOIN governments g ON g.id = pu.government_id
    JOIN users du ON du.id = dg.delegate_id
    JOIN users cu ON cu.id = dg.created_by
    LEFT JOIN users ru ON ru.id = dg.revoked_by`;

/** In force at `now`: not revoked and startsAt <= now < endsAt (the policy's half-open window). */
const ACTIVE_AT = (now: string) => `(dg.revoked_at IS NULL AND dg.starts_at <= ${now} AND dg.ends_at > ${now})`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findDelegation(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<DelegationRecord | null> {
  if (!UUID.test(id)) return null;
  const rows: DelegationRecord[] = await manager.query(`${SELECT_DELEGATION} WHERE dg.id = $1 ${options.lock ? 'FOR UPDATE OF dg' : ''}`, [id]);
  return rows[0] ?? null;
}

export interface DelegationListFilter {
  /** Every delegation whose principal belongs to this government (an ADMIN's view)... */
  governmentId?: string;
  /** ...or those this user gave or received. */
  userId?: string;
  /** true: in force at `now`; false: not in force; undefined: all. */
  active?: boolean;
  now: Date;
  offset: number;
  limit: number;
}

export async function listDelegations(manager: EntityManager, f: DelegationListFilter): Promise<{ rows: DelegationRecord[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.governmentId !== undefined) where.push(`pu.government_id = $${params.push(f.governmentId)}`);
  if (f.userId !== undefined) {
    const user = `$${params.push(f.userId)}`;
    where.push(`(dg.principal_id = ${user} OR dg.delegate_id = ${user})`);
  }
  if (f.active !== undefined) {
    const active = ACTIVE_AT(`$${params.push(f.now)}::timestamptz`);
    where.push(f.active ? active : `NOT ${active}`);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }] = await manager.query(
    `SELECT count(*)::int AS total FROM delegations dg JOIN users pu ON pu.id = dg.principal_id ${clause}`,
    params,
  );
  const rows: DelegationRecord[] = await manager.query(
    `${SELECT_DELEGATION} ${clause} ORDER BY dg.created_at DESC, dg.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { rows, total };
}

/**
 * The delegations a user holds now, exactly those the policy counts (ActorFactsLoader): in force,
 * and the principal still active and still holding the role.
 */
export async function activeReceivedDelegations(manager: EntityManager, userId: string, now: Date): Promise<DelegationRecord[]> {
  return manager.query(
    `${SELECT_DELEGATION}
      WHERE dg.delegate_id = $1 AND ${ACTIVE_AT('$2::timestamptz')} AND dg.role = ANY(pu.roles) AND pu.active
      ORDER BY dg.starts_at, dg.id`,
    [userId, now],
  );
}

/** The active delegations through which a user holds `role` (for refusing a re-delegation with a clear message). */
export async function holdsByDelegation(manager: EntityManager, userId: string, role: Role, now: Date): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM delegations dg WHERE dg.delegate_id = $1 AND dg.role = $2 AND ${ACTIVE_AT('$3::timestamptz')} LIMIT 1`,
    [userId, role, now],
  );
  return rows.length > 0;
}

/** Non-revoked delegations of the principal and role whose window overlaps [startsAt, endsAt). */
export async function overlappingDelegations(
  manager: EntityManager,
  principalId: string,
  role: Role,
  startsAt: Date,
  endsAt: Date,
): Promise<DelegationRecord[]> {
  return manager.query(
    `${SELECT_DELEGATION}
      WHERE dg.principal_id = $1 AND dg.role = $2 AND dg.revoked_at IS NULL AND dg.starts_at < $4 AND dg.ends_at > $3
      ORDER BY dg.starts_at`,
    [principalId, role, startsAt, endsAt],
  );
}

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
