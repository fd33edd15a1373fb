import type { EntityManager } from 'typeorm';
import { queryPrepared } from '../prepared-query.util.js';

/** A unit (OPD) with the head that escalations reach. */
export interface UnitRow {
  id: string;
  governmentId: string;
  governmentCode: string;
  code: string;
  name: string;
  headUsername: string | null;
  createdAt: Date;
}

/** `user` is the stored head of `unit` (SQL aliases) while they still belong to it: one moved to another unit heads it no longer. */
export function storedHeadOf(unit: string, user: string): string {
  return `${user}.id = ${unit}.head_user_id AND ${user}.unit_id = ${unit}.id`;
}

/** A unit with its stored head (`storedHeadOf`), else null. */
const SELECT_UNIT = `
  SELECT un.id, un.government_id AS "governmentId", g.code AS "governmentCode", un.code, un.name,
         h.username AS "headUsername", un.created_at AS "createdAt"
    FROM units un
    JOIN governments g ON g.id = un.government_id
    LEFT JOIN users h ON ${storedHeadOf('un', 'h')}`;

export async function listUnits(manager: EntityManager, governmentId: string): Promise<UnitRow[]> {
  return manager.query(`${SELECT_UNIT} WHERE un.government_id = $1 ORDER BY un.code`, [governmentId]);
}

/** The units of a government, code and name only (the lists' unit filter). */
export async function unitNames(manager: EntityManager, governmentId: string): Promise<Array<{ code: string; name: string }>> {
  return queryPrepared(manager, `SELECT code, name FROM units WHERE government_id = $1`, [governmentId]);
}

export async function findUnit(manager: EntityManager, governmentId: string, code: string): Promise<UnitRow | null> {
  const rows: UnitRow[] = await manager.query(`${SELECT_UNIT} WHERE un.government_id = $1 AND un.code = $2`, [governmentId, code]);
  return rows[0] ?? null;
}

/** The units of a government by code, for checking many rows at once (the personnel import). */
export async function unitIdsByCode(manager: EntityManager, governmentId: string): Promise<Map<string, string>> {
  const rows: Array<{ id: string; code: string }> = await manager.query(`SELECT id, code FROM units WHERE government_id = $1`, [governmentId]);
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Inserts a unit; null when the government already has one with that code. */
export async function insertUnit(manager: EntityManager, governmentId: string, unit: { code: string; name: string }): Promise<UnitRow | null> {
  const [row]: Array<{ id: string }> = await manager.query(
    `INSERT INTO units (government_id, code, name) VALUES ($1, $2, $3) ON CONFLICT (government_id, code) DO NOTHING RETURNING id`,
    [governmentId, unit.code, unit.name],
  );
  if (!row) return null;
  const [created]: UnitRow[] = await manager.query(`${SELECT_UNIT} WHERE un.id = $1`, [row.id]);
  return created;
}

export async function lockUnit(manager: EntityManager, governmentId: string, code: string): Promise<UnitRow | null> {
  const locked: Array<{ id: string }> = await manager.query(`SELECT id FROM units WHERE government_id = $1 AND code = $2 FOR UPDATE`, [governmentId, code]);
  if (!locked[0]) return null;
  const [row]: UnitRow[] = await manager.query(`${SELECT_UNIT} WHERE un.id = $1`, [locked[0].id]);
  return row;
}

/** `headUserId`: undefined keeps the head, null removes it. */
export async function updateUnit(manager: EntityManager, id: string, changes: { name?: string; headUserId?: string | null }): Promise<UnitRow> {
  await manager.query(
    `UPDATE units SET name = coalesce($2, name), head_user_id = CASE WHEN $3 THEN $4::uuid ELSE head_user_id END WHERE id = $1`,
    [id, changes.name ?? null, changes.headUserId !== undefined, changes.headUserId ?? null],
  );
  const [row]: UnitRow[] = await manager.query(`${SELECT_UNIT} WHERE un.id = $1`, [id]);
  return row;
}

/** A unit's id, code and name. */
export interface UnitRecord {
  id: string;
  code: string;
  name: string;
}

/** The units of a government with these codes (unknown codes are simply absent). */
export async function findUnitsByCode(manager: EntityManager, governmentId: string, codes: readonly string[]): Promise<UnitRecord[]> {
  if (codes.length === 0) return [];
  return manager.query(`SELECT id, code, name FROM units WHERE government_id = $1 AND code = ANY($2::text[])`, [governmentId, [...codes]]);
}
