import type { Role } from '../domain/role.types.js';
import { authoritiesOf, scopeMatches } from '../policy/authority.util.js';
import type { ActorFacts, DocumentFacts } from '../policy/policy.types.js';
import { stageActorsFor } from '../policy/stage-actors.util.js';
import type { WorkflowRegistry } from '../registry/workflow-registry.js';

/** A person of the government, with their roles and the delegations they received. */
export interface ReportPerson extends ActorFacts {
  readonly name: string;
}

/** Open stages of one kind, stage and unit of the government. */
export interface OpenStageCount {
  readonly kind: string;
  readonly stage: string;
  readonly unitCode: string;
  readonly open: number;
  readonly overdue: number;
}

/** Someone a stage waits on: a person with a role, possibly held for someone else (Plt/Plh). */
export interface StageWaiter {
  readonly username: string;
  readonly name: string;
  readonly unitCode: string;
  readonly role: Role;
  /** The principal's username when the role is held by delegation. */
  readonly onBehalfOf: string | null;
}

export interface WorkloadRow extends StageWaiter {
  readonly open: number;
  readonly overdue: number;
}

/**
 * Who a stage of a document of `unitCode` in `governmentCode` waits on at `now`: everyone who holds
 * (or holds by delegation, as the principal) a role that may act in it, in the right unit. The same
 * stage actors the deadline reminders go to; separation of duties (the creator) is not looked at.
 */
export function stageWaitersOf(
  registry: WorkflowRegistry,
  where: { kind: string; stage: string; governmentCode: string; unitCode: string },
  people: readonly ReportPerson[],
  now: Date,
): StageWaiter[] {
  const actors = stageActorsFor(registry.requireLatest(where.kind), where.stage);
  const document = documentAt(where);
  const out: StageWaiter[] = [];
  for (const person of people) {
    for (const authority of authoritiesOf(person, now)) {
      if (actors.some((a) => a.role === authority.role && a.scope !== 'parent-province' && scopeMatches(a.scope, authority.as, document))) {
        out.push({ username: person.username, name: person.name, unitCode: person.unitCode, role: authority.role, onBehalfOf: authority.onBehalfOf });
      }
    }
  }
  return out;
}

/**
 * Open and overdue tasks per person and role: each open stage counts for everyone it waits on; a
 * delegation counts for the delegate (row with `onBehalfOf`) as well as for the principal. Only
 * people with at least one open task, most open first.
 */
export function workloadOf(
  registry: WorkflowRegistry,
  governmentCode: string,
  people: readonly ReportPerson[],
  counts: readonly OpenStageCount[],
  now: Date,
): WorkloadRow[] {
  const rows = new Map<string, { waiter: StageWaiter; open: number; overdue: number }>();
  for (const count of counts) {
    for (const waiter of stageWaitersOf(registry, { ...count, governmentCode }, people, now)) {
      const key = `${waiter.username}|${waiter.role}|${waiter.onBehalfOf ?? ''}`;
      const row = rows.get(key) ?? { waiter, open: 0, overdue: 0 };
      row.open += count.open;
      row.overdue += count.overdue;
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .filter((r) => r.open > 0)
    .map((r) => ({ ...r.waiter, open: r.open, overdue: r.overdue }))
    .sort((a, b) => b.open - a.open || b.overdue - a.overdue || a.username.localeCompare(b.username) || a.role.localeCompare(b.role));
}

function documentAt(where: { kind: string; stage: string; governmentCode: string; unitCode: string }): DocumentFacts {
  return {
    kind: where.kind as DocumentFacts['kind'],
    state: where.stage,
    createdBy: '',
    governmentCode: where.governmentCode,
    // parent-province actors are left out above, so the level plays no part
    governmentLevel: 'PROVINCE',
    parentGovernmentCode: null,
    unitCode: where.unitCode,
    // counted per stage, not per document: no one's past acts are known here
    history: [],
  };
}
