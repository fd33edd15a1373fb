import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { transition, type AnyMachineSnapshot } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { CompletionRule, CoordinationRound } from '../coordination/coordination.types.js';
import type { GovernmentLevel } from '../domain/government.types.js';
import type { ParticipantsReleasedEffect, WorkflowEffect } from '../engine/workflow-effect.types.js';
import { applyAction, startWorkflow } from '../engine/workflow-engine.js';
import type { PersistedWorkflowSnapshot, WorkflowEvent } from '../engine/workflow-engine.types.js';
import { regulationWorkflowV1, regulationWorkflowV2 } from '../registry/default-registry.js';
import { regulationMachine } from './regulation.machine.js';
import type { RegulationAction } from './workflow-action.types.js';
import { regulationMachineV2 } from './regulation-v2.machine.js';
import { atomicStateNames, stateToString } from './state-node.util.js';

const LEVELS: GovernmentLevel[] = ['PROVINCE', 'REGENCY', 'CITY'];
const UNITS = ['inspektorat', 'biro-organisasi', 'setda'];
const PLAIN: RegulationAction[] = ['SUBMIT', 'ENDORSE', 'REQUEST_HARMONIZATION', 'RECORD_HARMONIZATION', 'FACILITATE', 'PARAF', 'SIGN', 'PROMULGATE', 'PUBLISH', 'RETURN', 'RESUBMIT', 'WITHDRAW'];

const harmonize = (units: readonly string[], rule: CompletionRule): WorkflowEvent => ({ type: 'REQUEST_HARMONIZATION', data: { coordination: { units, rule } } });
const answer = (type: 'PARAF' | 'RETURN', participant: string): WorkflowEvent => ({
  type,
  participant,
  answer: { actor: `kepala-${participant}`, onBehalfOf: null, at: '2026-03-02T01:00:00.000Z', comment: type === 'RETURN' ? 'perlu perbaikan' : null },
});

/** Every event the model explores: the plain actions, LEGAL naming the OPDs concerned, and each OPD's answers. */
const MODEL_EVENTS = [
  ...PLAIN.map((type) => ({ type })),
  harmonize(UNITS, { kind: 'AT_LEAST', n: 2 }),
  ...UNITS.flatMap((unit) => [answer('PARAF', unit), answer('RETURN', unit)]),
];

const pathsFor = (level: GovernmentLevel) => getShortestPaths(regulationMachineV2, { input: { level }, events: MODEL_EVENTS as never });
const roundOf = (snapshot: { context: unknown }) => (snapshot.context as { coordination: CoordinationRound | null }).coordination;

function drive(level: GovernmentLevel, events: readonly WorkflowEvent[]) {
  let snapshot: PersistedWorkflowSnapshot = startWorkflow(regulationWorkflowV2, { level }).persistedSnapshot;
  const effects: WorkflowEffect[][] = [];
  for (const event of events) {
    const result = applyAction(regulationWorkflowV2, JSON.parse(JSON.stringify(snapshot)), event);
    if (!result.ok) throw new Error(`${event.type} in ${result.fromState}: ${result.reason}`);
    snapshot = result.persistedSnapshot;
    effects.push([...result.effects]);
  }
  return { snapshot, effects, state: stateToString(snapshot.value) };
}

const toAgencies = (level: GovernmentLevel, units: readonly string[], rule: CompletionRule): WorkflowEvent[] => [
  { type: 'SUBMIT' },
  { type: 'ENDORSE' },
  harmonize(units, rule),
  { type: 'RECORD_HARMONIZATION' },
  ...(level === 'PROVINCE' ? [] : [{ type: 'FACILITATE' }]),
];

