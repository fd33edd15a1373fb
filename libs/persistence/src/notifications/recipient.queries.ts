import type { EntityManager } from 'typeorm';
import { delegationActiveAtSql, type Role } from '#workflow';
import { queryPrepared } from '../prepared-query.util.js';
import { storedHeadOf } from '../organisation/unit.repository.js';

/** Someone to notify, and in which capacity. */
export interface Recipient {
  userId: string;
  username: string;
  name: string;
  email: string | null;
  /** The role they are notified for (their own, or the principal's for a delegate). */
  role: Role;
  /** Set when they are notified as the delegate (Plt/Plh) of `principalUsername`. */
  principalUsername: string | null;
  principalName: string | null;
  delegationKind: 'PLT' | 'PLH' | null;
}

/** Active holders of `role` in a government (or one of its units: unitId). */
export interface RoleHolderWanted {
  role: Role;
  governmentId: string;
  /** null: anywhere in the government */
  unitId: string | null;
  /** Leave the document's creator out. */
  excludeCreator: boolean;
  /**
   * With a unit: when the unit has a stored head (`units.head_user_id`, active and still a person of
   * that unit), that person alone stands for the role there (with their delegates), whatever roles they
   * hold; otherwise the role's holders. A head moved to another unit stands for it no longer.
   */
  preferUnitHead?: boolean;
}

/**
 * For each request (one document), the active holders of each wanted role, plus whoever holds a
 * delegation (Plt/Plh) of that role in force at `now` from one of them; each person once, as a holder
 * before as a delegate. One round trip for them all (the outbox relay's batch); one list per request, in order.
 */
export async function findRoleHoldersAndDelegatesOfEach(
  manager: EntityManager,
  requests: ReadonlyArray<{ wanted: readonly RoleHolderWanted[]; creatorId: string }>,
  now: Date,
): Promise<Recipient[][]> {
  const rows = requests.flatMap((r, key) =>
    r.wanted.map((w) => ({
      key,
      creator_id: r.creatorId,
      role: w.role,
      government_id: w.governmentId,
      unit_id: w.unitId,
      exclude_creator: w.excludeCreator,
      prefer_unit_head: Boolean(w.preferUnitHead && w.unitId),
    })),
  );
  const result: Recipient[][] = requests.map(() => []);
  if (rows.length === 0) return result;
  const found = await queryPrepared<Recipient & { key: number }>(
    manager,
    `WITH wanted AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS w(key int, creator_id uuid, role text, government_id uuid, unit_id uuid, exclude_creator boolean, prefer_unit_head boolean)
     ), stored_heads AS (
       SELECT w.key, w.creator_id, w.role, w.exclude_creator, w.unit_id, hu.id, hu.username, hu.name, hu.email
         FROM wanted w
         JOIN units un ON un.id = w.unit_id
         JOIN users hu ON ${storedHeadOf('un', 'hu')} AND hu.active
        WHERE w.prefer_unit_head
     ), holders AS (
       SELECT w.key, w.creator_id, u.id, u.username, u.name, u.email, w.role, w.exclude_creator
         FROM wanted w
         JOIN users u ON u.government_id = w.government_id AND (w.unit_id IS NULL OR u.unit_id = w.unit_id) AND w.role = ANY(u.roles)
        WHERE u.active AND NOT EXISTS (SELECT 1 FROM stored_heads sh WHERE sh.key = w.key AND sh.unit_id = w.unit_id AND sh.role = w.role AND w.prefer_unit_head)
       UNION ALL
       SELECT key, creator_id, id, username, name, email, role, exclude_creator FROM stored_heads
     ), everyone AS (
       SELECT key, creator_id, id, username, name, email, role, exclude_creator,
              NULL::text AS principal_username, NULL::text AS principal_name, NULL::text AS delegation_kind, 0 AS rank
         FROM holders
       UNION ALL
       SELECT h.key, h.creator_id, du.id, du.username, du.name, du.email, h.role, h.exclude_creator, h.username, h.name, dg.kind, 1
         FROM holders h
         JOIN delegations dg ON dg.principal_id = h.id AND dg.role = h.role AND ${delegationActiveAtSql('dg', '$2::timestamptz')}
         JOIN users du ON du.id = dg.delegate_id AND du.active
     )
     SELECT DISTINCT ON (key, id) key, id AS "userId", username, name, email, role,
            principal_username AS "principalUsername", principal_name AS "principalName", delegation_kind AS "delegationKind"
       FROM everyone
      WHERE NOT (exclude_creator AND id = creator_id)
      ORDER BY key, id, rank, role, principal_username`,
    [JSON.stringify(rows), now],
  );
  for (const { key, ...recipient } of found) result[key].push(recipient);
  return result;
}

/** An active user as a recipient in their first role (DRAFTER when they hold none); null when inactive or gone. */
export async function findActiveUserAsRecipient(manager: EntityManager, userId: string): Promise<Recipient | null> {
  const rows: RecipientUser[] = await manager.query(`SELECT id AS "userId", username, name, email, roles FROM users WHERE id = $1 AND active`, [userId]);
  return rows[0] ? recipientOfUser(rows[0]) : null;
}

/** A user, acting in their own right (no delegation), as a recipient: addressed by their first role. */
export interface RecipientUser {
  userId: string;
  username: string;
  name: string;
  email: string | null;
  roles: Role[];
}

export function recipientOfUser(user: RecipientUser): Recipient {
  return {
    userId: user.userId,
    username: user.username,
    name: user.name,
    email: user.email,
    role: user.roles[0] ?? 'DRAFTER',
    principalUsername: null,
    principalName: null,
    delegationKind: null,
  };
}
