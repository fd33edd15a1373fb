import type { AnyMachineSnapshot } from 'xstate';
import type { PersistedWorkflowSnapshot } from '../engine/workflow-engine.types.js';
import { restoreSnapshot } from '../engine/snapshot.util.js';
import { stateMetaOf, stateToString } from '../machines/state-node.util.js';
import type { WorkflowAction } from '../machines/workflow-action.types.js';
import type { ActionRule } from '../machines/workflow-meta.types.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import { authoritiesOf, involvesCreator, scopeMatches } from './authority.util.js';
import { decideParticipantAction } from './participant-policy.js';
import type { ActorFacts, Authority, DocumentFacts, PolicyDecision } from './policy.types.js';
import { approvalActsOf, barringAct, personsActingThrough, type ApprovalAct } from './separation-of-duties.js';

const SCOPE_TEXT: Readonly<Record<ActionRule['scope'], (document: DocumentFacts) => string>> = {
  unit: (d) => `of unit ${d.unitCode} in ${d.governmentCode}`,
  government: (d) => `in ${d.governmentCode}`,
  'parent-province': (d) => `in the parent province (${d.parentGovernmentCode ?? 'none'}) of ${d.governmentCode}`,
  creator: () => `who created the document`,
  participant: (d) => `of an OPD concerned in ${d.governmentCode}`,
};

/** The decision on a live snapshot (null: the state's rules only). */
export function decideOnLive(
  definition: WorkflowDefinition,
  live: AnyMachineSnapshot | null,
  document: DocumentFacts,
  acts: readonly ApprovalAct[],
  actor: ActorFacts,
  action: string,
  now: Date,
): PolicyDecision {
  const state = live === null ? document.state : stateToString(live.value);
  const rule = stateMetaOf(definition.machine, state)?.actions[action as WorkflowAction];
  if (rule === undefined) {
    return { allowed: false, code: 'INVALID_TRANSITION', reason: `${action} is not possible in state ${state}` };
  }
  return decideRule({ live, state, document, acts, actor, authorities: authoritiesOf(actor, now) }, rule, action);
}

/**
 * The actions `actor` may fire now on a live snapshot (null: the state's rules only), in the definition's
 * order: `decideOnLive` of each action, with what every action asks the same (the state, its rules, the
 * actor's authorities at `now`) worked out once; an action without a rule in the state is never allowed.
 */
export function allowedActionsOnLive(
  definition: WorkflowDefinition,
  live: AnyMachineSnapshot | null,
  document: DocumentFacts,
  acts: readonly ApprovalAct[],
  actor: ActorFacts,
  now: Date,
): WorkflowAction[] {
  const state = live === null ? document.state : stateToString(live.value);
  const rules = stateMetaOf(definition.machine, state)?.actions;
  if (rules === undefined) return [];
  const judged: RuleJudging = { live, state, document, acts, actor, authorities: authoritiesOf(actor, now) };
  return definition.actions.filter((action) => {
    const rule = rules[action];
    return rule !== undefined && decideRule(judged, rule, action).allowed;
  });
}

/** What judging one action under its rule takes: the same for every action judged for this document and actor. */
interface RuleJudging {
  live: AnyMachineSnapshot | null;
  /** The state the rule is of (the live snapshot's, else the document's). */
  state: string;
  document: DocumentFacts;
  acts: readonly ApprovalAct[];
  actor: ActorFacts;
  /** `authoritiesOf(actor, now)`. */
  authorities: readonly Authority[];
}

function decideRule({ live, state, document, acts, actor, authorities }: RuleJudging, rule: ActionRule, action: string): PolicyDecision {
  if (rule.scope === 'participant') {
    return decideParticipantAction(live, state, rule, document, acts, actor, authorities, action);
  }
  if (live !== null && (live.status !== 'active' || !live.can({ type: action }))) {
    return { allowed: false, code: 'INVALID_TRANSITION', reason: `${action} is not possible in state ${state} yet` };
  }
  const candidates = authorities.filter(
    (authority) => rule.roles.includes(authority.role) && scopeMatches(rule.scope, authority.as, document),
  );
  if (candidates.length === 0) {
    return {
      allowed: false,
      code: 'FORBIDDEN',
      reason: `${action} in ${state} needs ${rule.roles.join(' or ')} ${SCOPE_TEXT[rule.scope](document)}`,
    };
  }
  const usable = rule.separationOfDuties
    ? candidates.filter((authority) => !involvesCreator(actor, authority, document))
    : candidates;
  if (usable.length === 0) {
    return {
      allowed: false,
      code: 'SEPARATION_OF_DUTIES',
      reason: `The creator of the document (${document.createdBy}) may not ${action} it, also not on behalf of someone else`,
    };
  }
  const unbarred = rule.separationOfDuties ? usable.filter((authority) => barringAct(acts, actor, authority) === undefined) : usable;
  const chosen = unbarred[0];
  if (chosen === undefined) {
    const first = usable[0]!;
    const act = barringAct(acts, actor, first)!;
    const person = act.persons.find((p) => personsActingThrough(actor, first).includes(p));
    const through = first.onBehalfOf === null ? '' : ` (here on behalf of ${first.onBehalfOf})`;
    return {
      allowed: false,
      code: 'SEPARATION_OF_DUTIES',
      reason:
        `${person} already acted on this document as ${act.role} (${act.action}); ` +
        `one person acts for one role only among the approving stages, so ${actor.username}${through} may not ${action} it as ${first.role}`,
    };
  }
  return { allowed: true, role: chosen.role, onBehalfOf: chosen.onBehalfOf, delegationId: chosen.delegationId };
}

/**
 * May `actor` fire `action` on `document` at `now`? Refusals come in the api.md order:
 * INVALID_TRANSITION (not possible in this state, or its guard is false), FORBIDDEN (no role,
 * unit or jurisdiction), SEPARATION_OF_DUTIES (the creator, also through a delegation; or someone
 * who, by `document.history`, already acted on it for another approving role).
 * When `snapshot` is given its state wins over `document.state` and guards are evaluated
 * (e.g. COMPLETE needs a progress report); with null only the state's rules are checked.
 * Own roles are preferred to delegations; `onBehalfOf` names the principal when one was used.
 */
export function authorizeAction(
  definition: WorkflowDefinition,
  snapshot: PersistedWorkflowSnapshot | null,
  document: DocumentFacts,
  actor: ActorFacts,
  action: string,
  now: Date,
): PolicyDecision {
  const live = snapshot === null ? null : restoreSnapshot(definition.machine, snapshot);
  return decideOnLive(definition, live, document, approvalActsOf(definition, document.history), actor, action, now);
}

/** The actions `actor` may fire now on the document, in the definition's action order. */
export function allowedActions(
  definition: WorkflowDefinition,
  snapshot: PersistedWorkflowSnapshot | null,
  document: DocumentFacts,
  actor: ActorFacts,
  now: Date,
): WorkflowAction[] {
  const live = snapshot === null ? null : restoreSnapshot(definition.machine, snapshot);
  return allowedActionsOnLive(definition, live, document, approvalActsOf(definition, document.history), actor, now);
}