describe('regulation machine v2 (model-based, xstate/graph)', () => {
  it('adds exactly coordination.agencies to the states of version 1', () => {
    expect(atomicStateNames(regulationMachineV2).sort()).toEqual([...atomicStateNames(regulationMachine), 'coordination.agencies'].sort());
  });

  it.each(LEVELS)('reaches every state, coordination.agencies included, for a %s regulation', (level) => {
    const reached = new Set(pathsFor(level).map((path) => stateToString(path.state.value)));
    const expected = atomicStateNames(regulationMachineV2).filter((state) => level !== 'PROVINCE' || state !== 'facilitation');
    expect([...reached].sort()).toEqual(expected.sort());
  });

  it.each(LEVELS)('without OPDs named, takes exactly the transitions of version 1 in every reachable %s state', (level) => {
    const plainEvents = PLAIN.map((type) => ({ type }));
    const v1 = new Map(getShortestPaths(regulationMachine, { input: { level }, events: plainEvents }).map((p) => [stateToString(p.state.value), p.state]));
    const v2 = getShortestPaths(regulationMachineV2, { input: { level }, events: plainEvents as never });
    expect(v2.map((p) => stateToString(p.state.value)).sort()).toEqual([...v1.keys()].sort());
    for (const path of v2) {
      const state = stateToString(path.state.value);
      const old = v1.get(state) as AnyMachineSnapshot;
      for (const event of plainEvents) {
        const can = path.state.can(event as never);
        expect({ state, event: event.type, can }).toEqual({ state, event: event.type, can: old.can(event) });
        if (can) {
          const next = stateToString(transition(regulationMachineV2, path.state, event as never)[0].value);
          expect({ state, event: event.type, next }).toEqual({ state, event: event.type, next: stateToString(transition(regulationMachine, old, event)[0].value) });
        }
      }
    }
  });

  it.each(LEVELS)('in every reachable %s snapshot of the stage, only a pending OPD may answer, and leaving the stage leaves no one pending', (level) => {
    let checked = 0;
    for (const path of pathsFor(level)) {
      const snapshot = path.state as AnyMachineSnapshot;
      const state = stateToString(snapshot.value);
      const round = roundOf(snapshot);
      for (const unit of UNITS) {
        const pending = state === 'coordination.agencies' && round?.participants.some((p) => p.unitCode === unit && p.status === 'PENDING');
        for (const type of ['PARAF', 'RETURN'] as const) {
          if (state === 'coordination.assistant' || state === 'coordination.secretary') continue; // the Asisten/Sekda PARAF
          const can = snapshot.can(answer(type, unit) as never) && state === 'coordination.agencies';
          expect({ state, unit, type, can }).toEqual({ state, unit, type, can: Boolean(pending) });
        }
      }
      if (state !== 'coordination.agencies' && round !== null) {
        expect(round.participants.filter((p) => p.status === 'PENDING').length === 0 || round.outcome === 'OPEN').toBe(true);
      }
      if (state === 'coordination.agencies') checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('never uses delayed transitions (deadlines live in the database)', () => {
    expect(JSON.stringify(regulationMachineV2.config)).not.toContain('"after"');
  });
});

describe('paraf koordinasi by the OPDs concerned', () => {
  const ALL: CompletionRule = { kind: 'ALL' };
  const TWO: CompletionRule = { kind: 'AT_LEAST', n: 2 };

  it('opens one participant per named OPD on entering the stage, after harmonisation (province) or facilitation (regency)', () => {
    for (const level of LEVELS) {
      const { state, effects, snapshot } = drive(level, toAgencies(level, UNITS, ALL));
      expect(state).toBe('coordination.agencies');
      expect(effects.at(-1)).toContainEqual({ type: 'participants-opened', stage: 'coordination.agencies', participants: UNITS });
      expect(effects.at(-1)?.some((e) => e.type === 'stage-entered')).toBe(false);
      expect(roundOf(snapshot)?.participants.map((p) => p.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);
    }
  });

  it('ALL: stays in the stage until the last OPD initials, then assigns the Asisten', () => {
    const base = toAgencies('PROVINCE', UNITS, ALL);
    const partial = drive('PROVINCE', [...base, answer('PARAF', 'setda'), answer('PARAF', 'inspektorat')]);
    expect(partial.state).toBe('coordination.agencies');
    expect(partial.effects.at(-1)).toEqual([{ type: 'participant-answered', stage: 'coordination.agencies', participant: 'inspektorat', status: 'INITIALLED' }]);
    const done = drive('PROVINCE', [...base, answer('PARAF', 'setda'), answer('PARAF', 'inspektorat'), answer('PARAF', 'biro-organisasi')]);
    expect(done.state).toBe('coordination.assistant');
    expect(done.effects.at(-1)).toEqual([
      { type: 'participant-answered', stage: 'coordination.agencies', participant: 'biro-organisasi', status: 'INITIALLED' },
      { type: 'participants-released', stage: 'coordination.agencies', participants: [], reason: 'COMPLETED' },
      { type: 'notify', notification: 'ASSIGNED', to: 'stage-actors', stage: 'coordination.assistant' },
      { type: 'stage-entered', stage: 'coordination.assistant' },
    ]);
    expect(roundOf(done.snapshot)).toMatchObject({ outcome: 'COMPLETED' });
    expect(roundOf(done.snapshot)?.participants.find((p) => p.unitCode === 'setda')).toMatchObject({ status: 'INITIALLED', actor: 'kepala-setda' });
  });

  it('AT_LEAST met early: the stage completes at the quorum and the OPD still pending is released, and may not answer afterwards', () => {
    const done = drive('REGENCY', [...toAgencies('REGENCY', UNITS, TWO), answer('PARAF', 'setda'), answer('PARAF', 'inspektorat')]);
    expect(done.state).toBe('coordination.assistant');
    expect(done.effects.at(-1)).toContainEqual({ type: 'participants-released', stage: 'coordination.agencies', participants: ['biro-organisasi'], reason: 'COMPLETED' });
    expect(roundOf(done.snapshot)?.participants.map((p) => [p.unitCode, p.status])).toEqual([
      ['inspektorat', 'INITIALLED'],
      ['biro-organisasi', 'CANCELLED'],
      ['setda', 'INITIALLED'],
    ]);
    const late = applyAction(regulationWorkflowV2, done.snapshot, answer('RETURN', 'biro-organisasi'));
    // RETURN after the quorum is the Asisten's RETURN now: the released OPD has nothing left to answer
    expect(late).toMatchObject({ ok: true, fromState: 'coordination.assistant' });
    expect(applyAction(regulationWorkflowV2, done.snapshot, answer('PARAF', 'biro-organisasi'))).toMatchObject({ ok: true, toState: 'coordination.secretary' });
  });

  it('RETURN first: to revision at once, every other OPD released; the round starts again on resubmission', () => {
    const base = toAgencies('PROVINCE', UNITS, TWO);
    const returned = drive('PROVINCE', [...base, answer('RETURN', 'biro-organisasi')]);
    expect(returned.state).toBe('revision');
    expect(returned.effects.at(-1)).toEqual([
      { type: 'participant-answered', stage: 'coordination.agencies', participant: 'biro-organisasi', status: 'RETURNED' },
      { type: 'participants-released', stage: 'coordination.agencies', participants: ['inspektorat', 'setda'], reason: 'RETURNED' },
      { type: 'notify', notification: 'RETURNED', to: 'creator', stage: 'revision' },
      { type: 'stage-entered', stage: 'revision' },
    ]);
    expect(roundOf(returned.snapshot)).toMatchObject({ outcome: 'RETURNED' });
    const again = drive('PROVINCE', [...base, answer('RETURN', 'biro-organisasi'), { type: 'RESUBMIT' }, { type: 'ENDORSE' }, harmonize(UNITS, TWO), { type: 'RECORD_HARMONIZATION' }]);
    expect(again.state).toBe('coordination.agencies');
    expect(roundOf(again.snapshot)).toMatchObject({ outcome: 'OPEN' });
    expect(roundOf(again.snapshot)?.participants.every((p) => p.status === 'PENDING' && p.actor === undefined)).toBe(true);
  });

  it('RETURN by the last OPD (after two initials under ALL) still sends the draft to revision', () => {
    const { state, effects } = drive('PROVINCE', [...toAgencies('PROVINCE', UNITS, ALL), answer('PARAF', 'setda'), answer('PARAF', 'inspektorat'), answer('RETURN', 'biro-organisasi')]);
    expect(state).toBe('revision');
    expect(effects.at(-1)).toContainEqual({ type: 'participants-released', stage: 'coordination.agencies', participants: [], reason: 'RETURNED' });
  });

  it('WITHDRAW in the middle releases the OPDs still pending', () => {
    const { state, effects } = drive('CITY', [...toAgencies('CITY', UNITS, ALL), answer('PARAF', 'setda'), { type: 'WITHDRAW' }]);
    expect(state).toBe('withdrawn');
    expect(effects.at(-1)).toEqual([{ type: 'participants-released', stage: 'coordination.agencies', participants: ['inspektorat', 'biro-organisasi'], reason: 'WITHDRAWN' }]);
  });

  it('goes to revision with an explanation when the rule can no longer be met', () => {
    const { state, snapshot, effects } = drive('PROVINCE', toAgencies('PROVINCE', ['setda', 'inspektorat'], { kind: 'AT_LEAST', n: 3 }));
    expect(state).toBe('revision');
    expect(effects.at(-1)).toContainEqual({ type: 'participants-released', stage: 'coordination.agencies', participants: ['setda', 'inspektorat'], reason: 'UNREACHABLE' });
    expect(roundOf(snapshot)).toMatchObject({
      outcome: 'UNREACHABLE',
      explanation: expect.stringContaining('sekurang-kurangnya 3 dari 2 OPD terkait'),
    });
  });

  it('refuses a second answer by the same OPD and an answer for an OPD not named', () => {
    const { snapshot } = drive('PROVINCE', [...toAgencies('PROVINCE', UNITS, ALL), answer('PARAF', 'setda')]);
    expect(applyAction(regulationWorkflowV2, snapshot, answer('PARAF', 'setda'))).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(applyAction(regulationWorkflowV2, snapshot, answer('RETURN', 'setda'))).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(applyAction(regulationWorkflowV2, snapshot, answer('PARAF', 'diskominfo'))).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(applyAction(regulationWorkflowV2, snapshot, { type: 'PARAF' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('a version 1 instance keeps the line of version 1: no coordination.agencies', () => {
    let snapshot = startWorkflow(regulationWorkflowV1, { level: 'PROVINCE' }).persistedSnapshot;
    for (const event of toAgencies('PROVINCE', UNITS, ALL)) {
      const result = applyAction(regulationWorkflowV1, snapshot, event);
      if (!result.ok) throw new Error(result.reason);
      snapshot = result.persistedSnapshot;
    }
    expect(stateToString(snapshot.value)).toBe('coordination.assistant');
  });

  describe('orders of answers (fast-check)', () => {
    type Step = { kind: 'answer'; unit: number; type: 'PARAF' | 'RETURN' } | { kind: 'withdraw' };
    const scenario = fc
      .integer({ min: 1, max: 7 })
      .chain((total) =>
        fc.record({
          total: fc.constant(total),
          level: fc.constantFrom<GovernmentLevel>('PROVINCE', 'REGENCY', 'CITY'),
          rule: fc.oneof(fc.constant<CompletionRule>({ kind: 'ALL' }), fc.integer({ min: 1, max: total }).map((n): CompletionRule => ({ kind: 'AT_LEAST', n }))),
          steps: fc.array(
            fc.oneof(
              { weight: 8, arbitrary: fc.record({ kind: fc.constant('answer' as const), unit: fc.nat({ max: total - 1 }), type: fc.constantFrom<'PARAF' | 'RETURN'>('PARAF', 'PARAF', 'PARAF', 'RETURN') }) },
              { weight: 1, arbitrary: fc.constant<Step>({ kind: 'withdraw' }) },
            ),
            { maxLength: 3 * total },
          ),
        }),
      );

    it('answers are counted once each, nobody is lost, and the stage ends exactly when the rule says', () => {
      fc.assert(
        fc.property(scenario, ({ total, level, rule, steps }) => {
          const units = Array.from({ length: total }, (_, i) => `opd-${i}`);
          let { snapshot } = drive(level, toAgencies(level, units, rule));
          const need = rule.kind === 'ALL' ? total : rule.n;
          const answered = new Map<string, 'INITIALLED' | 'RETURNED'>();
          let released: ParticipantsReleasedEffect | null = null;
          let open = true;
          for (const step of steps) {
            const event = step.kind === 'withdraw' ? { type: 'WITHDRAW' } : answer(step.type, units[step.unit] as string);
            const result = applyAction(regulationWorkflowV2, JSON.parse(JSON.stringify(snapshot)), event);
            if (!open) {
              // once the stage is left, no OPD answer reaches it
              if (result.ok) expect(result.fromState).not.toBe('coordination.agencies');
              break;
            }
            const unit = step.kind === 'answer' ? (units[step.unit] as string) : null;
            if (unit !== null && answered.has(unit)) {
              expect(result).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
              continue;
            }
            if (!result.ok) throw new Error(result.reason);
            snapshot = result.persistedSnapshot;
            if (unit !== null && step.kind === 'answer') {
              expect(result.effects[0]).toEqual({ type: 'participant-answered', stage: 'coordination.agencies', participant: unit, status: step.type === 'PARAF' ? 'INITIALLED' : 'RETURNED' });
              answered.set(unit, step.type === 'PARAF' ? 'INITIALLED' : 'RETURNED');
            }
            const initialled = [...answered.values()].filter((s) => s === 'INITIALLED').length;
            const expected =
              step.kind === 'withdraw' ? 'withdrawn' : step.type === 'RETURN' ? 'revision' : initialled >= need ? 'coordination.assistant' : 'coordination.agencies';
            expect(result.toState).toBe(expected);
            released = (result.effects.find((e) => e.type === 'participants-released') as ParticipantsReleasedEffect | undefined) ?? null;
            open = expected === 'coordination.agencies';
          }
          const round = roundOf(snapshot) as CoordinationRound;
          for (const p of round.participants) expect(p.status).toBe(answered.get(p.unitCode) ?? (open ? 'PENDING' : 'CANCELLED'));
          if (!open) {
            // answered and released partition the participants: none lost, none twice
            const releasedUnits = (released as ParticipantsReleasedEffect | null)?.participants ?? [];
            expect([...answered.keys(), ...releasedUnits].sort()).toEqual([...units].sort());
          }
        }),
        { numRuns: 400 },
      );
    });
  });
});
