import type { EntityManager } from 'typeorm';
import type { GovernmentLevel } from '#workflow';
import { queryPrepared } from '../prepared-query.util.js';

/** governments.level */
export type GovernmentLevelColumn = GovernmentLevel;

/** A government as administration shows it. */
export interface GovernmentRow {
  id: string;
  code: string;
  name: string;
  regionName: string;
  level: GovernmentLevelColumn;
  parentCode: string | null;
  timeZone: string;
  createdAt: Date;
}

export interface NewGovernment {
  code: string;
  name: string;
  regionName: string;
  level: GovernmentLevelColumn;
  parentId: string | null;
  timeZone: string;
}

export type GovernmentChanges = Partial<Pick<NewGovernment, 'name' | 'regionName' | 'level' | 'timeZone'>>;

const SELECT_GOVERNMENT = `
  SELECT g.id, g.code, g.name, g.region_name AS "regionName", g.level, p.code AS "parentCode",
         g.time_zone AS "timeZone", g.created_at AS "createdAt"
    FROM governments g
    LEFT JOIN governments p ON p.id = g.parent_id`;

/**
 * The governments an ADMIN of `governmentId` administers: that one and, for a province, the
 * governments whose parent it is. The SQL side of `administers` (libs/workflow administration policy).
 */
export const ADMINISTERED_GOVERNMENTS_SQL = `SELECT id FROM governments WHERE id = $1 OR parent_id = $1`;

export async function anyGovernmentExists(manager: EntityManager): Promise<boolean> {
  const [row] = await manager.query(`SELECT EXISTS (SELECT 1 FROM governments) AS "exists"`);
  return row.exists === true;
}

export async function findGovernmentByCode(manager: EntityManager, code: string): Promise<GovernmentRow | null> {
  const rows: GovernmentRow[] = await manager.query(`${SELECT_GOVERNMENT} WHERE g.code = $1`, [code]);
  return rows[0] ?? null;
}

/** The governments an ADMIN of `governmentId` administers, the province first, then by code. */
export async function listAdministeredGovernments(manager: EntityManager, governmentId: string): Promise<GovernmentRow[]> {
  return manager.query(`${SELECT_GOVERNMENT} WHERE g.id IN (${ADMINISTERED_GOVERNMENTS_SQL}) ORDER BY g.parent_id NULLS FIRST, g.code`, [governmentId]);
}

/** Inserts a government; null when the code is taken. */
export async function insertGovernment(manager: EntityManager, government: NewGovernment): Promise<GovernmentRow | null> {
  const [row]: Array<{ id: string }> = await manager.query(
    `INSERT INTO governments (code, name, region_name, level, parent_id, time_zone) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO NOTHING RETURNING id`,
    [government.code, government.name, government.regionName, government.level, government.parentId, government.timeZone],
  );
  if (!row) return null;
  const [created]: GovernmentRow[] = await manager.query(`${SELECT_GOVERNMENT} WHERE g.id = $1`, [row.id]);
  return created;
}

/** The government locked for an update in this transaction. */
export async function lockGovernmentByCode(manager: EntityManager, code: string): Promise<GovernmentRow | null> {
  const locked: Array<{ id: string }> = await manager.query(`SELECT id FROM governments WHERE code = $1 FOR UPDATE`, [code]);
  if (!locked[0]) return null;
  const rows: GovernmentRow[] = await manager.query(`${SELECT_GOVERNMENT} WHERE g.id = $1`, [locked[0].id]);
  return rows[0];
}

export async function updateGovernment(manager: EntityManager, id: string, changes: GovernmentChanges): Promise<GovernmentRow> {
  await manager.query(
    `UPDATE governments SET name = coalesce($2, name), region_name = coalesce($3, region_name), level = coalesce($4, level),
                            time_zone = coalesce($5, time_zone)
      WHERE id = $1`,
    [id, changes.name ?? null, changes.regionName ?? null, changes.level ?? null, changes.timeZone ?? null],
  );
  const [row]: GovernmentRow[] = await manager.query(`${SELECT_GOVERNMENT} WHERE g.id = $1`, [id]);
  return row;
}

/** A government a document list reads from: by code, or as a child of one of `childrenOf` (the read policy's `readableGovernments`). */
export interface ReadableGovernmentRow {
  id: string;
  code: string;
  name: string;
}

/**
 * `own` first, then the rest of `codes`, then the children of `childrenOf` and the governments where
 * `actedBy` acted on documents of `kinds` (acted_governments), each by name.
 */
export async function readableGovernmentRows(
  manager: EntityManager,
  scope: { own: string; codes: readonly string[]; childrenOf: readonly string[]; actedBy: readonly string[]; kinds: readonly string[] },
): Promise<ReadableGovernmentRow[]> {
  return queryPrepared<ReadableGovernmentRow>(
    manager,
    `SELECT g.id, g.code, g.name FROM governments g LEFT JOIN governments p ON p.id = g.parent_id
      WHERE g.code = $1 OR g.code = ANY($2) OR p.code = ANY($3)
         OR g.id IN (SELECT a.government_id FROM acted_governments a WHERE a.username = ANY($4) AND a.kind = ANY($5))
      ORDER BY g.code = $1 DESC, g.code = ANY($2) DESC, g.name`,
    [scope.own, scope.codes, scope.childrenOf, scope.actedBy, scope.kinds],
  );
}
