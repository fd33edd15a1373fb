import { describe, expect, it } from '@jest/globals';
import { transition, type AnyMachineSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { quickWinWorkflowV1 } from '../registry/default-registry.js';
import { applyAction, startWorkflow } from '../engine/workflow-engine.js';
import { quickWinMachine } from './quick-win.machine.js';
import { atomicStateNames, stateToString } from './state-node.util.js';

/**
 * domain.md "Quick Win" table, transcribed by hand. `null` = the machine must refuse the event.
 * COMPLETE depends on whether a progress report was made.
 */
type Facts = { hasProgress: boolean };
type Expected = string | ((facts: Facts) => string | null);
const EVENTS = ['SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE', 'REJECT', 'RETURN', 'RESUBMIT', 'REPORT_PROGRESS', 'COMPLETE', 'EVALUATE', 'WITHDRAW'] as const;
type Event = (typeof EVENTS)[number];

const TABLE: Record<string, Partial<Record<Event, Expected>>> = {
  draft: { SUBMIT: 'endorsement', WITHDRAW: 'withdrawn' },
  endorsement: { ENDORSE: 'verification', RETURN: 'revision', WITHDRAW: 'withdrawn' },
  verification: { VERIFY: 'approval', RETURN: 'revision', WITHDRAW: 'withdrawn' },
  approval: { APPROVE: 'implementation', RETURN: 'revision', REJECT: 'rejected' },
  revision: { RESUBMIT: 'endorsement', WITHDRAW: 'withdrawn' },
  implementation: { REPORT_PROGRESS: 'implementation', COMPLETE: ({ hasProgress }) => (hasProgress ? 'evaluation' : null) },
  evaluation: { EVALUATE: 'completed', RETURN: 'implementation' },
  completed: {},
  rejected: {},
  withdrawn: {},
};
const FINAL = ['completed', 'rejected', 'withdrawn'];

const expectedTarget = (state: string, event: Event, facts: Facts): string | null => {
  const entry = TABLE[state]?.[event];
  return entry === undefined ? null : typeof entry === 'function' ? entry(facts) : entry;
};

const factsOf = (snapshot: AnyMachineSnapshot): Facts => ({ hasProgress: (snapshot.context as { progressReports: number }).progressReports > 0 });

// The progress counter is unbounded; "has a report or not" is all that matters to the machine.
const serializeState = (snapshot: AnyMachineSnapshot): string =>
  JSON.stringify({ state: stateToString(snapshot.value), ...factsOf(snapshot) });

const paths = getShortestPaths(quickWinMachine, {
  input: { level: 'REGENCY' },
  events: EVENTS.map((type) => ({ type })),
  serializeState,
});

describe('quick-win machine (model-based)', () => {
  it('reaches every state of the domain table and no other', () => {
    const reached = new Set(paths.map((path) => stateToString(path.state.value)));
    expect([...reached].sort()).toEqual(Object.keys(TABLE).sort());
    expect(atomicStateNames(quickWinMachine).sort()).toEqual(Object.keys(TABLE).sort());
  });

  it('takes exactly the transitions of the domain table in every reachable state, for every event', () => {
    let checked = 0;
    for (const path of paths) {
      const snapshot = path.state;
      const state = stateToString(snapshot.value);
      for (const type of EVENTS) {
        const expected = expectedTarget(state, type, factsOf(snapshot));
        const can = snapshot.can({ type });
        expect({ state, type, can }).toEqual({ state, type, can: expected !== null });
        if (expected !== null) {
          const [next] = transition(quickWinMachine, snapshot, { type });
          expect({ state, type, to: stateToString(next.value) }).toEqual({ state, type, to: expected });
        }
        checked += 1;
      }
    }
    // 10 states, implementation twice (with and without a progress report).
    expect(checked).toBe(11 * EVENTS.length);
  });

  it('marks completed, rejected and withdrawn as final, and only those', () => {
    for (const path of paths) {
      const state = stateToString(path.state.value);
      expect({ state, done: path.state.status }).toEqual({ state, done: FINAL.includes(state) ? 'done' : 'active' });
    }
  });

  it('needs a progress report before COMPLETE, and counts every report', () => {
    const start = startWorkflow(quickWinWorkflowV1, { level: 'CITY' });
    let snapshot = start.persistedSnapshot;
    for (const type of ['SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE']) {
      const result = applyAction(quickWinWorkflowV1, snapshot, { type });
      if (!result.ok) throw new Error(result.reason);
      snapshot = result.persistedSnapshot;
    }
    expect(applyAction(quickWinWorkflowV1, snapshot, { type: 'COMPLETE' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    for (let i = 1; i <= 2; i += 1) {
      const result = applyAction(quickWinWorkflowV1, snapshot, { type: 'REPORT_PROGRESS' });
      if (!result.ok) throw new Error(result.reason);
      expect(result.toState).toBe('implementation');
      expect(result.persistedSnapshot.context['progressReports']).toBe(i);
      snapshot = result.persistedSnapshot;
    }
    expect(applyAction(quickWinWorkflowV1, snapshot, { type: 'COMPLETE' })).toMatchObject({ ok: true, toState: 'evaluation' });
  });

  it('drives every shortest path through the pure engine to the same state', () => {
    for (const path of paths) {
      let snapshot = startWorkflow(quickWinWorkflowV1, { level: 'REGENCY' }).persistedSnapshot;
      for (const step of path.steps) {
        if ((step.event.type as string) === 'xstate.init') continue;
        const result = applyAction(quickWinWorkflowV1, JSON.parse(JSON.stringify(snapshot)), step.event);
        if (!result.ok) throw new Error(`${step.event.type}: ${result.reason}`);
        snapshot = result.persistedSnapshot;
      }
      expect(stateToString(snapshot.value)).toBe(stateToString(path.state.value));
    }
  });

  it('never uses delayed transitions (durable timers live in the database)', () => {
    const json = JSON.stringify(quickWinMachine.config);
    expect(json).not.toContain('"after"');
  });
});
