import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CALENDAR_SHARED_LOCK_SQL, queryPrepared } from '#persistence';
import type { DocumentKind, SqlFilter } from '#workflow';
import type { AuditFields } from './history-appender.js';
import { hydrateDocument, SELECT_DOCUMENT, SELECT_DOCUMENT_SUMMARY, selectDocument, UUID, type DocumentRecord } from './document-record.js';

export interface DocumentListFilter {
  kind: DocumentKind;
  governmentIds: string[];
  state?: string;
  unitCode?: string;
  year?: number;
  offset: number;
  limit: number;
  /** `readScopeFilter` of the caller, numbered from $1 (its parameters come first). */
  readScope: SqlFilter;
  /** Governments (among governmentIds) where the caller reads every submitted document. */
  wholeGovernmentIds: string[];
}

export type HistoryRow = AuditFields & { seq: number; hash: string };

/** SQL of documents and their instances; every method takes the manager of the caller's transaction. */
@Injectable()
export class DocumentStore {
  /**
   * `lock`: the document and instance rows, FOR NO KEY UPDATE: transitions of one document queue on it,
   * while the worker's rows that merely reference the document (notifications, deadline events) do not
   * (FOR UPDATE would make their foreign-key check wait, and deadlock with a transition waiting for the
   * deadline row the worker holds). `calendarLock`: also the calendar lock (shared), in the same round
   * trip, which a transition needs before it closes or opens a deadline.
   */
  async find(manager: EntityManager, kind: DocumentKind, id: string, options: { lock?: boolean; calendarLock?: boolean } = {}): Promise<DocumentRecord | null> {
    if (!UUID.test(id)) return null;
    const select = options.calendarLock ? selectDocument(`${CALENDAR_SHARED_LOCK_SQL} IS NULL AS "calendarLocked",`) : SELECT_DOCUMENT;
    const rows = await queryPrepared<DocumentRecord>(manager, `${select} WHERE d.id = $1 AND d.kind = $2 ${options.lock ? 'FOR NO KEY UPDATE OF d, wi' : ''}`, [
      id,
      kind,
    ]);
    return rows[0] ? hydrateDocument(rows[0]) : null;
  }

  /**
   * One page, newest first, and the total. The page is taken per government off the
   * (kind, government, [state,] created_at) indexes and merged, so it costs the same with a million
   * documents; the count runs at the same time on another connection.
   */
  async list(manager: EntityManager, f: DocumentListFilter): Promise<{ rows: DocumentRecord[]; total: number }> {
    const params: unknown[] = [...f.readScope.params, f.kind, f.governmentIds];
    const [kind, governmentIds] = [`$${params.length - 1}`, `$${params.length}`];
    const where = [`d.kind = ${kind}`, 'd.government_id = g.id', f.readScope.sql];
    if (f.state) where.push(`d.state = $${params.push(f.state)}`);
    if (f.unitCode) where.push(`d.unit_id = (SELECT u.id FROM units u WHERE u.government_id = g.id AND u.code = $${params.push(f.unitCode)})`);
    if (f.year !== undefined) where.push(`d.year = $${params.push(f.year)}`);
    const clause = where.join(' AND ');
    const governments = `unnest(${governmentIds}::uuid[]) AS g(id)`;
    const count = queryPrepared<{ total: number }>(manager, countSql(f), countParams(f));
    const limit = `$${params.length + 1}`;
    const offset = `$${params.length + 2}`;
    const page = queryPrepared<DocumentRecord>(
      manager,
      `WITH page AS (
         SELECT p.id, p.created_at FROM ${governments}
          CROSS JOIN LATERAL (SELECT d.id, d.created_at FROM documents d WHERE ${clause}
                               ORDER BY d.created_at DESC, d.id DESC LIMIT ${limit}::int + ${offset}::int) p
          ORDER BY p.created_at DESC, p.id DESC LIMIT ${limit}::int OFFSET ${offset}::int
       )
       ${SELECT_DOCUMENT_SUMMARY} WHERE d.id IN (SELECT id FROM page) ORDER BY d.created_at DESC, d.id DESC`,
      [...params, f.limit, f.offset],
    );
    const [[{ total }], rows] = await Promise.all([count, page]);
    return { rows: rows.map(hydrateDocument), total };
  }

