import { describe, expect, it } from '@jest/globals';
import { assign, initialTransition, setup, transition, type AnyEventObject, type AnyMachineSnapshot, type AnyStateMachine, type ExecutableActionObject } from 'xstate';
import type { GovernmentLevel } from '../domain/government.types.js';
import { assertWorkflowInput, type WorkflowInput } from '../machines/workflow-input.types.js';
import { quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2 } from '../registry/default-registry.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import { pureInitialTransition, pureTransition } from './pure-transition.util.js';
import { eventsOf, LEVELS, reachableSnapshots } from './reachable-snapshots.testing.js';
import { applyAction, startWorkflow } from './workflow-engine.js';

/** What a transition comes to, comparable: the snapshot as stored and the actions in order. */
const outcome = (machine: AnyStateMachine, [snapshot, actions]: [AnyMachineSnapshot, ExecutableActionObject[]]) => ({
  snapshot: JSON.parse(JSON.stringify(machine.getPersistedSnapshot(snapshot))) as unknown,
  actions: actions.map((action) => ({ type: action.type, params: action.params })),
});

describe('pure transitions without a throwaway actor', () => {
  describe.each([quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2].map((d) => [`${d.kind} v${d.version}`, d] as const))('%s', (_name, definition) => {
    it.each(LEVELS)('comes to what xstate comes to, from every reachable %s snapshot with every event it can take', (level) => {
      const { machine } = definition;
      const input: WorkflowInput = { level };
      expect(outcome(machine, pureInitialTransition(machine, input))).toEqual(outcome(machine, initialTransition(machine, input)));
      const events = eventsOf(definition);
      let compared = 0;
      for (const snapshot of reachableSnapshots(definition, level)) {
        for (const event of events.filter((e) => snapshot.status === 'active' && snapshot.can(e))) {
          expect(outcome(machine, pureTransition(machine, snapshot, event))).toEqual(outcome(machine, transition(machine, snapshot, event as never)));
          compared += 1;
        }
      }
      expect(compared).toBeGreaterThan(10);
    });
  });

  it('works out no initial state for a transition: the engine makes a machine context once per machine and start, not once per action', () => {
    let contexts = 0;
    const machine = setup({
      types: { context: {} as { level: GovernmentLevel; moves: number }, input: {} as WorkflowInput, events: {} as { type: 'GO' } },
      actions: { count: assign({ moves: ({ context }) => context.moves + 1 }), enterStage: (_, _params: { stage: string }) => {} },
    }).createMachine({
      id: 'counted',
      context: ({ input }) => {
        contexts += 1;
        assertWorkflowInput(input);
        return { level: input.level, moves: 0 };
      },
      initial: 'a',
      states: { a: { on: { GO: { target: 'b', actions: 'count' } } }, b: { entry: { type: 'enterStage', params: { stage: 'b' } }, on: { GO: { target: 'a', actions: 'count' } } } },
    });
    const definition = { kind: 'quick-win', version: 1, machine, actions: ['GO'], label: 'counted' } as unknown as WorkflowDefinition;
    let snapshot = startWorkflow(definition, { level: 'CITY' }).persistedSnapshot;
    const made = contexts;
    for (let i = 0; i < 20; i++) {
      const result = applyAction(definition, snapshot, { type: 'GO' });
      if (!result.ok) throw new Error(result.reason);
      expect([result.toState, result.effects]).toEqual(i % 2 === 0 ? ['b', [{ type: 'stage-entered', stage: 'b' }]] : ['a', []]);
      snapshot = result.persistedSnapshot;
    }
    expect(snapshot.context).toEqual({ level: 'CITY', moves: 20 });
    expect(contexts).toBe(made);
    // xstate's own: each call builds an actor, whose constructor makes the context again (with no input, refused)
    transition(machine, machine.resolveState({ value: 'a', context: { level: 'CITY', moves: 0 } }), { type: 'GO' });
    expect(contexts).toBe(made + 1);
  });
});
