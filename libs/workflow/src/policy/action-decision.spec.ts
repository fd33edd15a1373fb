import { describe, expect, it, jest } from '@jest/globals';
import type { Role } from '../domain/role.types.js';
import { persistSnapshot } from '../engine/snapshot.util.js';
import { applyAction } from '../engine/workflow-engine.js';
import type { PersistedWorkflowSnapshot } from '../engine/workflow-engine.types.js';
import { atomicStateNames, stateFromString } from '../machines/state-node.util.js';
import { quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2 } from '../registry/default-registry.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import { decideAction, restoreInstance } from './action-decision.js';
import { allowedActions, authorizeAction } from './action-policy.js';
import type { ActorFacts, DocumentFacts } from './policy.types.js';
import { offeredToAnyOf, rolesOfferedTask } from './offered-roles.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');

function doc(kind: DocumentFacts['kind'], state: string): DocumentFacts {
  return {
    kind,
    state,
    createdBy: 'paser.drafter',
    governmentCode: 'paser',
    governmentLevel: 'REGENCY',
    parentGovernmentCode: 'kaltim',
    unitCode: 'diskominfo',
    history: [],
  };
}

function snapshotAt(definition: WorkflowDefinition, state: string, progressReports: number): PersistedWorkflowSnapshot {
  const context = definition.kind === 'quick-win' ? { level: 'REGENCY', progressReports } : { level: 'REGENCY', coordination: null };
  return persistSnapshot(definition.machine, definition.machine.resolveState({ value: stateFromString(state), context }));
}

const actor = (username: string, governmentCode: string, unitCode: string, roles: Role[]): ActorFacts => ({ username, governmentCode, unitCode, roles, delegations: [] });

const ACTORS: ActorFacts[] = [
  actor('paser.drafter', 'paser', 'diskominfo', ['DRAFTER']),
  actor('paser.drafter2', 'paser', 'diskominfo', ['DRAFTER']),
  actor('paser.kadis', 'paser', 'diskominfo', ['UNIT_HEAD']),
  actor('paser.organisasi', 'paser', 'bagian-organisasi', ['ORG_VERIFIER']),
  actor('paser.hukum', 'paser', 'bagian-hukum', ['LEGAL']),
  actor('kaltim.hukum', 'kaltim', 'biro-hukum', ['LEGAL']),
  actor('paser.sekda', 'paser', 'setda', ['SECRETARY', 'ASSISTANT']),
  actor('paser.inspektur', 'paser', 'inspektorat', ['INSPECTOR']),
  actor('paser.kepala', 'paser', 'setda', ['REGIONAL_HEAD']),
];

