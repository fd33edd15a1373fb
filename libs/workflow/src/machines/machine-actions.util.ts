import type { TransitionNotificationType } from '../domain/notification-type.types.js';
import type { Role } from '../domain/role.types.js';
import type { ActionRule, ActorScope, WorkflowStateMeta } from './workflow-meta.types.js';
import { COMMENT_REQUIRED_ACTIONS, SEPARATION_OF_DUTIES_ACTIONS, type WorkflowAction } from './workflow-action.types.js';

/** Parameters of the `enterStage` / `leaveStage` machine actions. */
export interface StageActionParams {
  readonly stage: string;
}

/** Who a `notify` action addresses: the document's creator, or everyone who may act in `stage`. */
export type NotifyRecipient = 'creator' | 'stage-actors';

/** Parameters of the `notify` machine action. `stage` is the stage the document lands in (null when final). */
export interface NotifyActionParams {
  readonly notification: TransitionNotificationType;
  readonly to: NotifyRecipient;
  readonly stage: string | null;
}

/**
 * Implementations of the named machine actions. They do nothing: the engine never runs an actor; it
 * reads the executable actions returned by xstate's pure `transition` and turns them into effects.
 */
export const workflowActionImplementations = {
  enterStage: (_args: unknown, _params: StageActionParams): void => undefined,
  leaveStage: (_args: unknown, _params: StageActionParams): void => undefined,
  notify: (_args: unknown, _params: NotifyActionParams): void => undefined,
  assignNumbers: (): void => undefined,
};

export const enterStage = (stage: string) => ({ type: 'enterStage', params: { stage } }) as const;
export const leaveStage = (stage: string) => ({ type: 'leaveStage', params: { stage } }) as const;
export const notify = (notification: TransitionNotificationType, to: NotifyRecipient, stage: string | null) =>
  ({ type: 'notify', params: { notification, to, stage } }) as const;
export const notifyAssigned = (stage: string) => notify('ASSIGNED', 'stage-actors', stage);
export const assignNumbers = () => ({ type: 'assignNumbers' }) as const;

/** An action rule; separation of duties and comment requirement follow from the action name. */
export function rule(action: WorkflowAction, roles: readonly Role[], scope: ActorScope): ActionRule {
  return Object.freeze({
    roles: Object.freeze([...roles]),
    scope,
    separationOfDuties: SEPARATION_OF_DUTIES_ACTIONS.has(action),
    commentRequired: COMMENT_REQUIRED_ACTIONS.has(action),
  });
}

/** Meta of a state: its SLA stage and its action rules keyed by action. */
export function stateMeta(stage: string | null, rules: Partial<Record<WorkflowAction, ActionRule>>): WorkflowStateMeta {
  return Object.freeze({ stage, actions: Object.freeze({ ...rules }) });
}

/** Meta of a stage whose participants answer in parallel, each with their own deadline. */
export function multiInstanceStateMeta(stage: string, rules: Partial<Record<WorkflowAction, ActionRule>>): WorkflowStateMeta {
  return Object.freeze({ ...stateMeta(stage, rules), multiInstance: true });
}

/** Meta of a final state: no stage, no actions. */
export const FINAL_STATE_META: WorkflowStateMeta = stateMeta(null, {});

/** Entry/exit of a waiting stage, so entering and leaving it produce deadline effects. */
export function stageLifecycle(stage: string) {
  return { entry: [enterStage(stage)], exit: [leaveStage(stage)] } as const;
}
