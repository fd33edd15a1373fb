import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { readableGovernmentRows, TITLE_MATCH_LIMIT, useGenericPlans, type InboxCandidate, type InboxNarrowing, type InboxPosition } from '#persistence';
import { governmentsOfTaskScopes, heldRoles, narrowScopes, restoreInstance, statesOfKind, taskScopesOf, type ActorFacts, type DocumentKind, type RestoredInstance, type Role, type SlaStatusBounds, type TaskScope, type WorkflowRegistry } from '#workflow';
import { ActorFactsLoader } from '../auth/actor-facts.loader.js';
import type { AuthenticatedUser } from '../auth/authenticated-user.js';
import { AppException } from '../common/errors/app.exception.js';
import { ErrorCode } from '../common/errors/error-code.enum.js';
import type { InboxSummary } from '../documents/document-record.js';
import { DeadlineBoundsLoader } from '../documents/deadline-bounds.loader.js';
import { DocumentStore } from '../documents/document.store.js';
import { allowedActionsOf, deadlineViewOf, documentFactsOf } from '../documents/document-view.js';
import { WORKFLOW_REGISTRY } from '../workflows/workflow-registry.provider.js';
import { nextDepth } from './next-depth.js';
import { summaryBatchSize } from './summary-batch-size.js';

const CREATOR_ONLY = new Set(['WITHDRAW']);
/**
 * How many times deeper a stage is read where the caller's every action waits on a condition of the
 * document (a Kepala OPD's COMPLETE needs a progress report): its soonest documents are often not tasks
 * yet, and reading only as deep as elsewhere left the first page short, to be read again deeper. Those
 * the workflow offers the caller nothing cost the read one entry of a deadline index each (`offered_roles`).
 */
const CONDITIONAL_DEPTH = 4;
/** How deep one stage is read before the inbox gives what it has, a short page with its `next`. */
const MAX_DEPTH = 6400;

/**
 * Which page of the inbox: at most `limit` tasks after `after`, narrowed when asked to one kind, one state,
 * the documents of one government or unit (`unitCode` in the document's government), the overdue or not, and
 * the documents whose title holds some words.
 */
export interface TaskFilter {
  limit: number;
  after: InboxPosition | null;
  kind: DocumentKind | null;
  state: string | null;
  governmentCode: string | null;
  unitCode: string | null;
  overdue: boolean | null;
  /** Only documents whose title holds every one of these words (the lists' `q`). */
  titleWords: readonly string[] | null;
}

/** A page of the inbox and where the next begins (null: no more wait). */
export interface TaskPage {
  items: TaskItem[];
  limit: number;
  next: InboxPosition | null;
  /** Where the caller's tasks can be, their own government first, whatever the filters: what `governmentCode` narrows to. */
  governments: Array<{ code: string; name: string }>;
}

type TasksRead = Omit<TaskPage, 'governments'>;

/** What one request of the inbox has judged so far, kept across its reads at growing depths. */
interface Judgements {
  /** Every candidate judged: its task, or null when the caller cannot act on it. */
  items: Map<string, TaskItem | null>;
  /** Of those, how many were judged by their summary, and how many of these were tasks. */
  read: number;
  accepted: number;
  /** The working-day bounds of the governments met so far. */
  sla: Map<string, SlaStatusBounds>;
  /** The summaries' workflows restored, by workflow and snapshot: most documents of a stage share one. */
  instances: Map<string, RestoredInstance>;
}

export interface TaskItem {
  kind: string;
  id: string;
  title: string;
  state: string;
  /** Whose document it is: a Biro or a Sekda acts on many units' documents, a province's on its regencies'. */
  governmentCode: string;
  governmentName: string;
  unitCode: string;
  unitName: string;
  dueAt: Date | null;
  overdue: boolean;
  /** Due within 2 working days of the document's government ("Segera jatuh tempo"), as the reports count. */
  dueSoon: boolean;
  /** The deadline explained in Bahasa Indonesia, and the zone of the document's government. */
  explanation: string | null;
  timeZone: string;
  allowedActions: string[];
  /** The principal the caller would act for, when only a delegation (Plt/Plh) lets them act. */
  onBehalfOf: string | null;
}

