import { describe, expect, it } from '@jest/globals';
import { applyAction, startWorkflow } from '../engine/workflow-engine.js';
import type { PersistedWorkflowSnapshot, WorkflowEvent } from '../engine/workflow-engine.types.js';
import type { Role } from '../domain/role.types.js';
import { regulationWorkflowV2 } from '../registry/default-registry.js';
import { allowedActions, authorizeAction } from './action-policy.js';
import type { ActorFacts, DelegationGrant, DocumentFacts } from './policy.types.js';

const NOW = new Date('2026-03-02T02:00:00Z');
const HOUR = 3_600_000;
const UNITS = ['inspektorat', 'biro-organisasi', 'setda'];

function inAgencies(extra: WorkflowEvent[] = []): PersistedWorkflowSnapshot {
  let snapshot = startWorkflow(regulationWorkflowV2, { level: 'PROVINCE' }).persistedSnapshot;
  const events: WorkflowEvent[] = [
    { type: 'SUBMIT' },
    { type: 'ENDORSE' },
    { type: 'REQUEST_HARMONIZATION', data: { coordination: { units: UNITS, rule: { kind: 'ALL' } } } },
    { type: 'RECORD_HARMONIZATION' },
    ...extra,
  ];
  for (const event of events) {
    const result = applyAction(regulationWorkflowV2, snapshot, event);
    if (!result.ok) throw new Error(result.reason);
    snapshot = result.persistedSnapshot;
  }
  return snapshot;
}

const DOCUMENT: DocumentFacts = {
  kind: 'regulation',
  state: 'coordination.agencies',
  createdBy: 'kaltim.drafter',
  governmentCode: 'kaltim',
  governmentLevel: 'PROVINCE',
  parentGovernmentCode: null,
  unitCode: 'diskominfo',
  history: [],
};

const person = (username: string, unitCode: string, roles: Role[], delegations: DelegationGrant[] = [], governmentCode = 'kaltim'): ActorFacts => ({
  username,
  governmentCode,
  unitCode,
  roles,
  delegations,
});
const plh = (principal: string, unitCode: string): DelegationGrant => ({
  id: `d-${principal}`,
  role: 'UNIT_HEAD',
  principal: { username: principal, governmentCode: 'kaltim', unitCode },
  startsAt: new Date(NOW.getTime() - HOUR),
  endsAt: new Date(NOW.getTime() + HOUR),
  revokedAt: null,
});

const inspektur = person('kaltim.kepala-inspektorat', 'inspektorat', ['UNIT_HEAD']);

