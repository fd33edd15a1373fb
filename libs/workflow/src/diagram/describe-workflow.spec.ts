import { describe, expect, it } from '@jest/globals';
import { quickWinWorkflowV1, regulationWorkflowV1, regulationWorkflowV2 } from '../registry/default-registry.js';
import { describeWorkflow } from './describe-workflow.js';

describe('describeWorkflow', () => {
  it('describes the regulation states with stage, actions, roles, scope and targets', () => {
    const description = describeWorkflow(regulationWorkflowV1);
    expect(description).toMatchObject({ kind: 'regulation', version: 1, initial: 'draft' });
    expect(description.states.map((s) => s.name)).toEqual([
      'draft', 'endorsement', 'legal_review', 'harmonization', 'facilitation', 'coordination.assistant',
      'coordination.secretary', 'signature', 'promulgation', 'promulgated', 'revision', 'published', 'withdrawn',
    ]);
    const harmonization = description.states.find((s) => s.name === 'harmonization');
    expect(harmonization?.actions.find((a) => a.action === 'RECORD_HARMONIZATION')).toEqual({
      action: 'RECORD_HARMONIZATION',
      roles: ['LEGAL'],
      scope: 'government',
      separationOfDuties: true,
      commentRequired: false,
      target: null,
      targets: [
        { state: 'coordination.assistant', guard: 'isProvince' },
        { state: 'facilitation', guard: 'isRegencyOrCity' },
      ],
    });
    const secretary = description.states.find((s) => s.name === 'coordination.secretary');
    expect(secretary).toMatchObject({ final: false, stage: 'coordination.secretary' });
    expect(secretary?.actions.map((a) => [a.action, a.target])).toEqual([
      ['PARAF', 'signature'],
      ['RETURN', 'revision'],
      ['WITHDRAW', 'withdrawn'],
    ]);
    expect(description.states.find((s) => s.name === 'facilitation')?.actions[0]).toMatchObject({
      action: 'FACILITATE',
      scope: 'parent-province',
      target: 'coordination.assistant',
    });
    expect(description.states.find((s) => s.name === 'published')).toEqual({
      name: 'published',
      final: true,
      stage: null,
      actions: [],
      multiInstance: false,
      eventless: [],
    });
  });

  it('describes regulation v2\'s parallel stage: OPDs concerned answer, the completion rule decides where it goes', () => {
    const agencies = describeWorkflow(regulationWorkflowV2).states.find((s) => s.name === 'coordination.agencies');
    expect(agencies).toMatchObject({ stage: 'coordination.agencies', multiInstance: true });
    expect(agencies?.actions.map((a) => [a.action, a.roles, a.scope])).toEqual([
      ['PARAF', ['UNIT_HEAD'], 'participant'],
      ['RETURN', ['UNIT_HEAD'], 'participant'],
      ['WITHDRAW', ['DRAFTER'], 'creator'],
    ]);
    expect(agencies?.eventless).toEqual([
      { state: 'revision', guard: 'participantReturned' },
      { state: 'coordination.assistant', guard: 'ruleMet' },
      { state: 'revision', guard: 'ruleUnreachable' },
    ]);
  });

  it('lists every action with the states where it can be fired', () => {
    const description = describeWorkflow(quickWinWorkflowV1);
    expect(description.actions.map((a) => a.action)).toEqual([...quickWinWorkflowV1.actions]);
    expect(description.actions.find((a) => a.action === 'RETURN')).toEqual({
      action: 'RETURN',
      separationOfDuties: false,
      commentRequired: true,
      states: ['endorsement', 'verification', 'approval', 'evaluation'],
    });
    expect(description.actions.find((a) => a.action === 'WITHDRAW')?.states).toEqual(['draft', 'endorsement', 'verification', 'revision']);
    expect(description.states.find((s) => s.name === 'implementation')?.actions.find((a) => a.action === 'COMPLETE')?.targets).toEqual([
      { state: 'evaluation', guard: 'hasProgressReport' },
    ]);
  });

  it('is JSON-serialisable as is', () => {
    const description = describeWorkflow(regulationWorkflowV1);
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
  });
});
