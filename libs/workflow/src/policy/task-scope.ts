import { describeWorkflow } from '../diagram/describe-workflow.js';
import type { DocumentKind } from '../domain/document-kind.types.js';
import type { Role } from '../domain/role.types.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import type { WorkflowRegistry } from '../registry/workflow-registry.js';
import { authoritiesOf } from './authority.util.js';
import type { ActorFacts } from './policy.types.js';
import type { ReadableGovernments } from './read-policy.js';

/** Where to look for documents waiting on this actor: (government or unit or child governments) x states. */
export interface TaskScope {
  governmentCode: string;
  /** Only documents of this unit (unit-scoped roles), else null. */
  unitCode: string | null;
  /** Documents of the regencies and cities of `governmentCode` (a province LEGAL facilitating). */
  children: boolean;
  states: string[];
  /**
   * Those of `states` where every action the scope offers waits on a condition of the document (COMPLETE
   * needs a progress report): many documents there may not be tasks yet, so the inbox reads them deeper.
   */
  conditionalStates: string[];
  /**
   * Those of `states` answered in parallel by the units concerned (paraf koordinasi): each participant's
   * deadline lies in its own unit, not in the document's.
   */
  participantStates: string[];
}

/**
 * Turns the actor's authorities (own roles, and roles held by delegation as the principal) into the
 * few (place, states) pairs worth querying. Creator-only actions (WITHDRAW) make nothing a task.
 */
export function taskScopesOf(actor: ActorFacts, registry: WorkflowRegistry, now: Date): TaskScope[] {
  const scopes = new Map<string, TaskScope>();
  const unconditional = new Set<string>(); // `${key}|${state}` offering an action no condition holds back
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
          const scope = scopes.get(key) ?? { governmentCode: authority.as.governmentCode, unitCode, children, states: [], conditionalStates: [], participantStates: [] };
          if (!scope.states.includes(state.name)) scope.states.push(state.name);
          if (rule.scope === 'participant' && !scope.participantStates.includes(state.name)) scope.participantStates.push(state.name);
          if (rule.targets.length === 0 || rule.targets.some((target) => target.guard === null)) unconditional.add(`${key}|${state.name}`);
          scopes.set(key, scope);
        }
      }
    }
  }
  for (const [key, scope] of scopes) scope.conditionalStates = scope.states.filter((state) => !unconditional.has(`${key}|${state}`));
  return [...scopes.values()];
}

/**
 * The governments whose documents these scopes hold tasks on, in `readableGovernments`' terms: the actor's
 * own, each scope's, and the regencies and cities of a province whose LEGAL facilitates (`children`). A
 * government only acted on before counts for nothing here: a task is where the caller acts now.
 */
export function governmentsOfTaskScopes(actor: ActorFacts, scopes: readonly TaskScope[]): ReadableGovernments {
  return {
    own: actor.governmentCode,
    codes: [...new Set([actor.governmentCode, ...scopes.map((scope) => scope.governmentCode)])],
    childrenOf: [...new Set(scopes.filter((scope) => scope.children).map((scope) => scope.governmentCode))],
    actedBy: [],
    kinds: [],
  };
}

/** The scopes narrowed to these states (an inbox filtered by stage or kind); none that keeps none. */
export function narrowScopes(scopes: readonly TaskScope[], states: ReadonlySet<string>): TaskScope[] {
  return scopes.flatMap((scope) => {
    const kept = scope.states.filter((state) => states.has(state));
    const keep = (list: readonly string[]) => list.filter((state) => states.has(state));
    return kept.length === 0 ? [] : [{ ...scope, states: kept, conditionalStates: keep(scope.conditionalStates), participantStates: keep(scope.participantStates) }];
  });
}

/** Every state of a kind's workflows, all versions (an inbox filtered by kind reads only these places). */
export function statesOfKind(registry: WorkflowRegistry, kind: DocumentKind): Set<string> {
  return new Set(
    registry
      .list()
      .filter((definition) => definition.kind === kind)
      .flatMap((definition) => describeWorkflow(definition).states.map((state) => state.name)),
  );
}

/** States a document waits in without a deadline (the drafter's own draft): the inbox finds them by creation. */
export const UNDATED_STATES: ReadonlySet<string> = new Set(['draft']);

/**
 * One place a document waits: a pending deadline (its stage and the unit it lies in), or, in an
 * undated state, the document itself in its own unit.
 */
export interface WaitingPlace {
  governmentCode: string;
  parentGovernmentCode: string | null;
  unitCode: string;
  stage: string;
}

/**
 * Is a document waiting at `place` a candidate of the caller's inbox (before the per-document
 * `allowedActions` check)? The pure twin of the inbox query (`DocumentRepository.inboxCandidates`):
 * a scope of the caller names the stage, the government (or, `children`, its parent) and, when
 * unit-scoped, the unit. A dated stage is found by its pending deadline, an undated one by the document.
 */
export function isTaskCandidate(scopes: readonly TaskScope[], place: WaitingPlace): boolean {
  return scopes.some(
    (scope) =>
      scope.states.includes(place.stage) &&
      (scope.children ? place.parentGovernmentCode === scope.governmentCode : place.governmentCode === scope.governmentCode) &&
      (scope.unitCode === null || scope.unitCode === place.unitCode),
  );
}