describe('who answers in coordination.agencies', () => {
  it('the head of a named OPD initials for their unit; their Plh initials on their behalf', () => {
    const snapshot = inAgencies();
    expect(authorizeAction(regulationWorkflowV2, snapshot, DOCUMENT, inspektur, 'PARAF', NOW)).toEqual({
      allowed: true,
      role: 'UNIT_HEAD',
      onBehalfOf: null,
      delegationId: null,
      participant: 'inspektorat',
    });
    const deputy = person('kaltim.sekretaris-setda', 'setda', [], [plh('kaltim.kepala-setda', 'setda')]);
    expect(authorizeAction(regulationWorkflowV2, snapshot, DOCUMENT, deputy, 'RETURN', NOW)).toMatchObject({
      allowed: true,
      onBehalfOf: 'kaltim.kepala-setda',
      participant: 'setda',
    });
  });

  it('the head of an OPD not named, of the drafting unit, or of another government may not (403)', () => {
    const snapshot = inAgencies();
    for (const outsider of [
      person('kaltim.kadis', 'diskominfo', ['UNIT_HEAD']),
      person('kaltim.kepala-biro-hukum', 'biro-hukum', ['UNIT_HEAD']),
      person('paser.kepala-inspektorat', 'inspektorat', ['UNIT_HEAD'], [], 'paser'),
      person('kaltim.inspektur', 'inspektorat', ['INSPECTOR']),
    ]) {
      expect(authorizeAction(regulationWorkflowV2, snapshot, DOCUMENT, outsider, 'PARAF', NOW)).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
      expect(allowedActions(regulationWorkflowV2, snapshot, DOCUMENT, outsider, NOW)).toEqual([]);
    }
  });

  it('offers PARAF and RETURN only to a participant who has not answered (409 for a second answer)', () => {
    expect(allowedActions(regulationWorkflowV2, inAgencies(), DOCUMENT, inspektur, NOW)).toEqual(['PARAF', 'RETURN']);
    const answered = inAgencies([{ type: 'PARAF', participant: 'inspektorat' }]);
    expect(allowedActions(regulationWorkflowV2, answered, DOCUMENT, inspektur, NOW)).toEqual([]);
    expect(authorizeAction(regulationWorkflowV2, answered, DOCUMENT, inspektur, 'PARAF', NOW)).toMatchObject({ allowed: false, code: 'INVALID_TRANSITION' });
    const setda = person('kaltim.kepala-setda', 'setda', ['UNIT_HEAD']);
    expect(allowedActions(regulationWorkflowV2, answered, DOCUMENT, setda, NOW)).toEqual(['PARAF', 'RETURN']);
  });

  it('a head who is also Plh of another named OPD answers for their own unit first, then for the other', () => {
    const both = person('kaltim.kepala-inspektorat', 'inspektorat', ['UNIT_HEAD'], [plh('kaltim.kepala-setda', 'setda')]);
    expect(authorizeAction(regulationWorkflowV2, inAgencies(), DOCUMENT, both, 'PARAF', NOW)).toMatchObject({ participant: 'inspektorat', onBehalfOf: null });
    const answered = inAgencies([{ type: 'PARAF', participant: 'inspektorat' }]);
    expect(authorizeAction(regulationWorkflowV2, answered, DOCUMENT, both, 'PARAF', NOW)).toMatchObject({ participant: 'setda', onBehalfOf: 'kaltim.kepala-setda' });
  });

  it('the creator may not initial, not even as the Plh of a named OPD\'s head (SEPARATION_OF_DUTIES)', () => {
    const creator = person('kaltim.drafter', 'diskominfo', ['DRAFTER'], [plh('kaltim.kepala-inspektorat', 'inspektorat')]);
    expect(authorizeAction(regulationWorkflowV2, inAgencies(), DOCUMENT, creator, 'PARAF', NOW)).toMatchObject({ allowed: false, code: 'SEPARATION_OF_DUTIES' });
    const creatorAsHead = person('kaltim.kepala-inspektorat', 'inspektorat', ['UNIT_HEAD']);
    expect(
      authorizeAction(regulationWorkflowV2, inAgencies(), { ...DOCUMENT, createdBy: 'kaltim.kepala-inspektorat' }, creatorAsHead, 'PARAF', NOW),
    ).toMatchObject({ allowed: false, code: 'SEPARATION_OF_DUTIES' });
  });

  it('an initial in the stage counts as UNIT_HEAD among the approving stages: the same person never initials also for another role', () => {
    // kaltim.hukum recorded the harmonisation as LEGAL, and is Plh of a named OPD's head
    const legal = person('kaltim.hukum', 'biro-hukum', ['LEGAL'], [plh('kaltim.kepala-inspektorat', 'inspektorat')]);
    const harmonised = { ...DOCUMENT, history: [{ action: 'RECORD_HARMONIZATION', fromState: 'harmonization', actor: 'kaltim.hukum', onBehalfOf: null }] };
    expect(authorizeAction(regulationWorkflowV2, inAgencies(), harmonised, legal, 'PARAF', NOW)).toMatchObject({ allowed: false, code: 'SEPARATION_OF_DUTIES' });
    expect(authorizeAction(regulationWorkflowV2, inAgencies(), DOCUMENT, legal, 'PARAF', NOW)).toMatchObject({ allowed: true, onBehalfOf: 'kaltim.kepala-inspektorat' });
    // RETURN is no approving act: it stays open to them
    expect(authorizeAction(regulationWorkflowV2, inAgencies(), harmonised, legal, 'RETURN', NOW)).toMatchObject({ allowed: true });
    // and a head who initialled for an OPD may not initial again later as the Asisten's Plh
    const done = inAgencies(UNITS.map((participant) => ({ type: 'PARAF', participant })));
    const initialled = {
      ...DOCUMENT,
      state: 'coordination.assistant',
      history: [{ action: 'PARAF', fromState: 'coordination.agencies', actor: 'kaltim.kepala-inspektorat', onBehalfOf: null }],
    };
    const asPlh = person('kaltim.kepala-inspektorat', 'inspektorat', ['UNIT_HEAD'], [
      { ...plh('kaltim.asisten', 'setda'), role: 'ASSISTANT', principal: { username: 'kaltim.asisten', governmentCode: 'kaltim', unitCode: 'setda' } },
    ]);
    expect(authorizeAction(regulationWorkflowV2, done, initialled, asPlh, 'PARAF', NOW)).toMatchObject({ allowed: false, code: 'SEPARATION_OF_DUTIES' });
  });

  it('nobody may answer once the stage is left, and a head never sees PARAF of the Asisten stage', () => {
    const done = inAgencies(UNITS.map((participant) => ({ type: 'PARAF', participant })));
    expect(authorizeAction(regulationWorkflowV2, done, { ...DOCUMENT, state: 'coordination.assistant' }, inspektur, 'PARAF', NOW)).toMatchObject({
      allowed: false,
      code: 'FORBIDDEN',
    });
    const asisten = person('kaltim.asisten', 'setda', ['ASSISTANT']);
    expect(allowedActions(regulationWorkflowV2, done, { ...DOCUMENT, state: 'coordination.assistant' }, asisten, NOW)).toEqual(['PARAF', 'RETURN']);
  });
});
