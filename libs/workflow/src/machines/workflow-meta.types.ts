import type { Role } from '../domain/role.types.js';
import type { WorkflowAction } from './workflow-action.types.js';

/**
 * Where an actor must stand, relative to the document, to use a role:
 * - `unit`: same government and same unit as the document (DRAFTER, UNIT_HEAD);
 * - `government`: same government as the document;
 * - `parent-province`: the parent province of the document's government (province LEGAL facilitating);
 * - `creator`: only the user who created the document (the role must still be held);
 * - `participant`: a unit of the document's government named in the open coordination round that
 *   has not answered yet (paraf koordinasi by the OPDs concerned).
 */
export type ActorScope = 'unit' | 'government' | 'parent-province' | 'creator' | 'participant';

export const ALL_ACTOR_SCOPES: readonly ActorScope[] = Object.freeze(['unit', 'government', 'parent-province', 'creator', 'participant']);

/** Who may fire one action in one state. */
export interface ActionRule {
  readonly roles: readonly Role[];
  readonly scope: ActorScope;
  /** The creator of the document may never fire it, whatever their roles, also as a delegate. */
  readonly separationOfDuties: boolean;
  /** A non-empty comment is required (RETURN, REJECT). */
  readonly commentRequired: boolean;
}

/** `meta` of every atomic state of a workflow machine. */
export interface WorkflowStateMeta {
  /** SLA stage key (the dotted state, e.g. `coordination.assistant`); null for `draft` and final states. */
  readonly stage: string | null;
  /** Allowed actions in this state and who may fire them. */
  readonly actions: Readonly<Partial<Record<WorkflowAction, ActionRule>>>;
  /** True for a stage where several participants answer in parallel (one deadline each). */
  readonly multiInstance?: boolean;
}
