import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { quickWinMachine } from './quick-win.machine.js';
import { regulationMachine } from './regulation.machine.js';
import { regulationMachineV2 } from './regulation-v2.machine.js';
import { findStateNode, initialChildOf, initialLeafOf, initialStateName, isFinalStateName, stateFromString, stateToString } from './state-node.util.js';

describe('state names', () => {
  it('turns state values into dotted strings and back', () => {
    expect(stateToString('draft')).toBe('draft');
    expect(stateToString({ coordination: 'assistant' })).toBe('coordination.assistant');
    expect(stateToString({ a: { b: 'c' } })).toBe('a.b.c');
    expect(stateFromString('coordination.secretary')).toEqual({ coordination: 'secretary' });
    expect(stateFromString('draft')).toBe('draft');
  });

  it('round-trips any dotted path', () => {
    const segment = fc.stringMatching(/^[a-z_]{1,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), (segments) => {
        const dotted = segments.join('.');
        expect(stateToString(stateFromString(dotted))).toBe(dotted);
      }),
    );
  });

  it('finds nested state nodes by dotted name', () => {
    expect(findStateNode(regulationMachine, 'coordination.assistant')?.id).toBe('regulation.coordination.assistant');
    expect(findStateNode(regulationMachine, 'coordination')?.type).toBe('compound');
    expect(findStateNode(regulationMachine, 'assistant')).toBeUndefined();
    expect(findStateNode(regulationMachine, 'nowhere.else')).toBeUndefined();
    expect(isFinalStateName(regulationMachine, 'withdrawn')).toBe(true);
    expect(isFinalStateName(regulationMachine, 'signature')).toBe(false);
  });

  it('enters compound states through their initial child, down to a leaf', () => {
    const coordination = findStateNode(regulationMachine, 'coordination');
    expect(coordination && initialChildOf(coordination)?.id).toBe('regulation.coordination.assistant');
    expect(coordination && initialLeafOf(coordination).id).toBe('regulation.coordination.assistant');
    const signature = findStateNode(regulationMachine, 'signature');
    expect(signature && initialChildOf(signature)).toBeUndefined();
    expect(signature && initialLeafOf(signature)).toBe(signature);
    expect(initialChildOf(regulationMachine.root)?.key).toBe('draft');
  });

  it('names the state every document starts in', () => {
    for (const machine of [quickWinMachine, regulationMachine, regulationMachineV2]) {
      expect(initialStateName(machine)).toBe('draft');
    }
  });
});
