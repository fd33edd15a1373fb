import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import type { Role } from '../domain/role.types.js';
import { atomicStateNodes, initialLeafOf, initialStateName, statePathOf } from '../machines/state-node.util.js';
import type { WorkflowAction } from '../machines/workflow-action.types.js';
import type { ActorScope, WorkflowStateMeta } from '../machines/workflow-meta.types.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import { guardNameOf, transitionsHandling } from '../machines/transition.util.js';

export interface DescribedTarget {
  /** Dotted target state (the initial leaf when the target is a compound state). */
  readonly state: string;
  /** The guard that selects this target, or null. */
  readonly guard: string | null;
}

export interface DescribedStateAction {
  readonly action: WorkflowAction;
  readonly roles: readonly Role[];
  readonly scope: ActorScope;
  readonly separationOfDuties: boolean;
  readonly commentRequired: boolean;
  /** The target when it does not depend on a guard, else null (see `targets`). */
  readonly target: string | null;
  readonly targets: readonly DescribedTarget[];
}

export interface DescribedState {
  /** Dotted name. */
  readonly name: string;
  readonly final: boolean;
  /** SLA stage key, or null (draft, final states). */
  readonly stage: string | null;
  readonly actions: readonly DescribedStateAction[];
  /** Participants answer in parallel, each with their own deadline (`coordination.agencies`). */
  readonly multiInstance: boolean;
  /** Where the state goes by itself once a guard holds (a parallel stage's completion rule). */
  readonly eventless: readonly DescribedTarget[];
}

export interface DescribedAction {
  readonly action: WorkflowAction;
  readonly separationOfDuties: boolean;
  readonly commentRequired: boolean;
  /** Dotted states where it can be fired. */
  readonly states: readonly string[];
}

export interface WorkflowDescription {
  readonly kind: string;
  readonly version: number;
  readonly label: string;
  readonly initial: string;
  readonly states: readonly DescribedState[];
  readonly actions: readonly DescribedAction[];
}

const DESCRIPTIONS = new WeakMap<WorkflowDefinition, WorkflowDescription>();

/**
 * A JSON description of a workflow definition, for GET /api/workflows and every inbox's scopes: made once
 * per definition (definitions never change), not on each request.
 */
export function describeWorkflow(definition: WorkflowDefinition): WorkflowDescription {
  let description = DESCRIPTIONS.get(definition);
  if (description === undefined) DESCRIPTIONS.set(definition, (description = describe(definition)));
  return description;
}

function describe(definition: WorkflowDefinition): WorkflowDescription {
  const { machine } = definition;
  const states = atomicStateNodes(machine).map((node): DescribedState => {
    const meta = node.meta as WorkflowStateMeta;
    const rules = Object.entries(meta.actions).flatMap(([action, rule]) => (rule === undefined ? [] : [{ action, rule }]));
    const actions = rules.map(({ action, rule }): DescribedStateAction => {
      const targets = transitionsHandling(node, action).map(
        (transition): DescribedTarget => ({
          state: statePathOf(initialLeafOf((transition.target?.[0] as AnyStateNode | undefined) ?? node)),
          guard: guardNameOf(transition),
        }),
      );
      const unconditional = targets.length === 1 && targets[0]?.guard === null ? targets[0].state : null;
      return {
        action: action as WorkflowAction,
        roles: rule.roles,
        scope: rule.scope,
        separationOfDuties: rule.separationOfDuties,
        commentRequired: rule.commentRequired,
        target: unconditional,
        targets,
      };
    });
    const eventless = (node.always ?? []).map(
      (transition): DescribedTarget => ({
        state: statePathOf(initialLeafOf((transition.target?.[0] as AnyStateNode | undefined) ?? node)),
        guard: guardNameOf(transition),
      }),
    );
    return { name: statePathOf(node), final: node.type === 'final', stage: meta.stage, actions, multiInstance: meta.multiInstance === true, eventless };
  });
  const actions = definition.actions.map((action): DescribedAction => {
    const where = states.filter((state) => state.actions.some((a) => a.action === action));
    const first = where.flatMap((state) => state.actions).find((a) => a.action === action);
    return {
      action,
      separationOfDuties: first?.separationOfDuties ?? false,
      commentRequired: first?.commentRequired ?? false,
      states: where.map((state) => state.name),
    };
  });
  const initial = initialStateName(machine);
  return { kind: definition.kind, version: definition.version, label: definition.label, initial, states, actions };
}
