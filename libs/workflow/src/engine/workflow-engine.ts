import type { AnyEventObject, AnyMachineSnapshot } from 'xstate';
import type { WorkflowAction } from '../machines/workflow-action.types.js';
import { isFinalStateName, stateToString } from '../machines/state-node.util.js';
import { assertWorkflowInput, type WorkflowInput } from '../machines/workflow-input.types.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import { effectsFromActions } from './effects.util.js';
import { pureInitialTransition, pureTransition } from './pure-transition.util.js';
import { persistSnapshot, restoreSnapshot } from './snapshot.util.js';
import type { ApplyActionResult, PersistedWorkflowSnapshot, StartedWorkflow, WorkflowEvent } from './workflow-engine.types.js';

/** Creates a new instance (pure: no actor is started). Throws TypeError for an invalid input. */
export function startWorkflow(definition: WorkflowDefinition, input: WorkflowInput): StartedWorkflow {
  assertWorkflowInput(input);
  const [snapshot, actions] = pureInitialTransition(definition.machine, input);
  if (snapshot.status === 'error') {
    throw snapshot.error instanceof Error ? snapshot.error : new Error(`Cannot start ${definition.kind}: ${String(snapshot.error)}`);
  }
  const state = stateToString(snapshot.value);
  return {
    persistedSnapshot: persistSnapshot(definition.machine, snapshot),
    state,
    final: snapshot.status === 'done',
    effects: effectsFromActions(actions),
  };
}

/**
 * Applies one action to a persisted instance (pure). Returns INVALID_TRANSITION when the machine
 * cannot take the event in its state (no transition, or every guard false). Throws
 * WorkflowSnapshotError when the stored snapshot does not fit the definition.
 */
export function applyAction(
  definition: WorkflowDefinition,
  persistedSnapshot: PersistedWorkflowSnapshot,
  event: WorkflowEvent,
): ApplyActionResult {
  return applyToLive(definition, restoreSnapshot(definition.machine, persistedSnapshot), event).result;
}

/**
 * `applyAction` on a snapshot already restored (`restoreInstance` restores once per request); also
 * returns the live next snapshot, so what follows the transition is asked without restoring again.
 */
export function applyToLive(
  definition: WorkflowDefinition,
  snapshot: AnyMachineSnapshot,
  event: WorkflowEvent,
): { result: ApplyActionResult; next: AnyMachineSnapshot | null } {
  const { machine } = definition;
  const fromState = stateToString(snapshot.value);
  if (!(definition.actions as readonly string[]).includes(event.type)) {
    return { result: { ok: false, code: 'INVALID_TRANSITION', fromState, reason: `${event.type} is not an action of ${definition.kind}` }, next: null };
  }
  if (snapshot.status !== 'active' || !snapshot.can(event as AnyEventObject)) {
    return { result: { ok: false, code: 'INVALID_TRANSITION', fromState, reason: `${event.type} is not possible in state ${fromState}` }, next: null };
  }
  const [next, actions] = pureTransition(machine, snapshot, event as AnyEventObject);
  return {
    result: {
      ok: true,
      persistedSnapshot: persistSnapshot(machine, next),
      fromState,
      toState: stateToString(next.value),
      final: next.status === 'done',
      effects: effectsFromActions(actions),
    },
    next,
  };
}

/** The actions the machine can take now (guards evaluated), in the definition's action order. */
export function availableEvents(definition: WorkflowDefinition, persistedSnapshot: PersistedWorkflowSnapshot): WorkflowAction[] {
  const snapshot = restoreSnapshot(definition.machine, persistedSnapshot);
  if (snapshot.status !== 'active') {
    return [];
  }
  return definition.actions.filter((type) => snapshot.can({ type }));
}

/** True when the state (dotted string or persisted snapshot) is final in this definition. */
export function isFinalState(definition: WorkflowDefinition, state: string | PersistedWorkflowSnapshot): boolean {
  const name = typeof state === 'string' ? state : stateToString(state.value);
  return isFinalStateName(definition.machine, name);
}
