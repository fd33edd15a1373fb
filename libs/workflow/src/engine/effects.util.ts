import type { NotifyActionParams, StageActionParams } from '../machines/machine-actions.util.js';
import type { OpenParticipantsParams, ParticipantAnsweredParams, ReleaseParticipantsParams } from '../machines/coordination-actions.util.js';
import type { WorkflowEffect } from './workflow-effect.types.js';

/** An executable action as returned by xstate's `transition` / `initialTransition`. */
export interface ExecutableActionLike {
  readonly type: string;
  readonly params?: unknown;
}

/**
 * Maps the executable actions of a transition to effects, keeping their order (exit actions,
 * transition actions, entry actions). Built-in xstate actions (assign, ...) are already applied to
 * the snapshot and produce no effect; any other unknown action is an error in the machine.
 */
export function effectsFromActions(actions: readonly ExecutableActionLike[]): WorkflowEffect[] {
  const effects: WorkflowEffect[] = [];
  for (const action of actions) {
    switch (action.type) {
      case 'enterStage':
        effects.push({ type: 'stage-entered', stage: (action.params as StageActionParams).stage });
        break;
      case 'leaveStage':
        effects.push({ type: 'stage-left', stage: (action.params as StageActionParams).stage });
        break;
      case 'notify': {
        const { notification, to, stage } = action.params as NotifyActionParams;
        effects.push({ type: 'notify', notification, to, stage });
        break;
      }
      case 'assignNumbers':
        effects.push({ type: 'assign-numbers' });
        break;
      case 'openParticipants': {
        const { stage, participants } = action.params as OpenParticipantsParams;
        effects.push({ type: 'participants-opened', stage, participants: [...participants] });
        break;
      }
      case 'participantAnswered': {
        const { stage, participant, status } = action.params as ParticipantAnsweredParams;
        effects.push({ type: 'participant-answered', stage, participant, status });
        break;
      }
      case 'releaseParticipants': {
        const { stage, participants, reason } = action.params as ReleaseParticipantsParams;
        effects.push({ type: 'participants-released', stage, participants: [...participants], reason });
        break;
      }
      default:
        if (!action.type.startsWith('xstate.')) {
          throw new Error(`Workflow machine produced an action the engine does not know: ${action.type}`);
        }
    }
  }
  return effects;
}
