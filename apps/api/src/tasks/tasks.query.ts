import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared } from '#persistence';
import type { WorkflowRegistry } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { hydrateDocument, SELECT_DOCUMENT, type DocumentRecord } from '../documents/document-record.js';
import { toDocumentView } from '../documents/document-view.js';
import { WORKFLOW_REGISTRY } from '../workflows/workflow-registry.provider.js';
import { taskScopesOf, type TaskScope } from './task-scope.util.js';

const CREATOR_ONLY = new Set(['WITHDRAW']);
/** States a document waits in without a deadline (the drafter's own draft). */
const UNDATED_STATES = new Set(['draft']);

export interface TaskItem {
  kind: string;
  id: string;
  title: string;
  state: string;
  dueAt: Date | null;
  overdue: boolean;
  allowedActions: string[];
}

/**
 * GET /api/tasks: what waits for the caller (delegations included), soonest due first, at most
 * `limit`. Each (place, stage) the caller may act in is read off the pending-deadline index in due
 * order with its own LIMIT, so the cost does not grow with the number of documents; the merged
 * candidates are checked a page at a time.
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

    const batch = limit + 20;
    const params: unknown[] = [];
    const parts = (depth: number) => scopes.flatMap((scope) => scope.states.map((state) => candidateSql(scope, state, depth, params)));
    // The depths and the page are written into the statement, not bound: a generic plan that does not
    // know them reads whole stages.
    const sql = (depth: number, offset: number) => `WITH candidates AS (${parts(depth).join('\n UNION ALL ')}),
       picked AS (SELECT document_id FROM candidates ORDER BY due_at ASC NULLS LAST, since ASC, document_id LIMIT ${batch} OFFSET ${offset})
       ${SELECT_DOCUMENT}
       WHERE d.id IN (SELECT document_id FROM picked) AND NOT d.final
       ORDER BY dl.due_at ASC NULLS LAST, d.created_at ASC`;
    const items: TaskItem[] = [];
    // Candidates come soonest first; those the caller cannot act on after all (a guard such as
    // COMPLETE's, separation of duties) are skipped, and the next round reads further when they
    // left the page short.
    for (let offset = 0; items.length < limit; offset += batch) {
      params.length = 0;
      const text = sql(offset + batch, offset);
      const rows = await queryPrepared<DocumentRecord>(this.dataSource.manager, text, params);
      for (const record of rows.map(hydrateDocument)) {
        const view = toDocumentView(record, this.registry, actor, now);
        if (!view.allowedActions.some((a) => !CREATOR_ONLY.has(a))) continue;
        items.push({
          kind: record.kind,
          id: record.id,
          title: record.title,
          state: record.state,
          dueAt: view.deadline?.dueAt ?? null,
          overdue: view.deadline?.overdue ?? false,
          allowedActions: view.allowedActions,
        });
        if (items.length === limit) break;
      }
      if (rows.length < batch) break;
    }
    return { items, limit };
  }
}

/** One (place, state) of the inbox: the soonest `depth` documents waiting there, with what orders them. */
function candidateSql(scope: TaskScope, state: string, depth: number, params: unknown[]): string {
  const gov = `$${params.push(scope.governmentCode)}`;
  const st = `$${params.push(state)}`;
  const unit = scope.unitCode === null ? null : `$${params.push(scope.unitCode)}`;
  const governments = scope.children
    ? `(SELECT c.id FROM governments c JOIN governments p ON p.id = c.parent_id WHERE p.code = ${gov})`
    : `(SELECT id FROM governments WHERE code = ${gov})`;
  const unitFilter = (alias: string) =>
    unit === null ? '' : `AND ${alias}.unit_id = (SELECT u.id FROM units u JOIN governments g ON g.id = u.government_id WHERE g.code = ${gov} AND u.code = ${unit})`;
  if (UNDATED_STATES.has(state)) {
    return `(SELECT d.id AS document_id, NULL::timestamptz AS due_at, d.created_at AS since FROM documents d
              WHERE NOT d.final AND d.government_id IN ${governments} ${unitFilter('d')} AND d.state = ${st}
              ORDER BY d.created_at LIMIT ${depth})`;
  }
  return `(SELECT dl.document_id, dl.due_at, dl.entered_at AS since FROM deadlines dl
            WHERE dl.status = 'PENDING' AND dl.government_id IN ${governments} ${unitFilter('dl')} AND dl.stage = ${st}
            ORDER BY dl.due_at LIMIT ${depth})`;
}
