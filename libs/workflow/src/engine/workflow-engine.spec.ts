import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { quickWinWorkflowV1, regulationWorkflowV1 } from '../registry/default-registry.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import { atomicStateNames } from '../machines/state-node.util.js';
import type { GovernmentLevel } from '../domain/government.types.js';
import { WorkflowSnapshotError } from './snapshot.util.js';
import { applyAction, availableEvents, isFinalState, startWorkflow } from './workflow-engine.js';
import type { AppliedAction, PersistedWorkflowSnapshot } from './workflow-engine.types.js';

function drive(definition: WorkflowDefinition, level: GovernmentLevel, actions: string[]): { snapshot: PersistedWorkflowSnapshot; last: AppliedAction | null } {
  let snapshot = startWorkflow(definition, { level }).persistedSnapshot;
  let last: AppliedAction | null = null;
  for (const type of actions) {
    const result = applyAction(definition, snapshot, { type });
    if (!result.ok) throw new Error(`${type}: ${result.reason}`);
    snapshot = result.persistedSnapshot;
    last = result;
  }
  return { snapshot, last };
}

const TO_PROMULGATION = ['SUBMIT', 'ENDORSE', 'REQUEST_HARMONIZATION', 'RECORD_HARMONIZATION', 'PARAF', 'PARAF', 'SIGN'];

