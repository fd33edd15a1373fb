import { describe, expect, it } from '@jest/globals';
import { transition, type AnyMachineSnapshot } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import type { GovernmentLevel } from '../domain/government.types.js';
import { regulationWorkflowV1 } from '../registry/default-registry.js';
import { applyAction, startWorkflow } from '../engine/workflow-engine.js';
import { regulationMachine } from './regulation.machine.js';
import { atomicStateNames, stateToString } from './state-node.util.js';

/** domain.md "Work-system regulation" table, transcribed by hand. Absent = the machine must refuse. */
const EVENTS = [
  'SUBMIT',
  'ENDORSE',
  'REQUEST_HARMONIZATION',
  'RECORD_HARMONIZATION',
  'FACILITATE',
  'PARAF',
  'SIGN',
  'PROMULGATE',
  'PUBLISH',
  'RETURN',
  'RESUBMIT',
  'WITHDRAW',
] as const;
type Event = (typeof EVENTS)[number];
type Expected = string | ((level: GovernmentLevel) => string);

const TABLE: Record<string, Partial<Record<Event, Expected>>> = {
  draft: { SUBMIT: 'endorsement', WITHDRAW: 'withdrawn' },
  endorsement: { ENDORSE: 'legal_review', RETURN: 'revision', WITHDRAW: 'withdrawn' },
  legal_review: { REQUEST_HARMONIZATION: 'harmonization', RETURN: 'revision', WITHDRAW: 'withdrawn' },
  harmonization: {
    RECORD_HARMONIZATION: (level) => (level === 'PROVINCE' ? 'coordination.assistant' : 'facilitation'),
    RETURN: 'revision',
    WITHDRAW: 'withdrawn',
  },
  facilitation: { FACILITATE: 'coordination.assistant', RETURN: 'revision', WITHDRAW: 'withdrawn' },
  'coordination.assistant': { PARAF: 'coordination.secretary', RETURN: 'revision', WITHDRAW: 'withdrawn' },
  'coordination.secretary': { PARAF: 'signature', RETURN: 'revision', WITHDRAW: 'withdrawn' },
  signature: { SIGN: 'promulgation', RETURN: 'revision' },
  promulgation: { PROMULGATE: 'promulgated' },
  promulgated: { PUBLISH: 'published' },
  revision: { RESUBMIT: 'endorsement', WITHDRAW: 'withdrawn' },
  published: {},
  withdrawn: {},
};
const FINAL = ['published', 'withdrawn'];

const expectedTarget = (state: string, event: Event, level: GovernmentLevel): string | null => {
  const entry = TABLE[state]?.[event];
  return entry === undefined ? null : typeof entry === 'function' ? entry(level) : entry;
};

const pathsFor = (level: GovernmentLevel) =>
  getShortestPaths(regulationMachine, { input: { level }, events: EVENTS.map((type) => ({ type })) });

const LEVELS: GovernmentLevel[] = ['PROVINCE', 'REGENCY', 'CITY'];

describe('regulation machine (model-based)', () => {
  it('has exactly the states of the domain table, coordination nested', () => {
    expect(atomicStateNames(regulationMachine).sort()).toEqual(Object.keys(TABLE).sort());
    expect(regulationMachine.root.states['coordination']?.type).toBe('compound');
  });

  it.each(LEVELS)('reaches every state a %s regulation can be in', (level) => {
    const reached = new Set(pathsFor(level).map((path) => stateToString(path.state.value)));
    const expected = Object.keys(TABLE).filter((state) => level !== 'PROVINCE' || state !== 'facilitation');
    expect([...reached].sort()).toEqual(expected.sort());
  });

  it.each(LEVELS)('takes exactly the domain transitions in every reachable state of a %s regulation', (level) => {
    let checked = 0;
    for (const path of pathsFor(level)) {
      const snapshot: AnyMachineSnapshot = path.state;
      const state = stateToString(snapshot.value);
      for (const type of EVENTS) {
        const expected = expectedTarget(state, type, level);
        expect({ state, type, can: snapshot.can({ type }) }).toEqual({ state, type, can: expected !== null });
        if (expected !== null) {
          const [next] = transition(regulationMachine, snapshot, { type });
          expect({ state, type, to: stateToString(next.value) }).toEqual({ state, type, to: expected });
        }
        checked += 1;
      }
    }
    expect(checked).toBe((level === 'PROVINCE' ? 12 : 13) * EVENTS.length);
  });

  it('marks published and withdrawn as final, and only those', () => {
    for (const path of pathsFor('REGENCY')) {
      const state = stateToString(path.state.value);
      expect({ state, status: path.state.status }).toEqual({ state, status: FINAL.includes(state) ? 'done' : 'active' });
    }
  });

  it('lets a province skip facilitation and never lets a regency skip it', () => {
    const throughFacilitation = (level: GovernmentLevel) =>
      getSimplePaths(regulationMachine, {
        input: { level },
        events: EVENTS.map((type) => ({ type })),
        toState: (snapshot) => stateToString(snapshot.value) === 'published',
      }).map((path) => path.steps.some((step) => stateToString(step.state.value) === 'facilitation'));
    const province = throughFacilitation('PROVINCE');
    const regency = throughFacilitation('REGENCY');
    expect(province.length).toBeGreaterThan(0);
    expect(province.every((went) => !went)).toBe(true);
    expect(regency.length).toBeGreaterThan(0);
    expect(regency.every((went) => went)).toBe(true);
  });

  it('drives every shortest path through the pure engine to the same state', () => {
    for (const level of LEVELS) {
      for (const path of pathsFor(level)) {
        let snapshot = startWorkflow(regulationWorkflowV1, { level }).persistedSnapshot;
        for (const step of path.steps) {
          if ((step.event.type as string) === 'xstate.init') continue;
          const result = applyAction(regulationWorkflowV1, JSON.parse(JSON.stringify(snapshot)), step.event);
          if (!result.ok) throw new Error(`${step.event.type}: ${result.reason}`);
          snapshot = result.persistedSnapshot;
        }
        expect(stateToString(snapshot.value)).toBe(stateToString(path.state.value));
      }
    }
  });

  it('refuses to start without a valid government level', () => {
    expect(() => startWorkflow(regulationWorkflowV1, { level: 'VILLAGE' as GovernmentLevel })).toThrow(TypeError);
  });

  it('never uses delayed transitions (durable timers live in the database)', () => {
    expect(JSON.stringify(regulationMachine.config)).not.toContain('"after"');
  });
});