/**
 * GET /api/tasks: what waits for the caller (delegations included), soonest due first, at most
 * `limit`, after the position `after` when a page before ended there (`next`), narrowed as asked (kind,
 * state, government, unit, lateness, title words). Each (place, stage) the caller may act in is read off
 * the pending-deadline index in due order with its own LIMIT, so the cost does not grow with the number
 * of documents.
 */
@Injectable()
export class TasksQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DocumentStore,
    private readonly actors: ActorFactsLoader,
    private readonly deadlineBounds: DeadlineBoundsLoader,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
  ) {}

  async execute(user: AuthenticatedUser, filter: TaskFilter): Promise<TaskPage> {
    const now = new Date();
    const actor = await this.actors.load(user, now);
    const scopes = taskScopesOf(actor, this.registry, now);
    const [governments, page] = await Promise.all([this.governmentsOf(actor, scopes), this.tasksOf(actor, scopes, filter, now)]);
    return { ...page, governments };
  }

  private async governmentsOf(actor: ActorFacts, scopes: readonly TaskScope[]): Promise<TaskPage['governments']> {
    const rows = await readableGovernmentRows(this.dataSource.manager, governmentsOfTaskScopes(actor, scopes));
    return rows.map(({ code, name }) => ({ code, name }));
  }

  private async tasksOf(actor: ActorFacts, everywhere: readonly TaskScope[], filter: TaskFilter, now: Date): Promise<TasksRead> {
    const { limit, after, kind, state, governmentCode, unitCode, overdue, titleWords } = filter;
    let scopes = everywhere;
    if (kind !== null) scopes = narrowScopes(scopes, statesOfKind(this.registry, kind));
    if (state !== null) scopes = narrowScopes(scopes, new Set([state]));
    if (scopes.length === 0) return { items: [], limit, next: null };
    // lateness by the rule of a task's `overdue` (`deadlineViewOf`: due at or before now), at this request's now
    const places: InboxNarrowing = { after, kind, governmentCode, unitCode, overdue: overdue === null ? null : { is: overdue, now }, documentIds: null };
    const titled = titleWords === null ? null : await this.titleMatches(scopes, titleWords, places);
    if (titled?.length === 0) return { items: [], limit, next: null };
    const narrowing = titled === null ? places : { ...places, documentIds: titled };

    // on generic plans: the candidates' custom plan always looks cheaper, so PostgreSQL planned it on every
    // request (1.5-2 ms of a Kepala OPD's inbox at a million documents, bench/RESULTS.md section 4)
    return this.dataSource.transaction(async (tx) => {
      await useGenericPlans(tx);
      return this.read(tx, scopes, narrowing, limit, actor, now);
    });
  }

  /** The open documents in the inbox's places whose title holds every word; more than `TITLE_MATCH_LIMIT` is refused. */
  private async titleMatches(scopes: readonly TaskScope[], titleWords: readonly string[], places: InboxNarrowing): Promise<readonly string[]> {
    const matches = await this.store.inboxTitleMatches(this.dataSource.manager, scopes, titleWords, places, TITLE_MATCH_LIMIT);
    if ('tooBroad' in matches) {
      throw new AppException(
        ErrorCode.SEARCH_TOO_BROAD,
        `The words of q are in the titles of more than ${matches.tooBroad.limit} documents waiting in the inbox's stages: add a word, or choose a kind, a stage or a unit`,
      );
    }
    return matches.ids;
  }

  /**
   * Each (place, stage) is read `depth` deep (`CONDITIONAL_DEPTH` times that where every action waits on a
   * condition) and every candidate is checked, so documents the caller cannot act on (COMPLETE before a
   * progress report, separation of duties) never hide another stage's tasks; when a place read to its
   * depth leaves the page short, read deeper (`nextDepth`). A candidate judged once is not read again.
   */
  private async read(manager: EntityManager, scopes: readonly TaskScope[], narrowing: InboxNarrowing, limit: number, actor: ActorFacts, now: Date): Promise<TasksRead> {
    const judged: Judgements = { items: new Map(), read: 0, accepted: 0, sla: new Map(), instances: new Map() };
    // the caller's roles, own and held by delegation now: a document whose workflow offers none of them an action is no candidate
    const roles = heldRoles(actor, now);
    for (let depth = limit; ; ) {
      const { settled, cutShort } = await this.store.inboxCandidates(manager, scopes, roles, { plain: depth, conditional: CONDITIONAL_DEPTH * depth }, narrowing);
      const page = await this.firstTasks(manager, settled, limit, judged, actor, now);
      const items = page.map((p) => p.item);
      if (page.length === limit) return { items, limit, next: page[limit - 1].position };
      if (!cutShort) return { items, limit, next: null };
      // deep enough: a short page, and the next one goes on after what was judged
      if (depth >= MAX_DEPTH && settled.length > 0) return { items, limit, next: settled[settled.length - 1].position };
      // past it only while nothing is settled (thousands due at one instant), else a page could never end
      depth = depth >= MAX_DEPTH ? nextDepth(depth, limit, 0) : Math.min(MAX_DEPTH, nextDepth(depth, limit, page.length));
    }
  }

  /**
   * The first `limit` of the candidates, in their order, that the caller can act on. Their summaries are read
   * only when not judged yet, as many at a time as the tasks still missing need at the share of tasks among
   * those read so far (`summaryBatchSize`): the soonest due usually fill the page, and the rest are never read.
   */
  private async firstTasks(manager: EntityManager, candidates: readonly InboxCandidate[], limit: number, judged: Judgements, actor: ActorFacts, now: Date): Promise<Array<{ item: TaskItem; position: InboxPosition }>> {
    const page: Array<{ item: TaskItem; position: InboxPosition }> = [];
    for (let i = 0; i < candidates.length && page.length < limit; i++) {
      const { id, position } = candidates[i];
      if (!judged.items.has(id)) {
        const size = summaryBatchSize(limit - page.length, judged.read, judged.accepted);
        const batch: string[] = [];
        for (let j = i; j < candidates.length && batch.length < size; j++) {
          const candidate = candidates[j];
          if (judged.items.has(candidate.id)) continue;
          judged.items.set(candidate.id, null); // refused, or ended meanwhile unless its summary comes back
          batch.push(candidate.id);
        }
        const records = await this.store.inboxSummaries(manager, batch);
        await this.deadlineBounds.load(manager, records, now, judged.sla);
        judged.read += batch.length;
        for (const record of records) {
          const item = this.taskOf(record, this.instanceOf(record, judged), actor, now, judged.sla);
          judged.items.set(record.id, item);
          if (item) judged.accepted += 1;
        }
      }
      const item = judged.items.get(id);
      if (item) page.push({ item, position });
    }
    return page;
  }

  /** The document's workflow restored, or the one restored for another summary with the same workflow and snapshot. */
  private instanceOf({ kind, machineVersion, snapshot }: InboxSummary, { instances }: Judgements): RestoredInstance {
    const key = `${kind}/${machineVersion}/${JSON.stringify(snapshot)}`;
    let instance = instances.get(key);
    if (instance === undefined) instances.set(key, (instance = restoreInstance(this.registry.require(kind, machineVersion), snapshot)));
    return instance;
  }

  /** The inbox item of a document, or null when the caller can do nothing there but withdraw. */
  private taskOf(record: InboxSummary, instance: RestoredInstance, actor: ActorFacts, now: Date, sla: ReadonlyMap<string, SlaStatusBounds>): TaskItem | null {
    // the actions first: most candidates judged beyond the page's tasks are refused, and need no more
    const allowedActions = allowedActionsOf(record, this.registry, actor, now, instance);
    if (!allowedActions.some((a) => !CREATOR_ONLY.has(a))) return null;
    const deadline = deadlineViewOf(record, now, sla);
    return {
      kind: record.kind,
      id: record.id,
      title: record.title,
      state: record.state,
      governmentCode: record.governmentCode,
      governmentName: record.governmentName,
      unitCode: record.unitCode,
      unitName: record.unitName,
      dueAt: deadline?.dueAt ?? null,
      overdue: deadline?.overdue ?? false,
      dueSoon: deadline?.dueSoon ?? false,
      explanation: deadline?.explanation ?? null,
      timeZone: record.timeZone,
      allowedActions,
      onBehalfOf: this.actingFor(record, instance, actor, allowedActions, now),
    };
  }

  private actingFor(record: InboxSummary, instance: RestoredInstance, actor: ActorFacts, actions: string[], now: Date): string | null {
    if (actor.delegations.length === 0) return null;
    const action = actions.find((a) => !CREATOR_ONLY.has(a));
    if (!action) return null;
    const decision = instance.authorize(documentFactsOf(record), actor, action, now);
    return decision.allowed ? decision.onBehalfOf : null;
  }
}
