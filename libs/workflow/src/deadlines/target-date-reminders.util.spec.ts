import { describe, expect, it } from '@jest/globals';
import { InvalidLocalDateError } from '../calendar/calendar.errors.js';
import type { AnyStateMachine } from 'xstate';
import { regulationMachine } from '../machines/regulation.machine.js';
import { regulationMachineV2 } from '../machines/regulation-v2.machine.js';
import { findStateNode, statePathOf } from '../machines/state-node.util.js';
import { ENACTED_REGULATION_STATES, isEnactedRegulationState, targetDateReminders } from './target-date-reminders.util.js';

const asIso = (reminders: ReturnType<typeof targetDateReminders>) =>
  reminders.map((reminder) => [reminder.daysBefore, reminder.at.toISOString()]);

describe('targetDateReminders', () => {
  it('reminds 30, 7 and 1 days before the target date at 08:00 local time', () => {
    expect(asIso(targetDateReminders('2026-06-30', 'Asia/Makassar', new Date('2026-05-01T00:00:00Z')))).toEqual([
      [30, '2026-05-31T00:00:00.000Z'], // Sunday 31 May 08:00 WITA: calendar days
      [7, '2026-06-23T00:00:00.000Z'],
      [1, '2026-06-29T00:00:00.000Z'],
    ]);
  });

  it('uses the government zone: 08:00 WIB is an hour later than 08:00 WITA', () => {
    expect(asIso(targetDateReminders('2026-06-30', 'Asia/Jakarta', new Date('2026-05-01T00:00:00Z')))[0]).toEqual([
      30,
      '2026-05-31T01:00:00.000Z',
    ]);
  });

  it('leaves out reminders already past, keeping one due right now', () => {
    expect(asIso(targetDateReminders('2026-06-30', 'Asia/Makassar', new Date('2026-06-10T00:00:00Z'))).map(([days]) => days)).toEqual([7, 1]);
    expect(asIso(targetDateReminders('2026-06-30', 'Asia/Makassar', new Date('2026-06-23T00:00:00Z'))).map(([days]) => days)).toEqual([7, 1]);
    expect(asIso(targetDateReminders('2026-06-30', 'Asia/Makassar', new Date('2026-06-23T00:00:00.001Z'))).map(([days]) => days)).toEqual([1]);
    expect(targetDateReminders('2026-06-30', 'Asia/Makassar', new Date('2026-06-30T00:00:00Z'))).toEqual([]);
  });

  it('rejects a malformed target date', () => {
    expect(() => targetDateReminders('30-06-2026', 'Asia/Makassar', new Date())).toThrow(InvalidLocalDateError);
  });
});

describe('ENACTED_REGULATION_STATES', () => {
  /** The states reachable from `from` by any transition of the machine. */
  function reachableFrom(machine: AnyStateMachine, from: string): string[] {
    const seen = new Set<string>();
    const queue = [findStateNode(machine, from)!];
    while (queue.length > 0) {
      const node = queue.shift()!;
      const name = statePathOf(node);
      if (seen.has(name)) continue;
      seen.add(name);
      for (const transitions of node.transitions.values()) {
        for (const transition of transitions) queue.push(...(transition.target ?? []));
      }
    }
    return [...seen].sort();
  }

  it.each([
    ['version 1', regulationMachine],
    ['version 2', regulationMachineV2],
  ])('are the states a regulation (%s) reaches once SIGN enacted it, and none before', (_version, machine) => {
    const signed = findStateNode(machine, 'signature')!.transitions.get('SIGN')![0].target!.map(statePathOf);
    expect(signed).toEqual(['promulgation']);
    expect(reachableFrom(machine, 'promulgation')).toEqual([...ENACTED_REGULATION_STATES].sort());
    expect(isEnactedRegulationState('signature')).toBe(false);
    expect(isEnactedRegulationState('coordination.secretary')).toBe(false);
    expect(ENACTED_REGULATION_STATES.every(isEnactedRegulationState)).toBe(true);
  });
});
