import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared } from '#persistence';
import { authorizeAction, type ActorFacts, type WorkflowRegistry } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { hydrateDocument, SELECT_DOCUMENT_SUMMARY, type DocumentRecord } from '../documents/document-record.js';
import { documentFactsOf, toDocumentView } from '../documents/document-view.js';
import { WORKFLOW_REGISTRY } from '../workflows/workflow-registry.provider.js';
import { taskScopesOf, type TaskScope } from './task-scope.util.js';

const CREATOR_ONLY = new Set(['WITHDRAW']);
/** How deep one stage is read at most before the inbox gives what it has. */
const MAX_DEPTH = 6400;
/** States a document waits in without a deadline (the drafter's own draft). */
const UNDATED_STATES = new Set(['draft']);

export interface TaskItem {
  kind: string;
  id: string;
  title: string;
  state: string;
  dueAt: Date | null;
  overdue: boolean;
  /** The deadline explained in Bahasa Indonesia, and the zone of the document's government. */
  explanation: string | null;
  timeZone: string;
  allowedActions: string[];
  /** The principal the caller would act for, when only a delegation (Plt/Plh) lets them act. */
  onBehalfOf: string | null;
}

/**
 * GET /api/tasks: what waits for the caller (delegations included), soonest due first, at most
 * `limit`. Each (place, stage) the caller may act in is read off the pending-deadline index in due
 * order with its own LIMIT, so the cost does not grow with the number of documents.
 */
@Injectable()
export class TasksQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actors: ActorFactsLoader,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  async execute(user: AuthenticatedUser, limit: number): Promise<{ items: TaskItem[]; limit: number }> {
    const now = new Date();
    const actor = await this.actors.load(user, now);
    const scopes = taskScopesOf(actor, this.registry, now);
    if (scopes.length === 0) return { items: [], limit };

    const items: TaskItem[] = [];
    const seen = new Set<string>();
    // Each (place, stage) is read `depth` deep and every candidate is checked, so documents the caller
    // cannot act on (COMPLETE before a progress report, separation of duties) never hide another
    // stage's tasks; when they leave the page short and a stage may hold more, read twice as deep.
    for (let depth = limit; items.length < limit && depth <= MAX_DEPTH; depth *= 2) {
      const params: unknown[] = [depth];
      const parts = scopes.flatMap((scope) => scope.states.map((state) => candidateSql(scope, state, params)));
      const rows = await queryPrepared<DocumentRecord>(
        this.dataSource.manager,
        `WITH candidates AS (${parts.join('\n UNION ALL ')})
         ${SELECT_DOCUMENT_SUMMARY}
         WHERE d.id IN (SELECT document_id FROM candidates) AND NOT d.final
         ORDER BY dl.due_at ASC NULLS LAST, d.created_at ASC`,
        params,
      );
      items.length = 0;
      seen.clear();
      for (const record of rows.map(hydrateDocument)) {
        if (seen.has(record.id)) continue;
        seen.add(record.id);
        const view = toDocumentView(record, this.registry, actor, now);
        if (!view.allowedActions.some((a) => !CREATOR_ONLY.has(a))) continue;
        items.push({
          kind: record.kind,
          id: record.id,
          title: record.title,
          state: record.state,
          dueAt: view.deadline?.dueAt ?? null,
          overdue: view.deadline?.overdue ?? false,
          explanation: view.deadline?.explanation ?? null,
          timeZone: record.timeZone,
          allowedActions: view.allowedActions,
          onBehalfOf: this.actingFor(record, actor, view.allowedActions, now),
        });
        if (items.length === limit) break;
      }
      if (rows.length < depth) break; // no stage was cut short: there is nothing further to read
    }
    return { items, limit };
  }

  private actingFor(record: DocumentRecord, actor: ActorFacts, actions: string[], now: Date): string | null {
    if (actor.delegations.length === 0) return null;
    const action = actions.find((a) => !CREATOR_ONLY.has(a));
    if (!action) return null;
    const decision = authorizeAction(this.registry.require(record.kind, record.machineVersion), record.snapshot, documentFactsOf(record), actor, action, now);
    return decision.allowed ? decision.onBehalfOf : null;
  }
}

/** One (place, state) of the inbox: the soonest `$1` documents waiting there. */
function candidateSql(scope: TaskScope, state: string, params: unknown[]): string {
  const gov = `$${params.push(scope.governmentCode)}`;
  const st = `$${params.push(state)}`;
  const unit = scope.unitCode === null ? null : `$${params.push(scope.unitCode)}`;
  // One government: `=` a scalar subquery, so the ordered index gives the first $1 rows as they are
  // (with IN the planner reads every pending row of the stage and sorts them: 16,667 rows and 969
  // blocks instead of 70 rows and 75 blocks for a Sekda at a million documents, issue 16).
  const governments = scope.children
    ? `IN (SELECT c.id FROM governments c JOIN governments p ON p.id = c.parent_id WHERE p.code = ${gov})`
    : `= (SELECT id FROM governments WHERE code = ${gov})`;
  const unitFilter = (alias: string) =>
    unit === null ? '' : `AND ${alias}.unit_id = (SELECT u.id FROM units u JOIN governments g ON g.id = u.government_id WHERE g.code = ${gov} AND u.code = ${unit})`;
  if (UNDATED_STATES.has(state)) {
    return `(SELECT d.id AS document_id FROM documents d
              WHERE NOT d.final AND d.government_id ${governments} ${unitFilter('d')} AND d.state = ${st}
              ORDER BY d.created_at LIMIT $1)`;
  }
  return `(SELECT dl.document_id FROM deadlines dl
            WHERE dl.status = 'PENDING' AND dl.government_id ${governments} ${unitFilter('dl')} AND dl.stage = ${st}
            ORDER BY dl.due_at LIMIT $1)`;
}
