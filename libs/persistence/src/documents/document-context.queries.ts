import type { EntityManager } from 'typeorm';
import type { DocumentKind, GovernmentLevel, Role } from '#workflow';
import { recipientOfUser, type Recipient } from '../notifications/recipient.queries.js';
import type { OutboxRecord } from '../outbox/outbox.queries.js';
import { queryPrepared } from '../prepared-query.util.js';

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

/**
 * Everything a transition notification needs, read from its outbox row in one round trip: the row
 * itself (to check the job against), and for a NOTIFY row the document's context, its creator, the
 * deadline the row's stage got (`latestStageDeadline`'s rule), the display name of the row's actor
 * and the id of the row's participant unit. What is read follows the row, never the job.
 */
export interface TransitionNotificationContext {
  row: OutboxRecord | null;
  document: DocumentContext | null;
  /** The document's creator as a recipient; null when they are no longer active. */
  creator: Recipient | null;
  stageDeadline: { dueAt: Date; explanation: string } | null;
  /** The actor's name, null when no user has the row's actor username. */
  actorName: string | null;
  /** The name of the principal the actor acted for as Plt/Plh (the row's `onBehalfOf`), null when none. */
  onBehalfOfName: string | null;
  participantUnitId: string | null;
}

/** A row of TRANSITION_NOTIFICATION_CONTEXT_SQL: the outbox row, then the document's columns (null without one). */
type ContextRow = { [K in keyof DocumentContext]: DocumentContext[K] | null } & {
  outboxId: string;
  outboxDocumentId: string | null;
  outboxType: string;
  outboxPayload: Record<string, unknown>;
  outboxProcessedAt: Date | null;
  creatorName: string | null;
  creatorEmail: string | null;
  creatorRoles: Role[] | null;
  creatorActive: boolean | null;
  deadlineDueAt: Date | null;
  deadlineExplanation: string | null;
  actorName: string | null;
  onBehalfOfName: string | null;
  participantUnitId: string | null;
};

const TRANSITION_NOTIFICATION_CONTEXT_SQL = `
  SELECT o.id::text AS "outboxId", o.document_id AS "outboxDocumentId", o.type AS "outboxType", o.payload AS "outboxPayload",
         o.processed_at AS "outboxProcessedAt",
         d.id, d.kind, d.title, d.state, d.final, d.content, d.facts, d.created_at AS "createdAt",
         d.created_by AS "creatorId", cu.username AS "creatorUsername", cu.name AS "creatorName", cu.email AS "creatorEmail",
         cu.roles AS "creatorRoles", cu.active AS "creatorActive",
         d.government_id AS "governmentId", g.name AS "governmentName", g.level AS "governmentLevel",
         g.parent_id AS "parentGovernmentId", g.time_zone AS "timeZone", d.unit_id AS "unitId",
         wi.machine_version AS "machineVersion",
         dl.due_at AS "deadlineDueAt", dl.explanation AS "deadlineExplanation",
         (SELECT a.name FROM users a WHERE a.username = o.payload ->> 'actor') AS "actorName",
         (SELECT p.name FROM users p WHERE p.username = o.payload ->> 'onBehalfOf') AS "onBehalfOfName",
         (SELECT un.id FROM units un WHERE un.government_id = d.government_id AND un.code = o.payload ->> 'participant') AS "participantUnitId"
    FROM outbox o
    LEFT JOIN documents d ON d.id = o.document_id AND o.type = 'NOTIFY'
    LEFT JOIN governments g ON g.id = d.government_id
    LEFT JOIN users cu ON cu.id = d.created_by
    LEFT JOIN workflow_instances wi ON wi.document_id = d.id
    LEFT JOIN LATERAL (
      SELECT x.due_at, x.explanation FROM deadlines x
       WHERE x.document_id = d.id AND x.stage = o.payload ->> 'stage'
       ORDER BY (x.status = 'PENDING') DESC, x.entered_at DESC, x.created_at DESC LIMIT 1
    ) dl ON true
   WHERE o.id = ANY($1::bigint[])`;

export async function findTransitionNotificationContext(manager: EntityManager, outboxId: string): Promise<TransitionNotificationContext> {
  const contexts = await findTransitionNotificationContexts(manager, [outboxId]);
  return contexts.get(outboxId) ?? { row: null, document: null, creator: null, stageDeadline: null, actorName: null, onBehalfOfName: null, participantUnitId: null };
}

/** `findTransitionNotificationContext` of several outbox rows in one round trip, by outbox id (a row that does not exist is left out). */
export async function findTransitionNotificationContexts(manager: EntityManager, outboxIds: readonly string[]): Promise<Map<string, TransitionNotificationContext>> {
  const contexts = new Map<string, TransitionNotificationContext>();
  if (outboxIds.length === 0) return contexts;
  for (const r of await queryPrepared<ContextRow>(manager, TRANSITION_NOTIFICATION_CONTEXT_SQL, [outboxIds])) contexts.set(r.outboxId, contextOf(r));
  return contexts;
}

function contextOf(r: ContextRow): TransitionNotificationContext {
  const row: OutboxRecord = { id: r.outboxId, documentId: r.outboxDocumentId, type: r.outboxType, payload: r.outboxPayload, processedAt: r.outboxProcessedAt };
  // the inner joins of findDocumentContext: a document without its government, creator or instance is none
  const document = r.id !== null && r.governmentId !== null && r.machineVersion !== null && r.creatorUsername !== null ? (r as DocumentContext) : null;
  const creator = document && r.creatorActive === true
    ? recipientOfUser({ userId: document.creatorId, username: document.creatorUsername, name: r.creatorName!, email: r.creatorEmail, roles: r.creatorRoles ?? [] })
    : null;
  return {
    row,
    document: document && pick(document),
    creator,
    stageDeadline: document && r.deadlineDueAt !== null ? { dueAt: r.deadlineDueAt, explanation: r.deadlineExplanation ?? '' } : null,
    actorName: r.actorName,
    onBehalfOfName: r.onBehalfOfName,
    participantUnitId: r.participantUnitId,
  };
}

/** The DocumentContext fields of a wider row. */
function pick(r: DocumentContext): DocumentContext {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    state: r.state,
    final: r.final,
    content: r.content,
    facts: r.facts,
    createdAt: r.createdAt,
    creatorId: r.creatorId,
    creatorUsername: r.creatorUsername,
    governmentId: r.governmentId,
    governmentName: r.governmentName,
    governmentLevel: r.governmentLevel,
    parentGovernmentId: r.parentGovernmentId,
    timeZone: r.timeZone,
    unitId: r.unitId,
    machineVersion: r.machineVersion,
  };
}
