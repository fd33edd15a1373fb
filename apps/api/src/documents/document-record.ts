import type { DocumentKind, GovernmentLevel, PastAction, PersistedWorkflowSnapshot } from '#workflow';
import type { DocumentContent, DocumentFactsJson } from './kinds/document-kind.types.js';
import { DOCUMENT_KINDS } from './kinds/index.js';

/** A document row with its instance, organisation facts and pending deadline, as the store reads it. */
export interface DocumentRecord {
  id: string;
  kind: DocumentKind;
  governmentId: string;
  governmentCode: string;
  governmentName: string;
  regionName: string;
  governmentLevel: GovernmentLevel;
  parentGovernmentCode: string | null;
  timeZone: string;
  unitId: string;
  unitCode: string;
  createdById: string;
  createdBy: string;
  title: string;
  content: DocumentContent;
  contentVersion: number;
  contentHash: string;
  facts: DocumentFactsJson;
  state: string;
  final: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  machineVersion: number;
  snapshot: PersistedWorkflowSnapshot;
  lastSeq: number;
  lastHash: string | null;
  /** Read-scope marks (libs/workflow read-policy). */
  submitted: boolean;
  facilitationRequested: boolean;
  deadline: { stage: string; dueAt: Date; explanation: string } | null;
  /** Who did what, oldest first: the policy's separation of duties reads it. */
  history: PastAction[];
}

/**
 * The document query; `leading` adds columns in front (e.g. a lock taken in the same round trip);
 * `omit` leaves keys out of the content and facts (list pages do not read the unbounded parts).
 */
export const selectDocument = (leading = '', omit: { content: readonly string[]; facts: readonly string[] } = { content: [], facts: [] }) => `
  SELECT ${leading} d.id, d.kind, d.government_id AS "governmentId", g.code AS "governmentCode", g.name AS "governmentName", g.region_name AS "regionName",
         g.level AS "governmentLevel", p.code AS "parentGovernmentCode", g.time_zone AS "timeZone",
         d.unit_id AS "unitId", un.code AS "unitCode", d.created_by AS "createdById", cu.username AS "createdBy",
         d.title, ${without('d.content', omit.content)} AS content, d.content_version AS "contentVersion", d.content_hash AS "contentHash",
         ${without('d.facts', omit.facts)} AS facts,
         d.state, d.final, d.version, d.created_at AS "createdAt", d.updated_at AS "updatedAt",
         wi.machine_version AS "machineVersion", wi.snapshot, wi.last_seq AS "lastSeq", wi.last_hash AS "lastHash",
         d.submitted_at IS NOT NULL AS submitted, d.facilitation_requested_at IS NOT NULL AS "facilitationRequested",
         CASE WHEN dl.id IS NULL THEN NULL
              ELSE json_build_object('stage', dl.stage, 'dueAt', dl.due_at, 'explanation', dl.explanation) END AS deadline,
         COALESCE((SELECT json_agg(json_build_object('action', h.action, 'fromState', h.from_state, 'actor', h.actor, 'onBehalfOf', h.on_behalf_of) ORDER BY h.seq)
                     FROM history_entries h WHERE h.document_id = d.id), '[]'::json) AS history
    FROM documents d
    JOIN workflow_instances wi ON wi.document_id = d.id
    JOIN governments g ON g.id = d.government_id
    LEFT JOIN governments p ON p.id = g.parent_id
    JOIN units un ON un.id = d.unit_id
    JOIN users cu ON cu.id = d.created_by
    -- the stage's deadline; in a stage answered in parallel each participant has one: the soonest
    LEFT JOIN LATERAL (
      SELECT x.id, x.stage, x.due_at, x.explanation FROM deadlines x
       WHERE x.document_id = d.id AND x.status = 'PENDING' ORDER BY x.due_at LIMIT 1
    ) dl ON true`;

export const SELECT_DOCUMENT = selectDocument();

/** Documents without the parts that grow with use (progress reports, a regulation's body): list pages and the inbox. */
export const SELECT_DOCUMENT_SUMMARY = selectDocument('', {
  content: Object.values(DOCUMENT_KINDS).flatMap((k) => k.summaryOmits.content),
  facts: Object.values(DOCUMENT_KINDS).flatMap((k) => k.summaryOmits.facts),
});

function without(column: string, keys: readonly string[]): string {
  return keys.reduce((expression, key) => `(${expression} - '${key}')`, column);
}

/** json_build_object turns timestamps into strings; bring them back to Dates. */
export function hydrateDocument(row: DocumentRecord): DocumentRecord {
  if (row.deadline) row.deadline = { ...row.deadline, dueAt: new Date(row.deadline.dueAt) };
  return row;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
