import type { EntityManager } from 'typeorm';

export type AdminAuditTarget = 'GOVERNMENT' | 'UNIT' | 'USER';

/** One change to governments, units, people or roles: who, when, what, before and after. */
export interface AdminAuditEntry {
  action: string;
  targetType: AdminAuditTarget;
  /** The government code, `government/unit`, or the username. */
  targetKey: string;
  /** The government the change belongs to (whose ADMIN reads it). */
  governmentId: string;
  /** null: the bootstrap command. */
  actorId: string | null;
  before: object | null;
  after: object | null;
}

export interface AdminAuditRow {
  id: string;
  at: Date;
  actor: string | null;
  /** The actor's name now (null with `actor`). */
  actorName: string | null;
  action: string;
  targetType: AdminAuditTarget;
  targetKey: string;
  governmentCode: string;
  before: object | null;
  after: object | null;
}

export async function recordAdminChanges(manager: EntityManager, entries: readonly AdminAuditEntry[], at: Date): Promise<void> {
  if (entries.length === 0) return;
  await manager.query(
    `INSERT INTO admin_audit (at, actor_id, action, target_type, target_key, government_id, before, after)
     SELECT $1, e."actorId", e.action, e."targetType", e."targetKey", e."governmentId", e.before, e.after
       FROM jsonb_to_recordset($2::jsonb) AS e("actorId" uuid, action text, "targetType" text, "targetKey" text,
                                               "governmentId" uuid, before jsonb, after jsonb)`,
    [at, JSON.stringify(entries)],
  );
}

export interface AdminAuditFilter {
  /** The governments whose entries the reader may see. */
  governmentIds: readonly string[];
  targetType?: AdminAuditTarget;
  /** Only this target's entries (a username, a government code, `government/unit`). */
  targetKey?: string;
  page: number;
  limit: number;
}

/** Newest first, paged. */
export async function listAdminAudit(manager: EntityManager, filter: AdminAuditFilter): Promise<{ items: AdminAuditRow[]; total: number }> {
  const where = `a.government_id = ANY($1::uuid[]) AND ($2::text IS NULL OR a.target_type = $2) AND ($3::text IS NULL OR a.target_key = $3)`;
  const params = [filter.governmentIds, filter.targetType ?? null, filter.targetKey ?? null];
  const [items, [{ total }]] = await Promise.all([
    manager.query(
      `SELECT a.id, a.at, u.username AS actor, u.name AS "actorName", a.action, a.target_type AS "targetType", a.target_key AS "targetKey",
              g.code AS "governmentCode", a.before, a.after
         FROM admin_audit a
         JOIN governments g ON g.id = a.government_id
         LEFT JOIN users u ON u.id = a.actor_id
        WHERE ${where}
        ORDER BY a.id DESC LIMIT $4 OFFSET $5`,
      [...params, filter.limit, (filter.page - 1) * filter.limit],
    ),
    manager.query(`SELECT count(*)::int AS total FROM admin_audit a WHERE ${where}`, params),
  ]);
  return { items, total };
}
