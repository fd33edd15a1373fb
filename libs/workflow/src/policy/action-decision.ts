import type { AnyMachineSnapshot } from 'xstate';
import type { Role } from '../domain/role.types.js';
import { restoreSnapshot } from '../engine/snapshot.util.js';
import { applyToLive } from '../engine/workflow-engine.js';
import type { AppliedAction, PersistedWorkflowSnapshot, WorkflowEvent } from '../engine/workflow-engine.types.js';
import { stateToString } from '../machines/state-node.util.js';
import type { WorkflowAction } from '../machines/workflow-action.types.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import { allowedActionsOnLive, decideOnLive } from './action-policy.js';
import { rolesOfferedTaskOnLive } from './offered-roles.js';
import type { ActorFacts, DocumentFacts, PolicyAllowed, PolicyDecision } from './policy.types.js';
import { approvalActsOf } from './separation-of-duties.js';

/**
 * A workflow instance restored once for one request: whether an action is known, possible and
 * allowed, the transition, and what the caller may do next are all asked of the same live snapshot.
 * Pure: no I/O, nothing started.
 */
export interface RestoredInstance {
  readonly definition: WorkflowDefinition;
  /** Dotted state, e.g. `endorsement`. */
  readonly state: string;
  /** Is `action` an action of this workflow (of any state)? */
  knows(action: string): action is WorkflowAction;
  /** May `actor` fire `action` now (`authorizeAction`, without restoring)? */
  authorize(document: DocumentFacts, actor: ActorFacts, action: string, now: Date): PolicyDecision;
  /** The actions `actor` may fire now (`allowedActions`, without restoring). */
  allowedActions(document: DocumentFacts, actor: ActorFacts, now: Date): WorkflowAction[];
  /** The roles the machine alone offers an action here (`rolesOfferedTask`, without restoring). */
  rolesOfferedTask(): Role[];
}

const LIVE = new WeakMap<RestoredInstance, AnyMachineSnapshot>();

export function restoreInstance(definition: WorkflowDefinition, persisted: PersistedWorkflowSnapshot): RestoredInstance {
  return instanceOf(definition, restoreSnapshot(definition.machine, persisted));
}

function instanceOf(definition: WorkflowDefinition, live: AnyMachineSnapshot): RestoredInstance {
  const instance: RestoredInstance = {
    definition,
    state: stateToString(live.value),
    knows: (action): action is WorkflowAction => (definition.actions as readonly string[]).includes(action),
    authorize: (document, actor, action, now) => decideOnLive(definition, live, document, approvalActsOf(definition, document.history), actor, action, now),
    allowedActions: (document, actor, now) => allowedActionsOnLive(definition, live, document, approvalActsOf(definition, document.history), actor, now),
    rolesOfferedTask: () => rolesOfferedTaskOnLive(definition, live),
  };
  LIVE.set(instance, live);
  return instance;
}

/** What one action request comes to. */
export type ActionOutcome<RefusalCode extends string = never> =
  | { readonly outcome: 'unknown'; readonly reason: string }
  | { readonly outcome: 'refused'; readonly code: Extract<PolicyDecision, { allowed: false }>['code'] | RefusalCode; readonly reason: string }
  | {
      readonly outcome: 'applied';
      readonly decision: PolicyAllowed;
      readonly result: AppliedAction;
      /** The instance after the transition (not restored again): the caller's next `allowedActions`. */
      readonly next: RestoredInstance;
    };

export interface ActionRequest<RefusalCode extends string> {
  readonly document: DocumentFacts;
  readonly actor: ActorFacts;
  readonly action: string;
  readonly now: Date;
  /** The machine event for an allowed action (it may carry who answered, for whom). */
  readonly event: (decision: PolicyAllowed) => WorkflowEvent;
  /** A refusal by the document's own rules, asked after the policy allowed the action. */
  readonly refuse?: (decision: PolicyAllowed) => { code: RefusalCode; reason: string } | null;
}

/**
 * The one decision on an action: known (else `unknown`), allowed for this actor (api.md order:
 * INVALID_TRANSITION, FORBIDDEN, SEPARATION_OF_DUTIES), not refused by the document's own rules,
 * possible for the machine (guards) - and then the transition and the instance after it.
 */
export function decideAction<RefusalCode extends string = never>(instance: RestoredInstance, request: ActionRequest<RefusalCode>): ActionOutcome<RefusalCode> {
  const { definition } = instance;
  if (!instance.knows(request.action)) {
    return { outcome: 'unknown', reason: `Unknown action ${request.action}; ${definition.kind} knows ${definition.actions.join(', ')}` };
  }
  const decision = instance.authorize(request.document, request.actor, request.action, request.now);
  if (!decision.allowed) return { outcome: 'refused', code: decision.code, reason: decision.reason };
  const refusal = request.refuse?.(decision) ?? null;
  if (refusal) return { outcome: 'refused', code: refusal.code, reason: refusal.reason };
  const live = liveOf(instance);
  const { result, next } = applyToLive(definition, live, request.event(decision));
  if (!result.ok) return { outcome: 'refused', code: result.code, reason: result.reason };
  return { outcome: 'applied', decision, result, next: instanceOf(definition, next!) };
}

function liveOf(instance: RestoredInstance): AnyMachineSnapshot {
  const live = LIVE.get(instance);
  if (live === undefined) throw new TypeError('decideAction: pass an instance from restoreInstance');
  return live;
}
