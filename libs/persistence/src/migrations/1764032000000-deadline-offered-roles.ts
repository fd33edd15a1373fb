import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createDefaultRegistry, rolesOfferedTask, type PersistedWorkflowSnapshot } from '#workflow';

const INBOX_INDEXES = [
  ['ix_deadlines_inbox', '(government_id, stage, due_at, document_id)'],
  ['ix_deadlines_inbox_unit', '(government_id, unit_id, stage, due_at, document_id)'],
] as const;

/**
 * Each pending deadline keeps the roles its document's workflow offers an action (`rolesOfferedTask`), in the
 * inbox's indexes: the inbox leaves out, before reading a document, one that waits on a condition for every
 * role of the caller (a Kepala OPD's Quick Win in implementation before its first progress report), where it
 * read each such document, its workflow and its deadline to judge it (bench/RESULTS.md section 4a). Null: not
 * known (a deadline written before this), which the inbox judges as before.
 */
export class DeadlineOfferedRoles1764032000000 implements MigrationInterface {
  name = 'DeadlineOfferedRoles1764032000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE deadlines ADD COLUMN offered_roles text[]`);
    for (const [name] of INBOX_INDEXES) await q.query(`DROP INDEX ${name}`);
    // rewriting every pending deadline outlasts a request's 30 s on a large database (19 s for 330,000 on a fast machine)
    await q.query(`SET LOCAL statement_timeout = 0`);
    await fillOfferedRoles(q);
    for (const [name, columns] of INBOX_INDEXES) {
      await q.query(`CREATE INDEX ${name} ON deadlines ${columns} INCLUDE (offered_roles) WHERE status = 'PENDING'`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [name] of INBOX_INDEXES) await q.query(`DROP INDEX ${name}`);
    await q.query(`ALTER TABLE deadlines DROP COLUMN offered_roles`);
    for (const [name, columns] of INBOX_INDEXES) await q.query(`CREATE INDEX ${name} ON deadlines ${columns} WHERE status = 'PENDING'`);
  }
}

/**
 * The pending deadlines' offered roles, worked out once per distinct workflow snapshot and written in one pass; a
 * workflow no longer registered stays null.
 */
async function fillOfferedRoles(q: QueryRunner): Promise<void> {
  const snapshots: Array<{ kind: string; version: number; snapshot: string }> = await q.query(
    `SELECT w.kind, w.machine_version AS version, w.snapshot::text AS snapshot
       FROM deadlines dl JOIN workflow_instances w ON w.document_id = dl.document_id
      WHERE dl.status = 'PENDING' GROUP BY 1, 2, 3`,
  );
  const registry = createDefaultRegistry();
  const offered = snapshots.flatMap(({ kind, version, snapshot }) => {
    const definition = registry.get(kind, version);
    return definition === undefined ? [] : [{ kind, version, snapshot, roles: rolesOfferedTask(definition, JSON.parse(snapshot) as PersistedWorkflowSnapshot) }];
  });
  await q.query(
    `UPDATE deadlines dl SET offered_roles = ARRAY(SELECT jsonb_array_elements_text(v.roles))
       FROM workflow_instances w, jsonb_to_recordset($1::jsonb) AS v(kind text, version int, snapshot text, roles jsonb)
      WHERE w.document_id = dl.document_id AND dl.status = 'PENDING'
        AND w.kind = v.kind AND w.machine_version = v.version AND w.snapshot::text = v.snapshot`,
    [JSON.stringify(offered)],
  );
}
