import type { EntityManager } from 'typeorm';
import type { DocumentKind, PersistedWorkflowSnapshot, Role } from '#workflow';

/** A pending deadline whose offered roles are not known yet (written before migration 1764032000000, or by an API process older than it). */
export interface UnknownOfferedRoles {
  id: string;
  kind: DocumentKind;
  version: number;
  snapshot: PersistedWorkflowSnapshot;
}

/**
 * The next `limit` such deadlines after `after` (an id; null from the first), in id order, with their document's workflow
 * instance as committed. Each is locked (SKIP LOCKED: a transition closing it, or another worker's batch, goes on) until the
 * caller's transaction ends; ix_deadlines_offered_roles_unknown holds exactly these rows, so a pass with none reads nothing.
 */
export async function lockUnknownOfferedRoles(manager: EntityManager, after: string | null, limit: number): Promise<UnknownOfferedRoles[]> {
  return manager.query(
    `SELECT dl.id, w.kind, w.machine_version AS version, w.snapshot
       FROM deadlines dl JOIN workflow_instances w ON w.document_id = dl.document_id
      WHERE dl.status = 'PENDING' AND dl.offered_roles IS NULL AND ($1::uuid IS NULL OR dl.id > $1::uuid)
      ORDER BY dl.id LIMIT $2
        FOR UPDATE OF dl SKIP LOCKED`,
    [after, limit],
  );
}

/**
 * Keeps `roles` for each deadline still pending with none known. A transition that leaves a deadline open offers the same
 * roles after it (libs/workflow offered-roles.spec.ts), so roles worked out from the snapshot read under the lock stay right.
 */
export async function keepOfferedRoles(manager: EntityManager, roles: ReadonlyArray<{ id: string; roles: readonly Role[] }>): Promise<number> {
  if (roles.length === 0) return 0;
  // an UPDATE answers [rows, count] through TypeORM
  const [, kept]: [unknown[], number] = await manager.query(
    `UPDATE deadlines dl SET offered_roles = ARRAY(SELECT jsonb_array_elements_text(v.roles))
       FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, roles jsonb)
      WHERE dl.id = v.id AND dl.status = 'PENDING' AND dl.offered_roles IS NULL`,
    [JSON.stringify(roles)],
  );
  return kept;
}
