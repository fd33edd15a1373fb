import type { EntityManager } from 'typeorm';
import { delegationActiveAtSql, isUuid, type Role } from '#workflow';
import { queryPrepared } from '../prepared-query.util.js';

/** PLT (acting while the post is vacant) or PLH (standing in during an absence). */
export type DelegationKindColumn = 'PLT' | 'PLH';

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
  kind: DelegationKindColumn;
  reason: string;
  startsAt: Date;
  endsAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  createdBy: string;
  createdAt: Date;
}

/** A user a new delegation may name (principal or delegate), with what the rules check. */
export interface DelegationCandidate {
  id: string;
  username: string;
  governmentId: string;
  roles: Role[];
  active: boolean;
}

export interface NewDelegation {
  principalId: string;
  delegateId: string;
  role: Role;
  kind: DelegationKindColumn;
  reason: string;
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
  createdAt: Date;
}

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

export async function findDelegation(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<DelegationRecord | null> {
  if (!isUuid(id)) return null;
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
    const active = delegationActiveAtSql('dg', `$${params.push(f.now)}::timestamptz`);
    where.push(f.active ? active : `NOT ${active}`);
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }]: Array<{ total: number }> = await manager.query(
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
/** Read by every page of the web app (`GET /api/me`): a prepared statement, so its six-table join is planned once per connection. */
export async function activeReceivedDelegations(manager: EntityManager, userId: string, now: Date): Promise<DelegationRecord[]> {
  return queryPrepared<DelegationRecord>(
    manager,
    `${SELECT_DELEGATION}
      WHERE dg.delegate_id = $1 AND ${delegationActiveAtSql('dg', '$2::timestamptz')} AND dg.role = ANY(pu.roles) AND pu.active
      ORDER BY dg.starts_at, dg.id`,
    [userId, now],
  );
}

/** Whether the user holds `role` through a delegation in force (a delegate cannot delegate it again). */
export async function holdsByDelegation(manager: EntityManager, userId: string, role: Role, now: Date): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `SELECT 1 FROM delegations dg WHERE dg.delegate_id = $1 AND dg.role = $2 AND ${delegationActiveAtSql('dg', '$3::timestamptz')} LIMIT 1`,
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

/** A user a delegation may name, by username (null when there is none). */
export async function findDelegationParty(manager: EntityManager, username: string): Promise<DelegationCandidate | null> {
  const rows: DelegationCandidate[] = await manager.query(
    `SELECT id, username, government_id AS "governmentId", roles, active FROM users WHERE username = $1`,
    [username],
  );
  return rows[0] ?? null;
}

/** Inserts a delegation and returns its id; ex_delegations_no_overlap refuses an overlapping window (23P01). */
export async function insertDelegation(manager: EntityManager, d: NewDelegation): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await manager.query(
    `INSERT INTO delegations (principal_id, delegate_id, role, kind, reason, starts_at, ends_at, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [d.principalId, d.delegateId, d.role, d.kind, d.reason, d.startsAt, d.endsAt, d.createdBy, d.createdAt],
  );
  return id;
}

/** Ends a delegation at `at` unless it was revoked already (the first revocation stands). */
export async function revokeDelegation(manager: EntityManager, id: string, at: Date, revokedBy: string): Promise<void> {
  await manager.query(`UPDATE delegations SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL`, [id, at, revokedBy]);
}
