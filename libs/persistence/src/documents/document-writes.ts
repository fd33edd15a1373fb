import type { EntityManager } from 'typeorm';
import { sealDocumentEntry, type AuditFields, type DocumentKind, type PersistedWorkflowSnapshot, type Role } from '#workflow';
import { deadlineInsertParams, insertDeadlineSql, type DeadlineSubject, type PlannedDeadline } from '../deadlines/deadline-planner.js';
import { queryPrepared } from '../prepared-query.util.js';

/** The entry's 14 sealed fields, then its document's government and unit and its facilitation mark (migration 1764034000000). */
const HISTORY_COLUMNS = `(document_id, seq, action, from_state, to_state, actor, on_behalf_of, comment, data,
                                 content_version, content_hash, at, prev_hash, hash, government_id, unit_id, facilitated)`;

/**
 * Records, for the people named by `names` (a history entry's actor and principal), the kind and
 * government of `document` (a one-row relation) when that is not their own government
 * (acted_governments, migration 1764022000000). Mostly it inserts nothing: one index probe per name.
 */
const actedElsewhereSql = (names: string, document: string) =>
  `INSERT INTO acted_governments (username, kind, government_id)
   SELECT u.username, d.kind, d.government_id FROM ${document} d
     JOIN users u ON u.username = ANY(${names}::text[]) AND u.government_id <> d.government_id
   ON CONFLICT DO NOTHING`;

const namesOf = (fields: Pick<AuditFields, 'actor' | 'onBehalfOf'>) => (fields.onBehalfOf ? [fields.actor, fields.onBehalfOf] : [fields.actor]);

/** `($first, ..., $first+count-1)` */
function placeholders(first: number, count: number): string {
  return `(${Array.from({ length: count }, (_, i) => `$${first + i}`).join(', ')})`;
}

/** The next link of a document's audit chain, sealed, with the 14 parameters of its row (in HISTORY_COLUMNS order). */
function sealHistory(documentId: string, previous: { seq: number; hash: string | null }, fields: AuditFields) {
  const entry = sealDocumentEntry(documentId, previous, fields);
  const params = [documentId, entry.seq, entry.action, entry.fromState, entry.toState, entry.actor, entry.onBehalfOf, entry.comment,
    entry.data === null ? null : JSON.stringify(entry.data), entry.contentVersion, entry.contentHash, entry.at, entry.prevHash, entry.hash];
  return { seq: entry.seq, hash: entry.hash, params };
}

/** Where an entry's document is, as its history keeps it: kind, government, unit and facilitation mark (migration 1764034000000). */
export interface HistoryPlace {
  id: string;
  kind: DocumentKind;
  governmentId: string;
  unitId: string;
  facilitated: boolean;
}

/**
 * Appends the next link of a document's audit chain. The caller holds the document's row lock (or
 * created it in this transaction), so the chain has one writer; `hash` covers the document id, the
 * sequence number and every field, chained to the previous entry's hash (libs/workflow audit).
 */
export async function appendHistory(
  manager: EntityManager,
  document: HistoryPlace,
  previous: { seq: number; hash: string | null },
  fields: AuditFields,
): Promise<{ seq: number; hash: string }> {
  const link = sealHistory(document.id, previous, fields);
  await manager.query(
    `WITH hist AS (INSERT INTO history_entries ${HISTORY_COLUMNS} VALUES (${placeholders(1, 14).slice(1, -1)}, $16, $17, $18))
     ${actedElsewhereSql('$15', '(SELECT $19::text AS kind, $16::uuid AS government_id)')}`,
    [...link.params, namesOf(fields), document.governmentId, document.unitId, document.facilitated, document.kind],
  );
  return { seq: link.seq, hash: link.hash };
}

export interface NewDocument {
  kind: DocumentKind;
  governmentId: string;
  unitId: string;
  createdBy: string;
  title: unknown;
  year: number | null;
  content: Record<string, unknown>;
  contentHash: string;
  state: string;
  final: boolean;
  at: Date;
}

