import { createActor, type AnyActorScope, type AnyEventObject, type AnyMachineSnapshot, type AnyStateMachine, type ExecutableActionObject } from 'xstate';
import type { WorkflowInput } from '../machines/workflow-input.types.js';

/**
 * xstate's pure `transition` and `initialTransition`, without the throwaway actor each of those builds
 * per call. That actor's constructor works out the machine's initial state, with no input, which every
 * workflow machine's context refuses (`assertWorkflowInput`): each transition built, threw and caught a
 * TypeError before it started (issue 16, bench/RESULTS.md 1f). The scope (an actor that never runs,
 * made once per machine with a valid input) is otherwise the one xstate makes: no child actors, no
 * logging, no deferred work; the actions are collected, not executed.
 */
const SCOPES = new WeakMap<AnyStateMachine, Omit<AnyActorScope, 'actionExecutor'>>();

/** Any valid input, for the scope's actor only: it is never started, its initial state never used. */
const SCOPE_INPUT: WorkflowInput = { level: 'PROVINCE' };

function inertScope(machine: AnyStateMachine, actions: ExecutableActionObject[]): AnyActorScope {
  let base = SCOPES.get(machine);
  if (base === undefined) {
    const self = createActor(machine, { input: SCOPE_INPUT });
    base = { self, id: '', sessionId: '', logger: () => {}, defer: () => {}, emit: () => {}, system: self.system, stopChild: () => {} };
    SCOPES.set(machine, base);
  }
  return { ...base, actionExecutor: (action) => actions.push(action) };
}

/** The snapshot after `event` and the actions its transition would execute (pure: nothing runs). */
export function pureTransition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: AnyEventObject): [AnyMachineSnapshot, ExecutableActionObject[]] {
  const actions: ExecutableActionObject[] = [];
  return [machine.transition(snapshot, event, inertScope(machine, actions)), actions];
}

/** The initial snapshot for `input` and the actions entering it would execute (pure: nothing runs). */
export function pureInitialTransition(machine: AnyStateMachine, input: WorkflowInput): [AnyMachineSnapshot, ExecutableActionObject[]] {
  const actions: ExecutableActionObject[] = [];
  return [machine.getInitialSnapshot(inertScope(machine, actions), input), actions];
}
