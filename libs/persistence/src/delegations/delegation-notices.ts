import type { EntityManager } from 'typeorm';
import { OutboxMessageType, type DelegationEvent } from '#queue';
import type { Role } from '#workflow';

/**
 * Asks the worker, in the caller's transaction, to tell a delegation's principal and delegate that it
 * was recorded or revoked (an outbox DELEGATION_CHANGED row, which names no document).
 */
export async function enqueueDelegationChange(manager: EntityManager, delegationId: string, event: DelegationEvent): Promise<void> {
  await manager.query(`INSERT INTO outbox (document_id, type, payload) VALUES (NULL, $1, $2::jsonb)`, [
    OutboxMessageType.DelegationChanged,
    JSON.stringify({ delegationId, event }),
  ]);
}

/** One party of a delegation, as a notification addresses them. */
export interface DelegationParty {
  userId: string;
  username: string;
  name: string;
  active: boolean;
}

/** What a delegation notice says, read from PostgreSQL (never from a job). */
export interface DelegationNotice {
  id: string;
  role: Role;
  kind: 'PLT' | 'PLH';
  reason: string;
  startsAt: Date;
  endsAt: Date;
  revokedAt: Date | null;
  timeZone: string;
  principal: DelegationParty;
  delegate: DelegationParty;
  /** Display names of who recorded it and who revoked it (null while not revoked). */
  createdByName: string;
  revokedByName: string | null;
}

const party = (prefix: string) =>
  `json_build_object('userId', ${prefix}.id, 'username', ${prefix}.username, 'name', ${prefix}.name, 'active', ${prefix}.active)`;

export async function findDelegationNotice(manager: EntityManager, delegationId: string): Promise<DelegationNotice | null> {
  const rows: DelegationNotice[] = await manager.query(
    `SELECT dg.id, dg.role, dg.kind, dg.reason, dg.starts_at AS "startsAt", dg.ends_at AS "endsAt", dg.revoked_at AS "revokedAt",
            g.time_zone AS "timeZone", ${party('pu')} AS principal, ${party('du')} AS delegate,
            cu.name AS "createdByName", ru.name AS "revokedByName"
       FROM delegations dg
       JOIN users pu ON pu.id = dg.principal_id
       JOIN governments g ON g.id = pu.government_id
       JOIN users du ON du.id = dg.delegate_id
       JOIN users cu ON cu.id = dg.created_by
       LEFT JOIN users ru ON ru.id = dg.revoked_by
      WHERE dg.id = $1`,
    [delegationId],
  );
  return rows[0] ?? null;
}