describe('workflow engine', () => {
  it('starts in draft with a JSON-serialisable snapshot and no effects', () => {
    const started = startWorkflow(regulationWorkflowV1, { level: 'PROVINCE' });
    expect(started.state).toBe('draft');
    expect(started.final).toBe(false);
    expect(started.effects).toEqual([]);
    expect(JSON.parse(JSON.stringify(started.persistedSnapshot))).toEqual(started.persistedSnapshot);
    expect(started.persistedSnapshot).toMatchObject({ status: 'active', value: 'draft', context: { level: 'PROVINCE' } });
  });

  it('returns the effects of SUBMIT: assignment of the next stage, then its deadline', () => {
    const result = applyAction(quickWinWorkflowV1, startWorkflow(quickWinWorkflowV1, { level: 'REGENCY' }).persistedSnapshot, { type: 'SUBMIT' });
    expect(result).toEqual({
      ok: true,
      persistedSnapshot: expect.objectContaining({ value: 'endorsement' }),
      fromState: 'draft',
      toState: 'endorsement',
      final: false,
      effects: [
        { type: 'notify', notification: 'ASSIGNED', to: 'stage-actors', stage: 'endorsement' },
        { type: 'stage-entered', stage: 'endorsement' },
      ],
    });
  });

  it('leaves and enters nested coordination stages with dotted names', () => {
    const { last } = drive(regulationWorkflowV1, 'PROVINCE', TO_PROMULGATION.slice(0, 5));
    expect(last).toMatchObject({ fromState: 'coordination.assistant', toState: 'coordination.secretary' });
    expect(last?.persistedSnapshot.value).toEqual({ coordination: 'secretary' });
    expect(last?.effects).toEqual([
      { type: 'stage-left', stage: 'coordination.assistant' },
      { type: 'notify', notification: 'ASSIGNED', to: 'stage-actors', stage: 'coordination.secretary' },
      { type: 'stage-entered', stage: 'coordination.secretary' },
    ]);
  });

  it('withdraws from inside coordination: only the stage is left', () => {
    const { snapshot } = drive(regulationWorkflowV1, 'PROVINCE', TO_PROMULGATION.slice(0, 5));
    expect(applyAction(regulationWorkflowV1, snapshot, { type: 'WITHDRAW' })).toMatchObject({
      ok: true,
      toState: 'withdrawn',
      final: true,
      effects: [{ type: 'stage-left', stage: 'coordination.secretary' }],
    });
  });

  it('assigns numbers on PROMULGATE', () => {
    const { snapshot } = drive(regulationWorkflowV1, 'PROVINCE', TO_PROMULGATION);
    const result = applyAction(regulationWorkflowV1, snapshot, { type: 'PROMULGATE' });
    expect(result).toMatchObject({ ok: true, fromState: 'promulgation', toState: 'promulgated' });
    expect(result.ok && result.effects).toEqual([
      { type: 'stage-left', stage: 'promulgation' },
      { type: 'assign-numbers' },
      { type: 'notify', notification: 'ASSIGNED', to: 'stage-actors', stage: 'promulgated' },
      { type: 'stage-entered', stage: 'promulgated' },
    ]);
  });

  it('notifies the creator on RETURN, APPROVE, REJECT and PUBLISH', () => {
    const returned = drive(quickWinWorkflowV1, 'CITY', ['SUBMIT', 'RETURN']).last;
    expect(returned?.effects).toEqual([
      { type: 'stage-left', stage: 'endorsement' },
      { type: 'notify', notification: 'RETURNED', to: 'creator', stage: 'revision' },
      { type: 'stage-entered', stage: 'revision' },
    ]);
    const approved = drive(quickWinWorkflowV1, 'CITY', ['SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE']).last;
    expect(approved?.effects).toContainEqual({ type: 'notify', notification: 'APPROVED', to: 'creator', stage: 'implementation' });
    const rejected = drive(quickWinWorkflowV1, 'CITY', ['SUBMIT', 'ENDORSE', 'VERIFY', 'REJECT']).last;
    expect(rejected?.effects).toEqual([
      { type: 'stage-left', stage: 'approval' },
      { type: 'notify', notification: 'REJECTED', to: 'creator', stage: null },
    ]);
    const published = drive(regulationWorkflowV1, 'PROVINCE', [...TO_PROMULGATION, 'PROMULGATE', 'PUBLISH']).last;
    expect(published).toMatchObject({ toState: 'published', final: true });
    expect(published?.effects).toEqual([
      { type: 'stage-left', stage: 'promulgated' },
      { type: 'notify', notification: 'PUBLISHED', to: 'creator', stage: null },
    ]);
  });

  it('restarts the implementation stage on each progress report', () => {
    const { last } = drive(quickWinWorkflowV1, 'PROVINCE', ['SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE', 'REPORT_PROGRESS']);
    expect(last?.effects).toEqual([
      { type: 'stage-left', stage: 'implementation' },
      { type: 'stage-entered', stage: 'implementation' },
    ]);
  });

  it('refuses an event the state cannot take, and an unknown event, with INVALID_TRANSITION', () => {
    const { snapshot } = drive(quickWinWorkflowV1, 'REGENCY', ['SUBMIT']);
    expect(applyAction(quickWinWorkflowV1, snapshot, { type: 'APPROVE' })).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      fromState: 'endorsement',
      reason: expect.any(String),
    });
    expect(applyAction(quickWinWorkflowV1, snapshot, { type: 'PARAF' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    expect(applyAction(quickWinWorkflowV1, snapshot, { type: 'xstate.init' })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('refuses everything in a final state', () => {
    const { snapshot } = drive(quickWinWorkflowV1, 'REGENCY', ['WITHDRAW']);
    expect(isFinalState(quickWinWorkflowV1, snapshot)).toBe(true);
    expect(availableEvents(quickWinWorkflowV1, snapshot)).toEqual([]);
    for (const type of quickWinWorkflowV1.actions) {
      expect(applyAction(quickWinWorkflowV1, snapshot, { type })).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
    }
  });

  it('lists the events the machine can take now, guards included', () => {
    const { snapshot } = drive(quickWinWorkflowV1, 'REGENCY', ['SUBMIT', 'ENDORSE', 'VERIFY', 'APPROVE']);
    expect(availableEvents(quickWinWorkflowV1, snapshot)).toEqual(['REPORT_PROGRESS']);
    const reported = applyAction(quickWinWorkflowV1, snapshot, { type: 'REPORT_PROGRESS' });
    expect(reported.ok && availableEvents(quickWinWorkflowV1, reported.persistedSnapshot)).toEqual(['REPORT_PROGRESS', 'COMPLETE']);
    expect(availableEvents(regulationWorkflowV1, drive(regulationWorkflowV1, 'CITY', ['SUBMIT']).snapshot)).toEqual(['ENDORSE', 'RETURN', 'WITHDRAW']);
  });

  it('answers isFinalState for dotted names', () => {
    expect(isFinalState(regulationWorkflowV1, 'published')).toBe(true);
    expect(isFinalState(regulationWorkflowV1, 'coordination.assistant')).toBe(false);
    expect(isFinalState(regulationWorkflowV1, 'coordination')).toBe(false);
    expect(isFinalState(quickWinWorkflowV1, 'rejected')).toBe(true);
  });

  it('throws WorkflowSnapshotError for a snapshot that does not fit the machine', () => {
    const bogus = { status: 'active', value: 'nowhere', context: {} } as PersistedWorkflowSnapshot;
    expect(() => applyAction(quickWinWorkflowV1, bogus, { type: 'SUBMIT' })).toThrow(WorkflowSnapshotError);
    const compound = { status: 'active', value: 'coordination', context: { level: 'PROVINCE' } } as PersistedWorkflowSnapshot;
    expect(() => availableEvents(regulationWorkflowV1, compound)).toThrow(WorkflowSnapshotError);
  });

  describe('properties', () => {
    const levels = fc.constantFrom<GovernmentLevel>('PROVINCE', 'REGENCY', 'CITY');
    for (const definition of [quickWinWorkflowV1, regulationWorkflowV1]) {
      const states = new Set(atomicStateNames(definition.machine));
      it(`${definition.kind}: random action sequences never crash and always land in a state of the machine`, () => {
        fc.assert(
          // Each step fires either any action (mostly refused) or one the machine can take (to get deep).
          fc.property(levels, fc.array(fc.tuple(fc.boolean(), fc.nat()), { maxLength: 40 }), (level, steps) => {
            const anyAction = [...definition.actions, 'BOGUS'];
            let snapshot = startWorkflow(definition, { level }).persistedSnapshot;
            for (const [pickValid, n] of steps) {
              const stored = JSON.parse(JSON.stringify(snapshot)) as PersistedWorkflowSnapshot;
              const before = availableEvents(definition, stored);
              const pool = pickValid && before.length > 0 ? before : anyAction;
              const type = pool[n % pool.length] as string;
              const result = applyAction(definition, stored, { type });
              expect(result.ok).toBe(before.includes(type as never));
              if (result.ok) {
                expect(states.has(result.toState)).toBe(true);
                expect(result.final).toBe(isFinalState(definition, result.toState));
                for (const effect of result.effects) {
                  if (effect.type === 'stage-entered') expect(effect.stage).toBe(result.toState);
                  if (effect.type === 'stage-left') expect(effect.stage).toBe(result.fromState);
                }
                snapshot = result.persistedSnapshot;
              } else {
                expect(result.code).toBe('INVALID_TRANSITION');
              }
            }
          }),
          { numRuns: 300 },
        );
      });
    }
  });
});
