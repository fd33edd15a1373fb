import { describe, expect, it } from '@jest/globals';
import type { Role } from '../domain/role.types.js';
import { quickWinWorkflowV1 } from '../registry/default-registry.js';
import { authorizeAction } from './action-policy.js';
import { decideCreate, decideEdit } from './authoring-policy.js';
import type { ActorFacts, DelegationGrant, DocumentFacts } from './policy.types.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const HOUR = 3_600_000;

function person(username: string, roles: Role[], unitCode = 'diskominfo', delegations: DelegationGrant[] = []): ActorFacts {
  return { username, governmentCode: 'paser', unitCode, roles, delegations };
}

function drafterGrant(window: { startsAt?: Date; endsAt?: Date; revokedAt?: Date | null } = {}, unitCode = 'diskominfo'): DelegationGrant {
  return {
    id: `d-${unitCode}`,
    role: 'DRAFTER',
    principal: { username: `paser.drafter-${unitCode}`, governmentCode: 'paser', unitCode },
    startsAt: window.startsAt ?? new Date(NOW.getTime() - HOUR),
    endsAt: window.endsAt ?? new Date(NOW.getTime() + HOUR),
    revokedAt: window.revokedAt ?? null,
  };
}

const drafter = person('paser.drafter', ['DRAFTER']);
const kadis = person('paser.kadis', ['UNIT_HEAD']);
const document = { state: 'draft', governmentCode: 'paser', unitCode: 'diskominfo' };
/** A person of another unit with no DRAFTER role, the Plh of diskominfo's drafter. */
const delegate = person('paser.plh', [], 'setda', [drafterGrant()]);
const asPrincipal = { allowed: true, as: { username: 'paser.drafter-diskominfo', governmentCode: 'paser', unitCode: 'diskominfo' }, onBehalfOf: 'paser.drafter-diskominfo', delegationId: 'd-diskominfo' };

describe('authoring policy: who may create', () => {
  it('lets a DRAFTER create documents of their own unit only, in their own name', () => {
    const own = { allowed: true, as: { username: 'paser.drafter', governmentCode: 'paser', unitCode: 'diskominfo' }, onBehalfOf: null, delegationId: null };
    expect(decideCreate(drafter, NOW)).toEqual(own);
    expect(decideCreate(drafter, NOW, 'diskominfo')).toEqual(own);
    expect(decideCreate(drafter, NOW, 'bappeda')).toEqual({
      allowed: false,
      code: 'FORBIDDEN',
      reason: 'A drafter creates documents of their own unit (diskominfo), not of bappeda',
    });
    expect(decideCreate(kadis, NOW)).toEqual({ allowed: false, code: 'FORBIDDEN', reason: 'Only a DRAFTER (pemrakarsa) creates documents' });
  });

  it("lets the delegate of a drafter create documents of the principal's unit as the principal, inside the window only", () => {
    expect(decideCreate(delegate, NOW)).toEqual(asPrincipal);
    expect(decideCreate(delegate, NOW, 'diskominfo')).toEqual(asPrincipal);
    expect(decideCreate(delegate, NOW, 'setda')).toMatchObject({ allowed: false, code: 'FORBIDDEN', reason: 'A drafter creates documents of their own unit (diskominfo), not of setda' });
    for (const window of [{ revokedAt: NOW }, { endsAt: NOW }, { startsAt: new Date(NOW.getTime() + 1) }]) {
      expect(decideCreate(person('paser.plh', [], 'setda', [drafterGrant(window)]), NOW, 'diskominfo')).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    }
  });

  it('takes only a delegation of the DRAFTER role: a Plh of the Kepala OPD does not author', () => {
    const headsPlh = person('paser.plh', [], 'setda', [{ ...drafterGrant(), role: 'UNIT_HEAD' }]);
    expect(decideCreate(headsPlh, NOW, 'diskominfo')).toEqual({ allowed: false, code: 'FORBIDDEN', reason: 'Only a DRAFTER (pemrakarsa) creates documents' });
  });

  it("prefers the actor's own DRAFTER role, and picks the delegation whose unit is named", () => {
    const both = person('paser.drafter', ['DRAFTER'], 'setda', [drafterGrant()]);
    expect(decideCreate(both, NOW)).toMatchObject({ allowed: true, onBehalfOf: null, as: { unitCode: 'setda' } });
    expect(decideCreate(both, NOW, 'setda')).toMatchObject({ allowed: true, onBehalfOf: null });
    expect(decideCreate(both, NOW, 'diskominfo')).toEqual(asPrincipal);
    expect(decideCreate(both, NOW, 'bappeda')).toMatchObject({ reason: 'A drafter creates documents of their own unit (setda, diskominfo), not of bappeda' });
  });
});