/** Whether the database holds any document at all (the demo documents are made only into an empty one). */
export async function anyDocumentExists(manager: EntityManager): Promise<boolean> {
  const [row]: Array<{ found: boolean }> = await manager.query(`SELECT EXISTS (SELECT 1 FROM documents) AS found`);
  return row.found;
}

/** Inserts a document (created and updated at `at`); returns its id. */
export async function insertDocument(manager: EntityManager, d: NewDocument): Promise<string> {
  const [{ id }]: Array<{ id: string }> = await manager.query(
    `INSERT INTO documents (kind, government_id, unit_id, created_by, title, year, content, content_hash, state, final, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
    [d.kind, d.governmentId, d.unitId, d.createdBy, d.title, d.year, JSON.stringify(d.content), d.contentHash, d.state, d.final, d.at],
  );
  return id;
}

/** Stores a version of a document's content. */
export async function insertContentVersion(
  manager: EntityManager,
  v: { documentId: string; version: number; content: Record<string, unknown>; contentHash: string; createdBy: string; at: Date },
): Promise<void> {
  await manager.query(
    `INSERT INTO content_versions (document_id, version, content, content_hash, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [v.documentId, v.version, JSON.stringify(v.content), v.contentHash, v.createdBy, v.at],
  );
}

/** Inserts the workflow instance of a new document, its chain head at `head`. */
export async function insertWorkflowInstance(
  manager: EntityManager,
  i: { documentId: string; kind: DocumentKind; machineVersion: number; snapshot: PersistedWorkflowSnapshot; state: string; head: { seq: number; hash: string }; at: Date },
): Promise<void> {
  await manager.query(
    `INSERT INTO workflow_instances (document_id, kind, machine_version, snapshot, state, last_seq, last_hash, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [i.documentId, i.kind, i.machineVersion, JSON.stringify(i.snapshot), i.state, i.head.seq, i.head.hash, i.at],
  );
}

/**
 * An edit: the chain head moves to `head` and the document takes the new content (its version + 1).
 * The caller holds the document's row lock.
 */
export async function writeContentEdit(
  manager: EntityManager,
  e: { documentId: string; head: { seq: number; hash: string }; content: Record<string, unknown>; title: unknown; year: number | null; contentVersion: number; contentHash: string; at: Date },
): Promise<void> {
  await manager.query(`UPDATE workflow_instances SET last_seq = $2, last_hash = $3 WHERE document_id = $1`, [e.documentId, e.head.seq, e.head.hash]);
  await manager.query(
    `UPDATE documents SET content = $2, title = $3, year = $4, content_version = $5, content_hash = $6, version = version + 1, updated_at = $7
      WHERE id = $1`,
    [e.documentId, JSON.stringify(e.content), e.title, e.year, e.contentVersion, e.contentHash, e.at],
  );
}

/**
 * The next value of a gap-free counter per (government, series, year), incremented inside the
 * caller's transaction: concurrent callers wait on the row lock, a rollback undoes the increment.
 */
export async function nextCounterValue(manager: EntityManager, governmentId: string, series: string, year: number): Promise<number> {
  const [row]: Array<{ last_value: number }> = await manager.query(
    `INSERT INTO number_counters (government_id, series, year, last_value) VALUES ($1, $2, $3, 1)
     ON CONFLICT (government_id, series, year) DO UPDATE SET last_value = number_counters.last_value + 1
     RETURNING last_value`,
    [governmentId, series, year],
  );
  return row.last_value;
}

/** One transition as rows: the history entry, the instance, the document, the outbox messages and the new deadline. */
export interface TransitionRows {
  documentId: string;
  /** The document's kind and government (whose documents the entry's people then have acted on), and its unit. */
  kind: DocumentKind;
  governmentId: string;
  unitId: string;
  /** The chain before this entry (the instance's head, read under the row lock). */
  previous: { seq: number; hash: string | null };
  entry: AuditFields;
  snapshot: PersistedWorkflowSnapshot;
  /**
   * The roles the snapshot offers an action (`rolesOfferedTask`), kept with the deadline it opens for the inbox. A
   * deadline the transition keeps offers the same (libs/workflow offered-roles.spec.ts), so only new ones are written.
   */
  offeredRoles: readonly Role[];
  toState: string;
  final: boolean;
  facts: Record<string, unknown>;
  /** The document's version read under the row lock. */
  version: number;
  outbox: ReadonlyArray<{ type: string; payload: unknown }>;
  marks: { submitted: boolean; facilitationRequested: boolean };
  /** The deadline of the stage entered, if any. */
  deadline: { subject: DeadlineSubject; planned: PlannedDeadline } | null;
}

/**
 * Writes a transition in one statement: the next link of the audit chain, the instance snapshot, the
 * document, the outbox messages, the new deadline with the roles it offers an action and the government acted
 * in (`actedElsewhereSql`). Both updates are guarded by the version read
 * under the lock; throws when either did not apply. Returns the new chain head.
 */
export async function writeTransitionRows(manager: EntityManager, t: TransitionRows): Promise<{ seq: number; hash: string }> {
  const link = sealHistory(t.documentId, t.previous, t.entry);
  const params: unknown[] = [
    ...link.params, // $1..$14
    JSON.stringify(t.snapshot), // $15
    t.toState, // $16
    t.final, // $17
    JSON.stringify(t.facts), // $18
    t.version, // $19
    t.previous.seq, // $20
    JSON.stringify(t.outbox), // $21
    t.marks.submitted, // $22
    t.marks.facilitationRequested, // $23
    t.governmentId, // $24
    namesOf(t.entry), // $25
    t.kind, // $26
    t.unitId, // $27
  ];
  let deadlineCte = '';
  if (t.deadline) {
    const offeredRoles = `$${params.push(t.offeredRoles)}::text[]`;
    deadlineCte = `, opened AS (${insertDeadlineSql(params.length + 1, offeredRoles)})`;
    params.push(...deadlineInsertParams(t.deadline.subject, t.deadline.planned));
  }
  const [written] = await queryPrepared<{ instances: number; documents: number }>(
    manager,
    `WITH hist AS (INSERT INTO history_entries ${HISTORY_COLUMNS} VALUES (${placeholders(1, 14).slice(1, -1)}, $24, $27, $23)),
     inst AS (
       UPDATE workflow_instances SET snapshot = $15, state = $16, version = version + 1, last_seq = $2, last_hash = $14, updated_at = $12
        WHERE document_id = $1 AND last_seq = $20 RETURNING 1
     ),
     doc AS (
       -- a regulation is listed (?year=) under the year it was promulgated in
       UPDATE documents SET state = $16, final = $17, facts = $18, year = COALESCE(($18::jsonb ->> 'year')::int, year),
              version = version + 1, updated_at = $12,
              submitted_at = CASE WHEN $22::boolean THEN coalesce(submitted_at, $12) ELSE submitted_at END,
              facilitation_requested_at = CASE WHEN $23::boolean THEN coalesce(facilitation_requested_at, $12) ELSE facilitation_requested_at END
        WHERE id = $1 AND version = $19 RETURNING 1
     ),
     box AS (
       INSERT INTO outbox (document_id, type, payload)
       SELECT $1, m.type, m.payload FROM jsonb_to_recordset($21::jsonb) AS m(type text, payload jsonb)
     ),
     acted AS (${actedElsewhereSql('$25', '(SELECT $26::text AS kind, $24::uuid AS government_id)')})${deadlineCte}
     SELECT (SELECT count(*) FROM inst)::int AS instances, (SELECT count(*) FROM doc)::int AS documents`,
    params,
  );
  if (written.instances !== 1 || written.documents !== 1) {
    throw new Error(`document ${t.documentId} changed under its row lock`);
  }
  return { seq: link.seq, hash: link.hash };
}
