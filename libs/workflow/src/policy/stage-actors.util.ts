import { escalationSuperiorOf } from '../domain/escalation.util.js';
import type { Role } from '../domain/role.types.js';
import { atomicStateNodes, stateMetaOf, statePathOf } from '../machines/state-node.util.js';
import type { WorkflowAction } from '../machines/workflow-action.types.js';
import type { ActorScope } from '../machines/workflow-meta.types.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';

/** A role, in a scope relative to the document, that may act in a stage, and with which actions. */
export interface StageActor {
  readonly role: Role;
  readonly scope: ActorScope;
  readonly actions: readonly WorkflowAction[];
}

/** Who receives the escalation of a stage: `role` in `scope`, because actors holding `forRole` missed it. */
export interface EscalationTarget {
  readonly role: Role;
  readonly scope: Exclude<ActorScope, 'creator'>;
  readonly forRole: Role;
}

/**
 * Who may act in a state (dotted), i.e. who gets ASSIGNED, REMINDER and OVERDUE for its stage
 * (plus their delegates). Actions limited to the creator (WITHDRAW) are left out: the creator is
 * not waited for. Empty for unknown and final states.
 */
export function stageActorsFor(definition: WorkflowDefinition, state: string): StageActor[] {
  const meta = stateMetaOf(definition.machine, state);
  const byKey = new Map<string, { role: Role; scope: ActorScope; actions: WorkflowAction[] }>();
  for (const [action, rule] of Object.entries(meta?.actions ?? {})) {
    if (rule === undefined || rule.scope === 'creator') {
      continue;
    }
    for (const role of rule.roles) {
      const key = `${role}|${rule.scope}`;
      const entry = byKey.get(key) ?? { role, scope: rule.scope, actions: [] };
      entry.actions.push(action as WorkflowAction);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()];
}

/**
 * Who receives ESCALATIONs for a state: the superior (domain.md "Deadlines") of each stage actor's
 * role. The superior of a unit DRAFTER is the UNIT_HEAD of that unit; a superior of a
 * parent-province actor is in the parent province; every other superior is in the document's government.
 */
export function escalationTargetsFor(definition: WorkflowDefinition, state: string): EscalationTarget[] {
  const seen = new Set<string>();
  const targets: EscalationTarget[] = [];
  for (const actor of stageActorsFor(definition, state)) {
    const superior = escalationSuperiorOf(actor.role);
    if (superior === null) {
      continue;
    }
    const scope: EscalationTarget['scope'] =
      actor.scope === 'parent-province' ? 'parent-province' : superior === 'UNIT_HEAD' && actor.scope === 'unit' ? 'unit' : 'government';
    const key = `${superior}|${scope}`;
    if (!seen.has(key)) {
      seen.add(key);
      targets.push({ role: superior, scope, forRole: actor.role });
    }
  }
  return targets;
}

/** A state where holders of a role may act, in which scope, with which actions. */
export interface ActionableState {
  readonly state: string;
  readonly scope: ActorScope;
  readonly actions: readonly WorkflowAction[];
}

/**
 * The states where a holder of `role` may act (creator-only actions left out): the reverse of
 * stageActorsFor, for finding a user's tasks (`GET /api/tasks`) by role, then filtering by scope.
 */
export function actionableStatesFor(definition: WorkflowDefinition, role: Role): ActionableState[] {
  const out: ActionableState[] = [];
  for (const node of atomicStateNodes(definition.machine)) {
    const state = statePathOf(node);
    for (const actor of stageActorsFor(definition, state)) {
      if (actor.role === role) {
        out.push({ state, scope: actor.scope, actions: actor.actions });
      }
    }
  }
  return out;
}