describe('authoring policy: who may edit', () => {
  it('lets a DRAFTER of the unit edit in draft or revision; the state is asked first', () => {
    expect(decideEdit(drafter, NOW, document)).toMatchObject({ allowed: true, onBehalfOf: null });
    expect(decideEdit(drafter, NOW, { ...document, state: 'revision' })).toMatchObject({ allowed: true });
    expect(decideEdit(drafter, NOW, { ...document, state: 'endorsement' })).toMatchObject({ allowed: false, code: 'NOT_EDITABLE' });
    expect(decideEdit(kadis, NOW, { ...document, state: 'endorsement' })).toMatchObject({ code: 'NOT_EDITABLE' });
    expect(decideEdit(kadis, NOW, document)).toEqual({ allowed: false, code: 'FORBIDDEN', reason: 'Only a DRAFTER of diskominfo edits this document' });
    expect(decideEdit(drafter, NOW, { ...document, unitCode: 'bappeda' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(decideEdit(drafter, NOW, { ...document, governmentCode: 'berau' })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("lets the delegate of a drafter of the unit edit as the principal, inside the window only, in draft or revision only", () => {
    expect(decideEdit(delegate, NOW, document)).toEqual(asPrincipal);
    expect(decideEdit(delegate, NOW, { ...document, state: 'revision' })).toEqual(asPrincipal);
    expect(decideEdit(delegate, NOW, { ...document, state: 'endorsement' })).toMatchObject({ code: 'NOT_EDITABLE' });
    expect(decideEdit(delegate, NOW, { ...document, unitCode: 'bappeda' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(decideEdit(delegate, NOW, { ...document, governmentCode: 'berau' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(decideEdit(person('paser.plh', [], 'setda', [drafterGrant({ revokedAt: NOW })]), NOW, document)).toMatchObject({ code: 'FORBIDDEN' });
    expect(decideEdit(person('paser.plh', [], 'setda', [drafterGrant({ endsAt: NOW })]), NOW, document)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("prefers the actor's own DRAFTER role to a delegation for the same unit", () => {
    const both = person('paser.drafter', ['DRAFTER'], 'diskominfo', [drafterGrant()]);
    expect(decideEdit(both, NOW, document)).toMatchObject({ allowed: true, onBehalfOf: null, delegationId: null });
  });
});

describe('a document written by a delegate: both count as its creator (separation of duties)', () => {
  it('the delegate who wrote it for the drafter may not endorse it, whatever role they hold', () => {
    const facts: DocumentFacts = {
      kind: 'quick-win',
      state: 'endorsement',
      createdBy: 'paser.drafter-diskominfo',
      governmentCode: 'paser',
      governmentLevel: 'REGENCY',
      parentGovernmentCode: 'kaltim',
      unitCode: 'diskominfo',
      history: [
        { action: 'CREATE', fromState: null, actor: 'paser.kadis', onBehalfOf: 'paser.drafter-diskominfo' },
        { action: 'SUBMIT', fromState: 'draft', actor: 'paser.drafter-diskominfo', onBehalfOf: null },
      ],
    };
    const writer = person('paser.kadis', ['UNIT_HEAD'], 'diskominfo', [drafterGrant()]);
    expect(authorizeAction(quickWinWorkflowV1, null, facts, writer, 'ENDORSE', NOW)).toMatchObject({ allowed: false, code: 'SEPARATION_OF_DUTIES' });
    const otherHead = person('paser.kadis2', ['UNIT_HEAD'], 'diskominfo');
    expect(authorizeAction(quickWinWorkflowV1, null, facts, otherHead, 'ENDORSE', NOW)).toMatchObject({ allowed: true });
    // written in their own name, the same head may endorse (nobody but the drafter created it)
    const ownHistory = { ...facts, history: [{ action: 'CREATE', fromState: null, actor: 'paser.drafter-diskominfo', onBehalfOf: null }, facts.history[1]!] };
    expect(authorizeAction(quickWinWorkflowV1, null, ownHistory, writer, 'ENDORSE', NOW)).toMatchObject({ allowed: true });
  });
});
