import { describeWorkflow } from '../diagram/describe-workflow.js';
import type { WorkflowRegistry } from '../registry/workflow-registry.js';
import { authoritiesOf } from './authority.util.js';
import type { ActorFacts } from './policy.types.js';

/** Where to look for documents waiting on this actor: (government or unit or child governments) x states. */
export interface TaskScope {
  governmentCode: string;
  /** Only documents of this unit (unit-scoped roles), else null. */
  unitCode: string | null;
  /** Documents of the regencies and cities of `governmentCode` (a province LEGAL facilitating). */
  children: boolean;
  states: string[];
}

/**
 * Turns the actor's authorities (own roles, and roles held by delegation as the principal) into the
 * few (place, states) pairs worth querying. Creator-only actions (WITHDRAW) make nothing a task.
 */
export function taskScopesOf(actor: ActorFacts, registry: WorkflowRegistry, now: Date): TaskScope[] {
  const scopes = new Map<string, TaskScope>();
  // every registered version: a running instance may sit in a state only an older version has
  const definitions = registry.list().map(describeWorkflow);
  for (const authority of authoritiesOf(actor, now)) {
    for (const definition of definitions) {
      for (const state of definition.states) {
        for (const rule of state.actions) {
          if (!rule.roles.includes(authority.role) || rule.scope === 'creator') continue;
          // a participant's deadline sits in its own unit, so its head finds it there
          const unitCode = rule.scope === 'unit' || rule.scope === 'participant' ? authority.as.unitCode : null;
          const children = rule.scope === 'parent-province';
          const key = `${authority.as.governmentCode}|${unitCode ?? '*'}|${children}`;
          const scope = scopes.get(key) ?? { governmentCode: authority.as.governmentCode, unitCode, children, states: [] };
          if (!scope.states.includes(state.name)) scope.states.push(state.name);
          scopes.set(key, scope);
        }
      }
    }
  }
  return [...scopes.values()];
}

/** States a document waits in without a deadline (the drafter's own draft): the inbox finds them by creation. */
export const UNDATED_STATES: ReadonlySet<string> = new Set(['draft']);
