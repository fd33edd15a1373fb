import { describe, expect, it } from '@jest/globals';
import { ESCALATION_SUPERIOR } from '../domain/escalation.util.js';
import { quickWinWorkflowV1, regulationWorkflowV1 } from '../registry/default-registry.js';
import { actionableStatesFor, escalationTargetsFor, stageActorsFor } from './stage-actors.util.js';

describe('stage actors', () => {
  it('names who may act in a stage, leaving out the creator-only WITHDRAW', () => {
    expect(stageActorsFor(quickWinWorkflowV1, 'endorsement')).toEqual([{ role: 'UNIT_HEAD', scope: 'unit', actions: ['ENDORSE', 'RETURN'] }]);
    expect(stageActorsFor(quickWinWorkflowV1, 'implementation')).toEqual([
      { role: 'DRAFTER', scope: 'unit', actions: ['REPORT_PROGRESS'] },
      { role: 'UNIT_HEAD', scope: 'unit', actions: ['COMPLETE'] },
    ]);
    expect(stageActorsFor(regulationWorkflowV1, 'facilitation')).toEqual([
      { role: 'LEGAL', scope: 'parent-province', actions: ['FACILITATE', 'RETURN'] },
    ]);
    expect(stageActorsFor(regulationWorkflowV1, 'coordination.secretary')).toEqual([
      { role: 'SECRETARY', scope: 'government', actions: ['PARAF', 'RETURN'] },
    ]);
    expect(stageActorsFor(regulationWorkflowV1, 'revision')).toEqual([{ role: 'DRAFTER', scope: 'unit', actions: ['RESUBMIT'] }]);
    expect(stageActorsFor(regulationWorkflowV1, 'published')).toEqual([]);
    expect(stageActorsFor(regulationWorkflowV1, 'nowhere')).toEqual([]);
  });

  it('escalates to the superiors of the domain', () => {
    expect(ESCALATION_SUPERIOR).toEqual({
      DRAFTER: 'UNIT_HEAD',
      UNIT_HEAD: 'SECRETARY',
      ORG_VERIFIER: 'SECRETARY',
      LEGAL: 'SECRETARY',
      ASSISTANT: 'SECRETARY',
      INSPECTOR: 'SECRETARY',
      SECRETARY: 'REGIONAL_HEAD',
      REGIONAL_HEAD: 'SECRETARY',
    });
    expect(escalationTargetsFor(quickWinWorkflowV1, 'revision')).toEqual([{ role: 'UNIT_HEAD', scope: 'unit', forRole: 'DRAFTER' }]);
    expect(escalationTargetsFor(quickWinWorkflowV1, 'implementation')).toEqual([
      { role: 'UNIT_HEAD', scope: 'unit', forRole: 'DRAFTER' },
      { role: 'SECRETARY', scope: 'government', forRole: 'UNIT_HEAD' },
    ]);
    expect(escalationTargetsFor(quickWinWorkflowV1, 'approval')).toEqual([{ role: 'REGIONAL_HEAD', scope: 'government', forRole: 'SECRETARY' }]);
    expect(escalationTargetsFor(regulationWorkflowV1, 'signature')).toEqual([{ role: 'SECRETARY', scope: 'government', forRole: 'REGIONAL_HEAD' }]);
    expect(escalationTargetsFor(regulationWorkflowV1, 'facilitation')).toEqual([{ role: 'SECRETARY', scope: 'parent-province', forRole: 'LEGAL' }]);
  });

  it('lists the states a role may act in (for task lists)', () => {
    expect(actionableStatesFor(regulationWorkflowV1, 'SECRETARY')).toEqual([
      { state: 'coordination.secretary', scope: 'government', actions: ['PARAF', 'RETURN'] },
      { state: 'promulgation', scope: 'government', actions: ['PROMULGATE'] },
    ]);
    expect(actionableStatesFor(regulationWorkflowV1, 'LEGAL').map((s) => [s.state, s.scope])).toEqual([
      ['legal_review', 'government'],
      ['harmonization', 'government'],
      ['facilitation', 'parent-province'],
      ['promulgated', 'government'],
    ]);
    expect(actionableStatesFor(quickWinWorkflowV1, 'DRAFTER').map((s) => s.state)).toEqual(['draft', 'revision', 'implementation']);
    expect(actionableStatesFor(quickWinWorkflowV1, 'ADMIN')).toEqual([]);
  });
});
