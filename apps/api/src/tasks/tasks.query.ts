import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { restoreInstance, taskScopesOf, type ActorFacts, type RestoredInstance, type WorkflowRegistry } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import type { DocumentRecord } from '../documents/document-record.js';
import { DocumentStore } from '../documents/document.store.js';
import { documentFactsOf, toDocumentView } from '../documents/document-view.js';
import { WORKFLOW_REGISTRY } from '../workflows/workflow-registry.provider.js';

const CREATOR_ONLY = new Set(['WITHDRAW']);
/** How deep one stage is read at most before the inbox gives what it has. */
const MAX_DEPTH = 6400;

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
    private readonly store: DocumentStore,
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
      const rows = await this.store.inboxCandidates(this.dataSource.manager, scopes, depth);
      items.length = 0;
      seen.clear();
      for (const record of rows) {
        if (seen.has(record.id)) continue;
        seen.add(record.id);
        const instance = restoreInstance(this.registry.require(record.kind, record.machineVersion), record.snapshot);
        const view = toDocumentView(record, this.registry, actor, now, instance);
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
          onBehalfOf: this.actingFor(record, instance, actor, view.allowedActions, now),
        });
        if (items.length === limit) break;
      }
      if (rows.length < depth) break; // no stage was cut short: there is nothing further to read
    }
    return { items, limit };
  }

  private actingFor(record: DocumentRecord, instance: RestoredInstance, actor: ActorFacts, actions: string[], now: Date): string | null {
    if (actor.delegations.length === 0) return null;
    const action = actions.find((a) => !CREATOR_ONLY.has(a));
    if (!action) return null;
    const decision = instance.authorize(documentFactsOf(record), actor, action, now);
    return decision.allowed ? decision.onBehalfOf : null;
  }
}