describe('decideAction: one restore answers known, allowed, possible, the transition and what follows', () => {
  for (const definition of [quickWinWorkflowV1, regulationWorkflowV1]) {
    it(`agrees with authorizeAction, applyAction and allowedActions in every state of ${definition.kind}`, () => {
      let applied = 0;
      for (const state of atomicStateNames(definition.machine)) {
        for (const progressReports of definition.kind === 'quick-win' ? [0, 1] : [0]) {
          const snapshot = snapshotAt(definition, state, progressReports);
          const document = doc(definition.kind, state);
          for (const who of ACTORS) {
            for (const action of [...definition.actions, 'NOT_AN_ACTION']) {
              const outcome = decideAction(restoreInstance(definition, snapshot), { document, actor: who, action, now: NOW, event: () => ({ type: action }) });
              if (!(definition.actions as readonly string[]).includes(action)) {
                expect(outcome.outcome).toBe('unknown');
                continue;
              }
              const decision = authorizeAction(definition, snapshot, document, who, action, NOW);
              if (!decision.allowed) {
                expect(outcome).toEqual({ outcome: 'refused', code: decision.code, reason: decision.reason });
                continue;
              }
              const result = applyAction(definition, snapshot, { type: action });
              if (!result.ok) {
                expect(outcome).toEqual({ outcome: 'refused', code: 'INVALID_TRANSITION', reason: result.reason });
                continue;
              }
              if (outcome.outcome !== 'applied') throw new Error(`${definition.kind} ${state} ${action}: expected applied, got ${outcome.outcome}`);
              applied += 1;
              expect(outcome.decision).toEqual(decision);
              expect(outcome.result).toEqual(result);
              const after: DocumentFacts = {
                ...document,
                state: result.toState,
                history: [...document.history, { action, fromState: result.fromState, actor: who.username, onBehalfOf: decision.onBehalfOf }],
              };
              for (const next of ACTORS) {
                expect(outcome.next.allowedActions(after, next, NOW)).toEqual(allowedActions(definition, result.persistedSnapshot, after, next, NOW));
              }
            }
          }
        }
      }
      expect(applied).toBeGreaterThan(5);
    });
  }

  it('restores the snapshot once for the whole decision and the next allowedActions', () => {
    const definition = quickWinWorkflowV1;
    const snapshot = snapshotAt(definition, 'endorsement', 0);
    const spy = jest.spyOn(definition.machine, 'resolveState');
    try {
      const instance = restoreInstance(definition, snapshot);
      const kadis = ACTORS[2]!;
      const outcome = decideAction(instance, { document: doc('quick-win', 'endorsement'), actor: kadis, action: 'ENDORSE', now: NOW, event: () => ({ type: 'ENDORSE' }) });
      expect(outcome.outcome).toBe('applied');
      if (outcome.outcome === 'applied') outcome.next.allowedActions(doc('quick-win', outcome.result.toState), ACTORS[3]!, NOW);
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it("asks the document's own refusal after the policy allowed the action, before the transition", () => {
    const definition = quickWinWorkflowV1;
    const instance = restoreInstance(definition, snapshotAt(definition, 'implementation', 1));
    const document = doc('quick-win', 'implementation');
    const refuse = () => ({ code: 'PROGRESS_REPORT_EXISTS' as const, reason: 'already reported' });
    // the drafter may not COMPLETE (policy first)
    expect(decideAction(instance, { document, actor: ACTORS[0]!, action: 'COMPLETE', now: NOW, event: () => ({ type: 'COMPLETE' }), refuse })).toMatchObject({ outcome: 'refused', code: 'FORBIDDEN' });
    // the unit head may, unless the document's own rules refuse
    expect(decideAction(instance, { document, actor: ACTORS[2]!, action: 'COMPLETE', now: NOW, event: () => ({ type: 'COMPLETE' }), refuse })).toMatchObject({ outcome: 'refused', code: 'PROGRESS_REPORT_EXISTS' });
    expect(decideAction(instance, { document, actor: ACTORS[2]!, action: 'COMPLETE', now: NOW, event: () => ({ type: 'COMPLETE' }) })).toMatchObject({ outcome: 'applied', result: { toState: 'evaluation' } });
  });
});

describe('rolesOfferedTask: leaves out only what allowedActions refuses too', () => {
  it('in every state of every workflow, for every person: whenever they may act (but withdraw), the machine offers it', () => {
    let offered = 0;
    let refused = 0;
    for (const definition of [quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2]) {
      for (const state of atomicStateNames(definition.machine)) {
        for (const progressReports of definition.kind === 'quick-win' ? [0, 1] : [0]) {
          const snapshot = snapshotAt(definition, state, progressReports);
          for (const who of ACTORS) {
            const actions = allowedActions(definition, snapshot, doc(definition.kind, state), who, NOW).filter((a) => a !== 'WITHDRAW');
            const offers = offeredToAnyOf(rolesOfferedTask(definition, snapshot), new Set(who.roles));
            if (actions.length > 0) expect({ kind: definition.kind, version: definition.version, state, who: who.username, offers }).toMatchObject({ offers: true });
            if (offers) offered += 1;
            else refused += 1;
          }
        }
      }
    }
    expect(offered).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(100);
  });

  it("refuses the Kepala OPD's Quick Win in implementation before its first progress report, and offers it after", () => {
    // the Kepala OPD's COMPLETE waits on a report, its drafter reports progress whatever the count; nobody acts on a final state
    expect(rolesOfferedTask(quickWinWorkflowV1, snapshotAt(quickWinWorkflowV1, 'implementation', 0))).toEqual(['DRAFTER']);
    expect(rolesOfferedTask(quickWinWorkflowV1, snapshotAt(quickWinWorkflowV1, 'implementation', 1))).toEqual(['DRAFTER', 'UNIT_HEAD']);
    expect(restoreInstance(quickWinWorkflowV1, snapshotAt(quickWinWorkflowV1, 'implementation', 1)).rolesOfferedTask()).toEqual(['DRAFTER', 'UNIT_HEAD']);
    expect(rolesOfferedTask(quickWinWorkflowV1, snapshotAt(quickWinWorkflowV1, 'completed', 1))).toEqual([]);
  });
});
