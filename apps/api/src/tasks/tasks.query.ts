import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { WorkflowRegistry } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { hydrateDocument, SELECT_DOCUMENT, type DocumentRecord } from '../documents/document-record.js';
import { toDocumentView } from '../documents/document-view.js';
import { WORKFLOW_REGISTRY } from '../workflows/workflow-registry.provider.js';
import { taskScopesOf } from './task-scope.util.js';

const CREATOR_ONLY = new Set(['WITHDRAW']);
const MAX_TASKS = 500;

export interface TaskItem {
  kind: string;
  id: string;
  title: string;
  state: string;
  dueAt: Date | null;
  overdue: boolean;
  allowedActions: string[];
}

/** GET /api/tasks: what waits for the caller (delegations included), soonest due first. */
@Injectable()
export class TasksQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly actors: ActorFactsLoader,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  async execute(user: AuthenticatedUser): Promise<{ items: TaskItem[] }> {
    const now = new Date();
    const actor = await this.actors.load(user, now);
    const scopes = taskScopesOf(actor, this.registry, now);
    if (scopes.length === 0) return { items: [] };

    const params: unknown[] = [];
    const clauses = scopes.map((s) => {
      const gov = `$${params.push(s.governmentCode)}`;
      const states = `$${params.push(s.states)}`;
      if (s.children) return `(p.code = ${gov} AND d.state = ANY(${states}))`;
      if (s.unitCode) return `(g.code = ${gov} AND un.code = $${params.push(s.unitCode)} AND d.state = ANY(${states}))`;
      return `(g.code = ${gov} AND d.state = ANY(${states}))`;
    });
    const rows: DocumentRecord[] = await this.dataSource.query(
      `${SELECT_DOCUMENT} WHERE NOT d.final AND (${clauses.join(' OR ')})
        ORDER BY dl.due_at ASC NULLS LAST, d.created_at ASC LIMIT ${MAX_TASKS}`,
      params,
    );
    const items: TaskItem[] = [];
    for (const record of rows.map(hydrateDocument)) {
      const view = toDocumentView(record, this.registry, actor, now);
      const actions = view.allowedActions.filter((a) => !CREATOR_ONLY.has(a));
      if (actions.length === 0) continue;
      items.push({
        kind: record.kind,
        id: record.id,
        title: record.title,
        state: record.state,
        dueAt: view.deadline?.dueAt ?? null,
        overdue: view.deadline?.overdue ?? false,
        allowedActions: view.allowedActions,
      });
    }
    return { items };
  }
}
