import type { EntityManager } from 'typeorm';
import type { DocumentKind, GovernmentLevel } from '#workflow';

/** What notification texts and recipient lookups need to know about a document. */
export interface DocumentContext {
  id: string;
  kind: DocumentKind;
  title: string;
  state: string;
  final: boolean;
  content: Record<string, unknown>;
  facts: Record<string, unknown>;
  createdAt: Date;
  creatorId: string;
  creatorUsername: string;
  governmentId: string;
  governmentName: string;
  governmentLevel: GovernmentLevel;
  parentGovernmentId: string | null;
  timeZone: string;
  unitId: string;
  machineVersion: number;
}

export async function findDocumentContext(manager: EntityManager, documentId: string): Promise<DocumentContext | null> {
  const rows: DocumentContext[] = await manager.query(
    `SELECT d.id, d.kind, d.title, d.state, d.final, d.content, d.facts, d.created_at AS "createdAt",
            d.created_by AS "creatorId", cu.username AS "creatorUsername",
            d.government_id AS "governmentId", g.name AS "governmentName", g.level AS "governmentLevel",
            g.parent_id AS "parentGovernmentId", g.time_zone AS "timeZone", d.unit_id AS "unitId",
            wi.machine_version AS "machineVersion"
       FROM documents d
       JOIN governments g ON g.id = d.government_id
       JOIN users cu ON cu.id = d.created_by
       JOIN workflow_instances wi ON wi.document_id = d.id
      WHERE d.id = $1`,
    [documentId],
  );
  return rows[0] ?? null;
}
