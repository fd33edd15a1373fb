import type { Kind } from '../api/views';

/** What these choices read of a workflow GET /api/workflows describes. */
interface Workflow {
  readonly kind: string;
  readonly states: ReadonlyArray<{ readonly name: string; readonly actions: ReadonlyArray<{ readonly roles: readonly string[]; readonly scope: string }> }>;
}

const actions = (workflows: readonly Workflow[], kind: Kind | '') => workflows.filter((w) => !kind || w.kind === kind).flatMap((w) => w.states.flatMap((s) => s.actions.map((a) => ({ state: s.name, ...a }))));

/**
 * The stages in which the caller can have a task, in each workflow's order (the kind's alone when one is
 * chosen): those where an action of the workflow is one of `roles`' to take, as the API's inbox reads
 * (libs/workflow `taskScopesOf`: an action only a document's creator takes, WITHDRAW, makes no task).
 */
export function stagesActedIn(workflows: readonly Workflow[], roles: ReadonlySet<string>, kind: Kind | ''): string[] {
  const tasks = actions(workflows, kind).filter((a) => a.scope !== 'creator' && a.roles.some((r) => roles.has(r)));
  return [...new Set(tasks.map((a) => a.state))];
}

/**
 * Whether one of `roles` acts on the documents of every unit of its government (a Biro, the Sekda), so
 * that the inbox can hold any unit's: a unit's roles act on their unit's own, and on another's only as a
 * participant, whose documents the tasks loaded name.
 */
export function actsAcrossUnits(workflows: readonly Workflow[], roles: ReadonlySet<string>): boolean {
  return actions(workflows, '').some((a) => (a.scope === 'government' || a.scope === 'parent-province') && a.roles.some((r) => roles.has(r)));
}

/** `seen` (from the tasks loaded) after `offered`, without repeating one: the order `offered` gives first. */
export function withSeen<T>(offered: readonly T[], seen: readonly T[], key: (item: T) => string = String): T[] {
  const keys = new Set(offered.map(key));
  return [...offered, ...seen.filter((item) => !keys.has(key(item)))];
}