  async history(manager: EntityManager, documentId: string): Promise<HistoryRow[]> {
    return manager.query(
      `SELECT seq, action, from_state AS "fromState", to_state AS "toState", actor, on_behalf_of AS "onBehalfOf", comment, data,
              content_version AS "contentVersion", content_hash AS "contentHash", at, hash
         FROM history_entries WHERE document_id = $1 ORDER BY seq`,
      [documentId],
    );
  }

  async versions(manager: EntityManager, documentId: string) {
    return manager.query(
      `SELECT cv.version, cv.content_hash AS "contentHash", cv.created_at AS "createdAt", u.username AS "createdBy", cv.content
         FROM content_versions cv JOIN users u ON u.id = cv.created_by
        WHERE cv.document_id = $1 ORDER BY cv.version`,
      [documentId],
    );
  }

  /** Governments whose documents of this kind the caller may list: their own, plus children for regulations read by a province LEGAL. */
  async governmentIdsByCode(manager: EntityManager, codes: string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM governments WHERE code = ANY($1)`, [codes]);
    return rows.map((r) => r.id);
  }
}

/**
 * The list total. Where the caller reads every submitted document of a government, the maintained
 * counts (see the document-counts migration; exact and cheap at any size) less the never-submitted
 * drafts it may not read; elsewhere, the documents it may read, counted.
 */
function countSql(f: DocumentListFilter): string {
  let n = f.readScope.params.length;
  const [kind, governments, whole] = [`$${++n}`, `$${++n}`, `$${++n}`];
  const counted = [`c.kind = ${kind}`, `c.government_id = ANY(${whole}::uuid[])`];
  const listed = [`d.kind = ${kind}`];
  if (f.state) {
    const state = `$${++n}`;
    counted.push(`c.state = ${state}`);
    listed.push(`d.state = ${state}`);
  }
  if (f.unitCode) {
    const unit = `$${++n}`;
    counted.push(`c.unit_id IN (SELECT u.id FROM units u WHERE u.government_id = c.government_id AND u.code = ${unit})`);
    listed.push(`d.unit_id IN (SELECT u.id FROM units u WHERE u.government_id = d.government_id AND u.code = ${unit})`);
  }
  if (f.year !== undefined) {
    const year = `$${++n}`;
    counted.push(`c.year = ${year}`);
    listed.push(`d.year = ${year}`);
  }
  const c = counted.join(' AND ');
  const l = listed.join(' AND ');
  return `SELECT (
            (SELECT coalesce(sum(n), 0) FROM (SELECT c.count AS n FROM document_counts c WHERE ${c}
                                               UNION ALL SELECT c.delta AS n FROM document_count_deltas c WHERE ${c}) t)
          - (SELECT count(*) FROM documents d WHERE ${l} AND d.government_id = ANY(${whole}::uuid[]) AND d.submitted_at IS NULL AND NOT ${f.readScope.sql})
          + (SELECT count(*) FROM documents d WHERE ${l} AND d.government_id = ANY(${governments}::uuid[]) AND d.government_id <> ALL(${whole}::uuid[]) AND ${f.readScope.sql})
          )::int AS total`;
}

function countParams(f: DocumentListFilter): unknown[] {
  return [
    ...f.readScope.params,
    f.kind,
    f.governmentIds,
    f.wholeGovernmentIds,
    ...(f.state ? [f.state] : []),
    ...(f.unitCode ? [f.unitCode] : []),
    ...(f.year !== undefined ? [f.year] : []),
  ];
}
