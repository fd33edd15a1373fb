import type { EntityManager } from 'typeorm';
import { endPendingPasswordResets } from './password-resets.js';

/** A person as administration shows them (never the password hash). */
export interface UserAccountRow {
  id: string;
  username: string;
  name: string;
  nip: string | null;
  email: string | null;
  governmentId: string;
  governmentCode: string;
  governmentName: string;
  parentGovernmentCode: string | null;
  unitId: string;
  unitCode: string;
  unitName: string;
  roles: string[];
  active: boolean;
  hasPassword: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUserAccount {
  username: string;
  name: string;
  nip: string | null;
  email: string | null;
  governmentId: string;
  unitId: string;
  roles: readonly string[];
  passwordHash: string | null;
  mustChangePassword: boolean;
}

export type UserAccountChanges = Partial<Pick<NewUserAccount, 'name' | 'nip' | 'email' | 'unitId' | 'roles'>> & { active?: boolean };

const SELECT_ACCOUNT = `
  SELECT u.id, u.username, u.name, u.nip, u.email, u.government_id AS "governmentId", g.code AS "governmentCode",
         g.name AS "governmentName", p.code AS "parentGovernmentCode", u.unit_id AS "unitId", un.code AS "unitCode", un.name AS "unitName", u.roles, u.active, u.password_hash IS NOT NULL AS "hasPassword",
         u.must_change_password AS "mustChangePassword", u.created_at AS "createdAt", u.updated_at AS "updatedAt"
    FROM users u
    JOIN governments g ON g.id = u.government_id
    LEFT JOIN governments p ON p.id = g.parent_id
    JOIN units un ON un.id = u.unit_id`;

export interface UserAccountFilter {
  governmentIds: readonly string[];
  unitCode?: string;
  role?: string;
  active?: boolean;
  /** Part of the name, NIP or username, any case. */
  search?: string;
  page: number;
  limit: number;
}

/** People of the given governments, by government and username, paged. */
export async function listUserAccounts(manager: EntityManager, filter: UserAccountFilter): Promise<{ items: UserAccountRow[]; total: number }> {
  const where = `u.government_id = ANY($1::uuid[]) AND ($2::text IS NULL OR un.code = $2) AND ($3::text IS NULL OR $3 = ANY(u.roles))
                 AND ($4::boolean IS NULL OR u.active = $4)
                 AND ($5::text IS NULL OR u.name ILIKE $5 OR u.username ILIKE $5 OR u.nip ILIKE $5)`;
  const search = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const params = [filter.governmentIds, filter.unitCode ?? null, filter.role ?? null, filter.active ?? null, search];
  const [items, [{ total }]] = await Promise.all([
    manager.query(`${SELECT_ACCOUNT} WHERE ${where} ORDER BY g.code, u.username LIMIT $6 OFFSET $7`, [...params, filter.limit, (filter.page - 1) * filter.limit]),
    manager.query(`SELECT count(*)::int AS total FROM users u JOIN units un ON un.id = u.unit_id WHERE ${where}`, params),
  ]);
  return { items, total };
}

export async function findUserAccount(manager: EntityManager, username: string): Promise<UserAccountRow | null> {
  const rows: UserAccountRow[] = await manager.query(`${SELECT_ACCOUNT} WHERE u.username = $1`, [username]);
  return rows[0] ?? null;
}

/** The person locked for an update in this transaction. */
export async function lockUserAccount(manager: EntityManager, username: string): Promise<UserAccountRow | null> {
  const locked: Array<{ id: string }> = await manager.query(`SELECT id FROM users WHERE username = $1 FOR UPDATE`, [username]);
  if (!locked[0]) return null;
  const [row]: UserAccountRow[] = await manager.query(`${SELECT_ACCOUNT} WHERE u.id = $1`, [locked[0].id]);
  return row;
}

/** Who already holds a username or a NIP (for a 409 that names which). */
export async function findUsernameOrNipHolders(
  manager: EntityManager,
  usernames: readonly string[],
  nips: readonly string[],
): Promise<Array<{ id: string; username: string; nip: string | null }>> {
  return manager.query(`SELECT id, username, nip FROM users WHERE username = ANY($1::text[]) OR nip = ANY($2::text[])`, [usernames, nips]);
}

/** Inserts a person; null when the username or the NIP is taken. */
export async function insertUserAccount(manager: EntityManager, user: NewUserAccount): Promise<UserAccountRow | null> {
  const [row]: Array<{ id: string }> = await manager.query(
    `INSERT INTO users (username, name, nip, email, password_hash, must_change_password, government_id, unit_id, roles)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id`,
    [user.username, user.name, user.nip, user.email, user.passwordHash, user.mustChangePassword, user.governmentId, user.unitId, user.roles],
  );
  if (!row) return null;
  const [created]: UserAccountRow[] = await manager.query(`${SELECT_ACCOUNT} WHERE u.id = $1`, [row.id]);
  return created;
}

/** Changes the given fields (undefined keeps one; nip and email may be set to null). */
export async function updateUserAccount(manager: EntityManager, id: string, changes: UserAccountChanges, at: Date): Promise<UserAccountRow> {
  // a change to what the person already has is no change: the row and its updated_at stay as they are
  await manager.query(
    `UPDATE users u SET name = n.name, nip = n.nip, email = n.email, unit_id = n.unit_id, roles = n.roles, active = n.active, updated_at = $10
       FROM (SELECT coalesce($2, name) AS name, CASE WHEN $3 THEN $4 ELSE nip END AS nip, CASE WHEN $5 THEN $6 ELSE email END AS email,
                    coalesce($7, unit_id) AS unit_id, coalesce($8, roles) AS roles, coalesce($9, active) AS active
               FROM users WHERE id = $1) n
      WHERE u.id = $1 AND (n.name, n.nip, n.email, n.unit_id, n.roles, n.active) IS DISTINCT FROM (u.name, u.nip, u.email, u.unit_id, u.roles, u.active)`,
    [
      id,
      changes.name ?? null,
      changes.nip !== undefined,
      changes.nip ?? null,
      changes.email !== undefined,
      changes.email ?? null,
      changes.unitId ?? null,
      changes.roles ?? null,
      changes.active ?? null,
      at,
    ],
  );
  const [row]: UserAccountRow[] = await manager.query(`${SELECT_ACCOUNT} WHERE u.id = $1`, [id]);
  return row;
}

/**
 * A new password hash; `mustChange` for a temporary one (a reset), false for one the person chose. A
 * reset link still pending ends with it: it would otherwise undo the password just set. So do the
 * person's sessions: tokens issued before this second are refused, but for `keepTokenId`, the token
 * the person changed it with (null: none, as for a reset).
 */
export async function setUserPassword(manager: EntityManager, id: string, passwordHash: string, mustChange: boolean, at: Date, keepTokenId: string | null): Promise<void> {
  await manager.query(`UPDATE users SET password_hash = $2, must_change_password = $3, updated_at = $4 WHERE id = $1`, [id, passwordHash, mustChange, at]);
  await endSessions(manager, id, at, keepTokenId);
  await endPendingPasswordResets(manager, [id], at);
}

/**
 * Ends the person's sessions: tokens issued before `at`'s second are refused from now on (the guard's
 * query reads it), but for `keepTokenId` (null: none).
 */
export async function endSessions(manager: EntityManager, id: string, at: Date, keepTokenId: string | null = null): Promise<void> {
  await manager.query(`UPDATE users SET sessions_valid_from = date_trunc('second', $2::timestamptz), session_kept = $3 WHERE id = $1`, [id, at, keepTokenId]);
}

/** A person as the personnel import compares them. */
export interface PersonnelRecord {
  id: string;
  username: string;
  nip: string | null;
  name: string;
  email: string | null;
  governmentId: string;
  unitId: string;
  roles: string[];
}

/** Everyone holding one of these NIPs or usernames (one query for a whole import file). */
export async function findPersonnelByNipsOrUsernames(manager: EntityManager, nips: readonly string[], usernames: readonly string[]): Promise<PersonnelRecord[]> {
  return manager.query(
    `SELECT id, username, nip, name, email, government_id AS "governmentId", unit_id AS "unitId", roles
       FROM users WHERE nip = ANY($1::text[]) OR username = ANY($2::text[])`,
    [nips, usernames],
  );
}

export interface PersonnelFields {
  nip: string;
  name: string;
  email: string | null;
  username: string;
  unitId: string;
  roles: readonly string[];
}

/** Inserts people without a password (they get one by a reset), in one statement; returns their ids by NIP. */
export async function insertPersonnel(manager: EntityManager, governmentId: string, people: readonly PersonnelFields[], at: Date): Promise<Map<string, string>> {
  if (people.length === 0) return new Map();
  const rows: Array<{ id: string; nip: string }> = await manager.query(
    `INSERT INTO users (username, name, nip, email, password_hash, government_id, unit_id, roles, created_at, updated_at)
     SELECT p.username, p.name, p.nip, p.email, NULL, $1, p."unitId", ARRAY(SELECT jsonb_array_elements_text(p.roles)), $3, $3
       FROM jsonb_to_recordset($2::jsonb) AS p(username text, name text, nip text, email text, "unitId" uuid, roles jsonb)
     RETURNING id, nip`,
    [governmentId, JSON.stringify(people), at],
  );
  return new Map(rows.map((r) => [r.nip, r.id]));
}

/** Sets name, e-mail, unit and roles of people by id, in one statement. */
export async function updatePersonnel(manager: EntityManager, changes: ReadonlyArray<{ id: string } & Omit<PersonnelFields, 'nip' | 'username'>>, at: Date): Promise<void> {
  if (changes.length === 0) return;
  await manager.query(
    `UPDATE users u SET name = p.name, email = p.email, unit_id = p."unitId", roles = ARRAY(SELECT jsonb_array_elements_text(p.roles)), updated_at = $2
       FROM jsonb_to_recordset($1::jsonb) AS p(id uuid, name text, email text, "unitId" uuid, roles jsonb)
      WHERE u.id = p.id`,
    [JSON.stringify(changes), at],
  );
}
