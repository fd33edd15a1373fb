import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CALENDAR_SHARED_LOCK_SQL, queryPrepared } from '#persistence';
import type { DocumentKind } from '#workflow';
import type { AuditFields } from './history-appender.js';
import { hydrateDocument, SELECT_DOCUMENT, selectDocument, UUID, type DocumentRecord } from './document-record.js';

export interface DocumentListFilter {
  kind: DocumentKind;
  governmentIds: string[];
  state?: string;
  unitCode?: string;
  year?: number;
  offset: number;
  limit: number;
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
    const where = ['d.kind = $1', 'd.government_id = g.id'];
    const params: unknown[] = [f.kind, f.governmentIds];
    if (f.state) where.push(`d.state = $${params.push(f.state)}`);
    if (f.unitCode) where.push(`d.unit_id = (SELECT u.id FROM units u WHERE u.government_id = g.id AND u.code = $${params.push(f.unitCode)})`);
    if (f.year !== undefined) where.push(`d.year = $${params.push(f.year)}`);
    const clause = where.join(' AND ');
    const governments = `unnest($2::uuid[]) AS g(id)`;
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
       ${SELECT_DOCUMENT} WHERE d.id IN (SELECT id FROM page) ORDER BY d.created_at DESC, d.id DESC`,
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

/** The list total from the maintained counts (see the document-counts migration): exact, and cheap at any size. */
function countSql(f: DocumentListFilter): string {
  const where = ['c.kind = $1', 'c.government_id = ANY($2::uuid[])'];
  let n = 2;
  if (f.state) where.push(`c.state = $${++n}`);
  if (f.unitCode) where.push(`c.unit_id IN (SELECT u.id FROM units u WHERE u.government_id = ANY($2::uuid[]) AND u.code = $${++n})`);
  if (f.year !== undefined) where.push(`c.year = $${++n}`);
  const clause = where.join(' AND ');
  return `SELECT coalesce(sum(n), 0)::int AS total FROM (
            SELECT c.count AS n FROM document_counts c WHERE ${clause}
            UNION ALL
            SELECT c.delta AS n FROM document_count_deltas c WHERE ${clause}) t`;
}

function countParams(f: DocumentListFilter): unknown[] {
  return [f.kind, f.governmentIds, ...(f.state ? [f.state] : []), ...(f.unitCode ? [f.unitCode] : []), ...(f.year !== undefined ? [f.year] : [])];
}
