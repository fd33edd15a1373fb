import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { delegationActiveAtSql } from '#workflow';
import { queryPrepared } from '../prepared-query.util.js';

/** A user with the organisation facts every policy decision needs. */
export interface UserRecord {
  id: string;
  username: string;
  name: string;
  nip: string | null;
  email: string | null;
  /** null: created without a password, they get one through a reset */
  passwordHash: string | null;
  /** Signed in with a reset password: every request but changing it is refused. */
  mustChangePassword: boolean;
  active: boolean;
  roles: string[];
  governmentId: string;
  governmentCode: string;
  governmentLevel: 'PROVINCE' | 'REGENCY' | 'CITY';
  /** the government's IANA zone (WIB, WITA or WIT) */
  timeZone: string;
  parentGovernmentCode: string | null;
  unitId: string;
  unitCode: string;
}

export const SELECT_USER = `
  SELECT u.id, u.username, u.name, u.nip, u.email, u.password_hash AS "passwordHash",
         u.must_change_password AS "mustChangePassword", u.active, u.roles,
         g.id AS "governmentId", g.code AS "governmentCode", g.level AS "governmentLevel", g.time_zone AS "timeZone",
         p.code AS "parentGovernmentCode", un.id AS "unitId", un.code AS "unitCode"
    FROM users u
    JOIN governments g ON g.id = u.government_id
    LEFT JOIN governments p ON p.id = g.parent_id
    JOIN units un ON un.id = u.unit_id`;

/** A delegation the user holds now, with the principal's placement (what the policy needs). */
export interface HeldDelegationRecord {
  id: string;
  role: string;
  startsAt: string;
  endsAt: string;
  principal: { username: string; governmentCode: string; unitCode: string };
}

export interface ActorRecord extends UserRecord {
  delegations: HeldDelegationRecord[];
}

/** The caller of a request: the user, the delegations they hold, and whether their token was revoked. */
export interface TokenActorRecord extends ActorRecord {
  tokenRevoked: boolean;
  /** issued before the person's last new password, and not the token they set it with */
  sessionEnded: boolean;
}

/**
 * The delegations the user `delegateId` (an SQL expression: `$1`, or a column such as `u.id`) holds at
 * `now` (an SQL expression): in force, for a role the principal (still active) holds. Delegations are
 * never chained: only the principal's own roles count.
 */
export function heldDelegationsSql(delegateId: string, now: string): string {
  return `
  SELECT dg.id, dg.role, dg.starts_at AS "startsAt", dg.ends_at AS "endsAt",
         json_build_object('username', pu.username, 'governmentCode', pg.code, 'unitCode', pn.code) AS principal
    FROM delegations dg
    JOIN users pu ON pu.id = dg.principal_id
    JOIN governments pg ON pg.id = pu.government_id
    JOIN units pn ON pn.id = pu.unit_id
   WHERE dg.delegate_id = ${delegateId} AND ${delegationActiveAtSql('dg', now)}
     AND dg.role = ANY(pu.roles) AND pu.active`;
}

/** The delegations a user holds at `now` (heldDelegationsSql). */
export async function findHeldDelegations(manager: EntityManager, userId: string, now: Date): Promise<HeldDelegationRecord[]> {
  return manager.query(heldDelegationsSql('$1', '$2::timestamptz'), [userId, now]);
}

/** A user by username, active or not, with their placement (e.g. the principal a delegate writes for). */
export async function findUserByUsername(manager: EntityManager, username: string): Promise<UserRecord | null> {
  const rows: UserRecord[] = await manager.query(`${SELECT_USER} WHERE u.username = $1`, [username]);
  return rows[0] ?? null;
}

@Injectable()
export class UserDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async findByUsername(username: string): Promise<UserRecord | null> {
    return findUserByUsername(this.dataSource.manager, username);
  }

  /**
   * The one user whose NIP or username is `value` (single sign-on matches a provider's claim this
   * way); null when nobody or more than one user matches.
   */
  async findByNipOrUsername(value: string): Promise<UserRecord | null> {
    const rows: UserRecord[] = await this.dataSource.query(`${SELECT_USER} WHERE u.nip = $1 OR u.username = $1 LIMIT 2`, [value]);
    return rows.length === 1 ? rows[0]! : null;
  }

  async findById(id: string): Promise<UserRecord | null> {
    const rows: UserRecord[] = await this.dataSource.query(`${SELECT_USER} WHERE u.id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * The user, the delegations they hold at `now`, whether one of `tokenIds` (an access token's id,
   * and the id of the token it was traded for) was revoked (signed out), and whether the token, issued
   * at `issuedAt`, predates the person's last new password (and is not the one they set it with), in
   * one round trip (every authenticated request).
   */
  async findActorById(id: string, now: Date, tokenIds: readonly string[], issuedAt: Date): Promise<TokenActorRecord | null> {
    const rows = await queryPrepared<TokenActorRecord>(
      this.dataSource.manager,
      `SELECT actor.*, held.delegations,
              EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.token_id = ANY($3::uuid[])) AS "tokenRevoked",
              EXISTS (SELECT 1 FROM users s WHERE s.id = $1 AND s.sessions_valid_from > $4::timestamptz
                         AND (s.session_kept IS NULL OR s.session_kept <> ALL($3::uuid[]))) AS "sessionEnded"
         FROM (${SELECT_USER} WHERE u.id = $1) actor
        CROSS JOIN LATERAL (SELECT coalesce(json_agg(h), '[]') AS delegations FROM (${heldDelegationsSql('$1', '$2::timestamptz')}) h) held`,
      [id, now, tokenIds, issuedAt],
    );
    return rows[0] ?? null;
  }

  async findByUsernames(usernames: string[]): Promise<UserRecord[]> {
    if (usernames.length === 0) return [];
    return this.dataSource.query(`${SELECT_USER} WHERE u.username = ANY($1)`, [usernames]);
  }
}
