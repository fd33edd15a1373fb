import { describe, expect, it } from '@jest/globals';
import { QUICK_WIN_SLA_STAGES, REGULATION_SLA_STAGES } from '../deadlines/default-sla.js';
import { quickWinMachine } from './quick-win.machine.js';
import { regulationMachine } from './regulation.machine.js';
import { regulationMachineV2 } from './regulation-v2.machine.js';
import { atomicStateNames, stageNames, stateMetaOf } from './state-node.util.js';
import { COMMENT_REQUIRED_ACTIONS, SEPARATION_OF_DUTIES_ACTIONS, WorkflowAction } from './workflow-action.types.js';

const SOD_TRUE = [
  'ENDORSE', 'VERIFY', 'APPROVE', 'REJECT', 'COMPLETE', 'EVALUATE', 'REQUEST_HARMONIZATION',
  'RECORD_HARMONIZATION', 'FACILITATE', 'PARAF', 'SIGN', 'PROMULGATE', 'PUBLISH',
];
const SOD_FALSE = ['SUBMIT', 'RESUBMIT', 'WITHDRAW', 'REPORT_PROGRESS', 'RETURN'];

describe('workflow state meta', () => {
  it('names the SLA stage of every waiting state (dotted for coordination), none for draft and final states', () => {
    const stagesByState = (machine: typeof quickWinMachine | typeof regulationMachine) =>
      Object.fromEntries(atomicStateNames(machine).map((state) => [state, stateMetaOf(machine, state)?.stage]));
    expect(stagesByState(quickWinMachine)).toEqual({
      draft: null,
      endorsement: 'endorsement',
      verification: 'verification',
      approval: 'approval',
      revision: 'revision',
      implementation: 'implementation',
      evaluation: 'evaluation',
      completed: null,
      rejected: null,
      withdrawn: null,
    });
    expect(stagesByState(regulationMachine)).toEqual({
      draft: null,
      endorsement: 'endorsement',
      legal_review: 'legal_review',
      harmonization: 'harmonization',
      facilitation: 'facilitation',
      'coordination.assistant': 'coordination.assistant',
      'coordination.secretary': 'coordination.secretary',
      signature: 'signature',
      promulgation: 'promulgation',
      promulgated: 'promulgated',
      revision: 'revision',
      published: null,
      withdrawn: null,
    });
  });

  it('has the same stages as the SLA defaults', () => {
    expect([...stageNames(quickWinMachine)].sort()).toEqual([...QUICK_WIN_SLA_STAGES].sort());
    expect([...stageNames(regulationMachineV2)].sort()).toEqual([...REGULATION_SLA_STAGES].sort());
    expect([...stageNames(regulationMachine), 'coordination.agencies'].sort()).toEqual([...REGULATION_SLA_STAGES].sort());
  });

  it('flags separation of duties and required comments per action as the domain says', () => {
    expect([...SEPARATION_OF_DUTIES_ACTIONS].sort()).toEqual([...SOD_TRUE].sort());
    expect([...COMMENT_REQUIRED_ACTIONS].sort()).toEqual(['REJECT', 'RETURN']);
    expect([...SOD_TRUE, ...SOD_FALSE].sort()).toEqual(Object.values(WorkflowAction).sort());
    for (const machine of [quickWinMachine, regulationMachine]) {
      for (const state of atomicStateNames(machine)) {
        for (const [action, rule] of Object.entries(stateMetaOf(machine, state)?.actions ?? {})) {
          expect({ state, action, sod: rule?.separationOfDuties }).toEqual({ state, action, sod: SOD_TRUE.includes(action) });
          expect({ state, action, comment: rule?.commentRequired }).toEqual({ state, action, comment: action === 'RETURN' || action === 'REJECT' });
        }
      }
    }
  });

  it('enters and leaves each waiting stage through named, parameterised actions', () => {
    const assistant = regulationMachine.root.states['coordination']?.states['assistant'];
    expect(assistant?.entry.map((action) => ({ type: (action as { type: string }).type, params: (action as { params: unknown }).params }))).toEqual([
      { type: 'enterStage', params: { stage: 'coordination.assistant' } },
    ]);
    expect(assistant?.exit.map((action) => ({ type: (action as { type: string }).type, params: (action as { params: unknown }).params }))).toEqual([
      { type: 'leaveStage', params: { stage: 'coordination.assistant' } },
    ]);
    expect(quickWinMachine.root.states['draft']?.entry).toEqual([]);
  });
});
