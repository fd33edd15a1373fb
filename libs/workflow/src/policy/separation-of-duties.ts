import type { Role } from '../domain/role.types.js';
import { stateMetaOf } from '../machines/state-node.util.js';
import type { WorkflowAction } from '../machines/workflow-action.types.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import type { ActorFacts, Authority, PastAction } from './policy.types.js';

/**
 * An approving act of a document's history (an action under separation of duties: endorse, verify,
 * approve, initial, sign, evaluate, promulgate...), with the role it was taken for and the people in
 * whose name it stands: the actor and, for a delegate, the principal.
 */
export interface ApprovalAct {
  readonly action: string;
  readonly role: Role;
  readonly persons: readonly string[];
}

/**
 * The approving acts of `history`. Each action under separation of duties is taken by exactly one
 * role in the state it was fired in, so the machine tells which role an entry acted for.
 */
export function approvalActsOf(definition: WorkflowDefinition, history: readonly PastAction[]): ApprovalAct[] {
  const acts: ApprovalAct[] = [];
  for (const entry of history) {
    if (entry.fromState === null) continue;
    const rule = stateMetaOf(definition.machine, entry.fromState)?.actions[entry.action as WorkflowAction];
    if (rule === undefined || !rule.separationOfDuties) continue;
    const persons = entry.onBehalfOf === null || entry.onBehalfOf === entry.actor ? [entry.actor] : [entry.actor, entry.onBehalfOf];
    for (const role of rule.roles) acts.push({ action: entry.action, role, persons });
  }
  return acts;
}

/** The people an authority would act in the name of: the actor and, through a delegation, the principal. */
export function personsActingThrough(actor: ActorFacts, authority: Authority): string[] {
  return authority.as.username === actor.username ? [actor.username] : [actor.username, authority.as.username];
}

/**
 * Across stages, one person acts for at most one role among the approving stages of a document (in
 * their own right or as anyone's delegate): the act that bars using `authority`, or undefined when
 * none does. Acting again for the same role (the Sekda who initials, then promulgates) is fine.
 */
export function barringAct(acts: readonly ApprovalAct[], actor: ActorFacts, authority: Authority): ApprovalAct | undefined {
  const persons = personsActingThrough(actor, authority);
  return acts.find((act) => act.role !== authority.role && act.persons.some((person) => persons.includes(person)));
}
