import { describe, expect, it } from '@jest/globals';
import type { Role } from '../domain/role.types.js';
import { persistSnapshot } from '../engine/snapshot.util.js';
import type { PersistedWorkflowSnapshot } from '../engine/workflow-engine.types.js';
import { atomicStateNames, stateFromString } from '../machines/state-node.util.js';
import { createDefaultRegistry, quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2 } from '../registry/default-registry.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import { allowedActions } from './action-policy.js';
import type { ActorFacts, DocumentFacts } from './policy.types.js';
import { machineOffersTask, taskScopesOf } from './task-scope.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const registry = createDefaultRegistry();
const actor = (roles: Role[]): ActorFacts => ({ username: 'paser.x', governmentCode: 'paser', unitCode: 'diskominfo', roles, delegations: [] });
const unitScope = (roles: Role[]) => taskScopesOf(actor(roles), registry, NOW).find((s) => s.unitCode === 'diskominfo');

describe('taskScopesOf: the states where every action waits on a condition of the document', () => {
  it("are the Kepala OPD's implementation (COMPLETE needs a progress report), not the stages it endorses", () => {
    const scope = unitScope(['UNIT_HEAD']);
    expect(scope?.states).toEqual(expect.arrayContaining(['endorsement', 'implementation']));
    expect(scope?.conditionalStates).toContain('implementation');
    expect(scope?.conditionalStates).not.toContain('endorsement');
  });

  it('are none where another role of the same person acts without a condition (a drafter reports progress)', () => {
    expect(unitScope(['UNIT_HEAD', 'DRAFTER'])?.conditionalStates).not.toContain('implementation');
    expect(unitScope(['DRAFTER'])?.conditionalStates).toEqual([]);
  });

  it('leave out a stage whose conditional action sits beside an unconditional one (RECORD_HARMONIZATION beside RETURN)', () => {
    const legal = taskScopesOf(actor(['LEGAL']), registry, NOW).find((s) => s.unitCode === null && !s.children);
    expect(legal?.states).toContain('harmonization');
    expect(legal?.conditionalStates).not.toContain('harmonization');
  });
});

describe('machineOffersTask: refuses only what allowedActions refuses too', () => {
  const NOW2 = new Date('2026-03-02T02:00:00.000Z');
  const person = (username: string, governmentCode: string, unitCode: string, roles: Role[]): ActorFacts => ({ username, governmentCode, unitCode, roles, delegations: [] });
  const PEOPLE = [
    person('paser.drafter2', 'paser', 'diskominfo', ['DRAFTER']),
    person('paser.kadis', 'paser', 'diskominfo', ['UNIT_HEAD']),
    person('paser.organisasi', 'paser', 'bagian-organisasi', ['ORG_VERIFIER']),
    person('paser.hukum', 'paser', 'bagian-hukum', ['LEGAL']),
    person('kaltim.hukum', 'kaltim', 'biro-hukum', ['LEGAL']),
    person('paser.sekda', 'paser', 'setda', ['SECRETARY', 'ASSISTANT']),
    person('paser.inspektur', 'paser', 'inspektorat', ['INSPECTOR']),
    person('paser.kepala', 'paser', 'setda', ['REGIONAL_HEAD']),
  ];
  const snapshotAt = (definition: WorkflowDefinition, state: string, progressReports: number): PersistedWorkflowSnapshot => {
    const context = definition.kind === 'quick-win' ? { level: 'REGENCY', progressReports } : { level: 'REGENCY', coordination: null };
    return persistSnapshot(definition.machine, definition.machine.resolveState({ value: stateFromString(state), context }));
  };
  const documentAt = (kind: DocumentFacts['kind'], state: string): DocumentFacts => ({
    kind,
    state,
    createdBy: 'paser.drafter',
    governmentCode: 'paser',
    governmentLevel: 'REGENCY',
    parentGovernmentCode: 'kaltim',
    unitCode: 'diskominfo',
    history: [],
  });

  it('in every state of every workflow, for every role: whenever someone may act (but withdraw), the machine offers it', () => {
    let offered = 0;
    let refused = 0;
    for (const definition of [quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2]) {
      for (const state of atomicStateNames(definition.machine)) {
        for (const progressReports of definition.kind === 'quick-win' ? [0, 1] : [0]) {
          const snapshot = snapshotAt(definition, state, progressReports);
          for (const who of PEOPLE) {
            const actions = allowedActions(definition, snapshot, documentAt(definition.kind, state), who, NOW2).filter((a) => a !== 'WITHDRAW');
            const offers = machineOffersTask(definition, snapshot, new Set(who.roles));
            if (actions.length > 0) expect({ kind: definition.kind, state, who: who.username, offers }).toEqual({ kind: definition.kind, state, who: who.username, offers: true });
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
    const head = new Set<Role>(['UNIT_HEAD']);
    expect(machineOffersTask(quickWinWorkflowV1, snapshotAt(quickWinWorkflowV1, 'implementation', 0), head)).toBe(false);
    expect(machineOffersTask(quickWinWorkflowV1, snapshotAt(quickWinWorkflowV1, 'implementation', 1), head)).toBe(true);
    // its drafter reports progress whatever the count; nobody acts on a final state
    expect(machineOffersTask(quickWinWorkflowV1, snapshotAt(quickWinWorkflowV1, 'implementation', 0), new Set<Role>(['DRAFTER']))).toBe(true);
    expect(machineOffersTask(quickWinWorkflowV1, snapshotAt(quickWinWorkflowV1, 'completed', 1), new Set<Role>(['DRAFTER', 'UNIT_HEAD', 'INSPECTOR']))).toBe(false);
  });
});
