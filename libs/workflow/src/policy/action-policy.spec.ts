import { describe, expect, it } from '@jest/globals';
import { ALL_ROLES, type Role } from '../domain/role.types.js';
import { persistSnapshot } from '../engine/snapshot.util.js';
import type { PersistedWorkflowSnapshot } from '../engine/workflow-engine.types.js';
import { atomicStateNames, stateFromString } from '../machines/state-node.util.js';
import type { ActorScope } from '../machines/workflow-meta.types.js';
import { quickWinWorkflowV1, regulationWorkflowV1 } from '../registry/default-registry.js';
import type { WorkflowDefinition } from '../registry/workflow-definition.types.js';
import { allowedActions, authorizeAction } from './action-policy.js';
import type { ActorFacts, DelegationGrant, DocumentFacts } from './policy.types.js';

/** Who may do what, transcribed by hand from the domain.md tables ("of the unit" = unit scope). */
type Who = { roles: Role[]; scope: ActorScope };
const unit = (role: Role): Who => ({ roles: [role], scope: 'unit' });
const gov = (role: Role): Who => ({ roles: [role], scope: 'government' });
const creator: Who = { roles: ['DRAFTER'], scope: 'creator' };

const QUICK_WIN_WHO: Record<string, Record<string, Who>> = {
  draft: { SUBMIT: unit('DRAFTER'), WITHDRAW: creator },
  endorsement: { ENDORSE: unit('UNIT_HEAD'), RETURN: unit('UNIT_HEAD'), WITHDRAW: creator },
  verification: { VERIFY: gov('ORG_VERIFIER'), RETURN: gov('ORG_VERIFIER'), WITHDRAW: creator },
  approval: { APPROVE: gov('SECRETARY'), RETURN: gov('SECRETARY'), REJECT: gov('SECRETARY') },
  revision: { RESUBMIT: unit('DRAFTER'), WITHDRAW: creator },
  implementation: { REPORT_PROGRESS: unit('DRAFTER'), COMPLETE: unit('UNIT_HEAD') },
  evaluation: { EVALUATE: gov('INSPECTOR'), RETURN: gov('INSPECTOR') },
  completed: {},
  rejected: {},
  withdrawn: {},
};

const REGULATION_WHO: Record<string, Record<string, Who>> = {
  draft: { SUBMIT: unit('DRAFTER'), WITHDRAW: creator },
  endorsement: { ENDORSE: unit('UNIT_HEAD'), RETURN: unit('UNIT_HEAD'), WITHDRAW: creator },
  legal_review: { REQUEST_HARMONIZATION: gov('LEGAL'), RETURN: gov('LEGAL'), WITHDRAW: creator },
  harmonization: { RECORD_HARMONIZATION: gov('LEGAL'), RETURN: gov('LEGAL'), WITHDRAW: creator },
  facilitation: {
    FACILITATE: { roles: ['LEGAL'], scope: 'parent-province' },
    RETURN: { roles: ['LEGAL'], scope: 'parent-province' },
    WITHDRAW: creator,
  },
  'coordination.assistant': { PARAF: gov('ASSISTANT'), RETURN: gov('ASSISTANT'), WITHDRAW: creator },
  'coordination.secretary': { PARAF: gov('SECRETARY'), RETURN: gov('SECRETARY'), WITHDRAW: creator },
  signature: { SIGN: gov('REGIONAL_HEAD'), RETURN: gov('REGIONAL_HEAD') },
  promulgation: { PROMULGATE: gov('SECRETARY') },
  promulgated: { PUBLISH: gov('LEGAL') },
  revision: { RESUBMIT: unit('DRAFTER'), WITHDRAW: creator },
  published: {},
  withdrawn: {},
};

const SOD_ACTIONS = new Set([
  'ENDORSE', 'VERIFY', 'APPROVE', 'REJECT', 'COMPLETE', 'EVALUATE', 'REQUEST_HARMONIZATION',
  'RECORD_HARMONIZATION', 'FACILITATE', 'PARAF', 'SIGN', 'PROMULGATE', 'PUBLISH',
]);

const NOW = new Date('2026-03-02T02:00:00.000Z');
const HOUR = 3_600_000;

function doc(kind: DocumentFacts['kind'], governmentCode: 'paser' | 'kaltim', state: string): DocumentFacts {
  return {
    kind,
    state,
    createdBy: `${governmentCode}.drafter`,
    governmentCode,
    governmentLevel: governmentCode === 'kaltim' ? 'PROVINCE' : 'REGENCY',
    parentGovernmentCode: governmentCode === 'kaltim' ? null : 'kaltim',
    unitCode: 'diskominfo',
    history: [],
  };
}

function snapshotAt(definition: WorkflowDefinition, document: DocumentFacts, progressReports = 1): PersistedWorkflowSnapshot {
  const context = definition.kind === 'quick-win' ? { level: document.governmentLevel, progressReports } : { level: document.governmentLevel };
  return persistSnapshot(definition.machine, definition.machine.resolveState({ value: stateFromString(document.state), context }));
}

function actor(username: string, governmentCode: string, unitCode: string, roles: Role[], delegations: DelegationGrant[] = []): ActorFacts {
  return { username, governmentCode, unitCode, roles, delegations };
}

/** Someone standing exactly where `scope` asks, holding `roles` (never the creator unless scope is creator). */
function placed(document: DocumentFacts, scope: ActorScope, roles: Role[]): ActorFacts {
  switch (scope) {
    case 'unit':
      return actor(`${document.governmentCode}.colleague`, document.governmentCode, document.unitCode, roles);
    case 'government':
      return actor(`${document.governmentCode}.official`, document.governmentCode, 'setda', roles);
    case 'parent-province':
      return actor('kaltim.hukum', 'kaltim', 'biro-hukum', roles);
    case 'creator':
      return actor(document.createdBy, document.governmentCode, document.unitCode, roles);
    case 'participant':
      return actor(`${document.governmentCode}.kepala-opd`, document.governmentCode, 'inspektorat', roles);
  }
}

function delegation(role: Role, principal: { username: string; governmentCode: string; unitCode: string }, overrides: Partial<DelegationGrant> = {}): DelegationGrant {
  return {
    id: `d-${principal.username}-${role}`,
    role,
    principal,
    startsAt: new Date(NOW.getTime() - HOUR),
    endsAt: new Date(NOW.getTime() + HOUR),
    revokedAt: null,
    ...overrides,
  };
}

const CASES = [
  { definition: quickWinWorkflowV1, who: QUICK_WIN_WHO, government: 'paser' as const },
  { definition: quickWinWorkflowV1, who: QUICK_WIN_WHO, government: 'kaltim' as const },
  { definition: regulationWorkflowV1, who: REGULATION_WHO, government: 'paser' as const },
  { definition: regulationWorkflowV1, who: REGULATION_WHO, government: 'kaltim' as const },
];

describe('action policy', () => {
  describe.each(CASES)('$definition.kind of $government: every action x role pair', ({ definition, who, government }) => {
    it('allows exactly the roles of the domain table, refuses others with FORBIDDEN and impossible actions with INVALID_TRANSITION', () => {
      expect(atomicStateNames(definition.machine).sort()).toEqual(Object.keys(who).sort());
      const mismatches: unknown[] = [];
      let checked = 0;
      for (const state of Object.keys(who)) {
        if (state === 'facilitation' && government === 'kaltim') continue; // a province is never facilitated
        const document = doc(definition.kind, government, state);
        const snapshot = snapshotAt(definition, document);
        for (const action of definition.actions) {
          const rule = who[state]?.[action];
          for (const role of ALL_ROLES) {
            const subject = placed(document, rule?.scope ?? 'government', [role]);
            const decision = authorizeAction(definition, snapshot, document, subject, action, NOW);
            const expected =
              rule === undefined
                ? { allowed: false, code: 'INVALID_TRANSITION' }
                : rule.roles.includes(role)
                  ? { allowed: true, role, onBehalfOf: null }
                  : { allowed: false, code: 'FORBIDDEN' };
            const actual = decision.allowed
              ? { allowed: true, role: decision.role, onBehalfOf: decision.onBehalfOf }
              : { allowed: false, code: decision.code };
            if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push({ state, action, role, expected, actual });
            checked += 1;
          }
        }
      }
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThan(800);
    });

    it('refuses the creator every separation-of-duties action in every role, but not the others', () => {
      const mismatches: unknown[] = [];
      for (const state of Object.keys(who)) {
        if (state === 'facilitation') continue; // parent-province: the creator cannot stand there (see delegation tests)
        const document = doc(definition.kind, government, state);
        const snapshot = snapshotAt(definition, document);
        for (const [action, rule] of Object.entries(who[state] ?? {})) {
          for (const role of rule.roles) {
            // The creator, in their own unit, also holding the role the action needs.
            const self = actor(document.createdBy, document.governmentCode, document.unitCode, ['DRAFTER', role]);
            const decision = authorizeAction(definition, snapshot, document, self, action, NOW);
            const expected = SOD_ACTIONS.has(action) ? 'SEPARATION_OF_DUTIES' : 'allowed';
            const actual = decision.allowed ? 'allowed' : decision.code;
            if (actual !== expected) mismatches.push({ state, action, role, expected, actual });
          }
        }
      }
      expect(mismatches).toEqual([]);
    });
  });

  describe('scope', () => {
    it('lets only the DRAFTER and UNIT_HEAD of the document unit act on unit actions', () => {
      const draft = doc('quick-win', 'paser', 'draft');
      const endorsement = doc('quick-win', 'paser', 'endorsement');
      const otherUnitDrafter = actor('paser.drafter.dinkes', 'paser', 'dinkes', ['DRAFTER']);
      const otherUnitHead = actor('paser.kadinkes', 'paser', 'dinkes', ['UNIT_HEAD']);
      const ownHead = actor('paser.kadis', 'paser', 'diskominfo', ['UNIT_HEAD']);
      expect(authorizeAction(quickWinWorkflowV1, null, draft, otherUnitDrafter, 'SUBMIT', NOW)).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
      expect(authorizeAction(quickWinWorkflowV1, null, endorsement, otherUnitHead, 'ENDORSE', NOW)).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
      expect(authorizeAction(quickWinWorkflowV1, null, endorsement, ownHead, 'ENDORSE', NOW)).toEqual({
        allowed: true,
        role: 'UNIT_HEAD',
        onBehalfOf: null,
        delegationId: null,
      });
    });

    it('lets only the creator withdraw, not another drafter of the unit', () => {
      const draft = doc('regulation', 'paser', 'draft');
      expect(authorizeAction(regulationWorkflowV1, null, draft, actor('paser.drafter2', 'paser', 'diskominfo', ['DRAFTER']), 'WITHDRAW', NOW)).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(authorizeAction(regulationWorkflowV1, null, draft, actor('paser.drafter', 'paser', 'diskominfo', ['DRAFTER']), 'WITHDRAW', NOW)).toMatchObject({
        allowed: true,
      });
      expect(authorizeAction(regulationWorkflowV1, null, draft, actor('paser.drafter2', 'paser', 'diskominfo', ['DRAFTER']), 'SUBMIT', NOW)).toMatchObject({
        allowed: true,
      });
    });
  });

  describe('jurisdiction', () => {
    it('refuses a paser user on a kaltim document whatever their role', () => {
      const verification = doc('quick-win', 'kaltim', 'verification');
      for (const role of ALL_ROLES) {
        expect(authorizeAction(quickWinWorkflowV1, null, verification, actor('paser.x', 'paser', 'diskominfo', [role]), 'VERIFY', NOW)).toMatchObject({
          code: 'FORBIDDEN',
        });
      }
    });

    it('lets the province LEGAL facilitate (and return) a regency regulation, and refuses the regency LEGAL', () => {
      const facilitation = doc('regulation', 'paser', 'facilitation');
      const provinceLegal = actor('kaltim.hukum', 'kaltim', 'biro-hukum', ['LEGAL']);
      const regencyLegal = actor('paser.hukum', 'paser', 'bagian-hukum', ['LEGAL']);
      const otherRegencyLegal = actor('berau.hukum', 'berau', 'bagian-hukum', ['LEGAL']);
      expect(authorizeAction(regulationWorkflowV1, null, facilitation, provinceLegal, 'FACILITATE', NOW)).toMatchObject({ allowed: true, role: 'LEGAL' });
      expect(authorizeAction(regulationWorkflowV1, null, facilitation, provinceLegal, 'RETURN', NOW)).toMatchObject({ allowed: true });
      expect(authorizeAction(regulationWorkflowV1, null, facilitation, regencyLegal, 'FACILITATE', NOW)).toMatchObject({ code: 'FORBIDDEN' });
      expect(authorizeAction(regulationWorkflowV1, null, facilitation, otherRegencyLegal, 'FACILITATE', NOW)).toMatchObject({ code: 'FORBIDDEN' });
      expect(authorizeAction(regulationWorkflowV1, null, facilitation, actor('kaltim.sekda', 'kaltim', 'setda', ['SECRETARY']), 'FACILITATE', NOW)).toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('gives the province LEGAL no other power over regency regulations', () => {
      const provinceLegal = actor('kaltim.hukum', 'kaltim', 'biro-hukum', ['LEGAL']);
      expect(authorizeAction(regulationWorkflowV1, null, doc('regulation', 'paser', 'legal_review'), provinceLegal, 'REQUEST_HARMONIZATION', NOW)).toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(authorizeAction(regulationWorkflowV1, null, doc('regulation', 'paser', 'promulgated'), provinceLegal, 'PUBLISH', NOW)).toMatchObject({
        code: 'FORBIDDEN',
      });
    });
  });

  describe('delegation', () => {
    const approval = doc('quick-win', 'paser', 'approval');
    const sekda = { username: 'paser.sekda', governmentCode: 'paser', unitCode: 'setda' };

    it('lets the delegate act for the principal inside the window and records onBehalfOf', () => {
      const plh = actor('paser.plh', 'paser', 'setda', [], [delegation('SECRETARY', sekda)]);
      expect(authorizeAction(quickWinWorkflowV1, null, approval, plh, 'APPROVE', NOW)).toEqual({
        allowed: true,
        role: 'SECRETARY',
        onBehalfOf: 'paser.sekda',
        delegationId: 'd-paser.sekda-SECRETARY',
      });
      expect(allowedActions(quickWinWorkflowV1, null, approval, plh, NOW)).toEqual(['APPROVE', 'REJECT', 'RETURN']);
    });

    it('uses the half-open window [startsAt, endsAt)', () => {
      const at = (startsAt: Date, endsAt: Date) => actor('paser.plh', 'paser', 'setda', [], [delegation('SECRETARY', sekda, { startsAt, endsAt })]);
      expect(authorizeAction(quickWinWorkflowV1, null, approval, at(NOW, new Date(NOW.getTime() + HOUR)), 'APPROVE', NOW)).toMatchObject({ allowed: true });
      expect(authorizeAction(quickWinWorkflowV1, null, approval, at(new Date(NOW.getTime() - HOUR), NOW), 'APPROVE', NOW)).toMatchObject({ code: 'FORBIDDEN' });
      expect(authorizeAction(quickWinWorkflowV1, null, approval, at(new Date(NOW.getTime() + 1), new Date(NOW.getTime() + HOUR)), 'APPROVE', NOW)).toMatchObject({
        code: 'FORBIDDEN',
      });
      const iso = actor('paser.plh', 'paser', 'setda', [], [delegation('SECRETARY', sekda, { startsAt: '2026-03-01T00:00:00Z', endsAt: '2026-03-03T00:00:00+08:00' })]);
      expect(authorizeAction(quickWinWorkflowV1, null, approval, iso, 'APPROVE', NOW)).toMatchObject({ allowed: true });
    });

    it('never counts a revoked delegation', () => {
      const plh = actor('paser.plh', 'paser', 'setda', [], [delegation('SECRETARY', sekda, { revokedAt: new Date(NOW.getTime() + HOUR) })]);
      expect(authorizeAction(quickWinWorkflowV1, null, approval, plh, 'APPROVE', NOW)).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    });

    it('grants only the delegated role', () => {
      const plh = actor('paser.plh', 'paser', 'setda', [], [delegation('ASSISTANT', sekda)]);
      expect(authorizeAction(quickWinWorkflowV1, null, approval, plh, 'APPROVE', NOW)).toMatchObject({ code: 'FORBIDDEN' });
    });

    it("acts with the principal's government and unit", () => {
      const endorsement = doc('quick-win', 'paser', 'endorsement');
      const kadis = { username: 'paser.kadis', governmentCode: 'paser', unitCode: 'diskominfo' };
      const sekretaris = actor('paser.sekdis', 'paser', 'setda', [], [delegation('UNIT_HEAD', kadis)]);
      expect(authorizeAction(quickWinWorkflowV1, null, endorsement, sekretaris, 'ENDORSE', NOW)).toMatchObject({ allowed: true, onBehalfOf: 'paser.kadis' });
      const foreignHead = { username: 'paser.kadinkes', governmentCode: 'paser', unitCode: 'dinkes' };
      const stranger = actor('paser.diskominfo.staff', 'paser', 'diskominfo', [], [delegation('UNIT_HEAD', foreignHead)]);
      expect(authorizeAction(quickWinWorkflowV1, null, endorsement, stranger, 'ENDORSE', NOW)).toMatchObject({ code: 'FORBIDDEN' });
    });

    it('prefers the actor’s own role to a delegation', () => {
      const both = actor('paser.sekda2', 'paser', 'setda', ['SECRETARY'], [delegation('SECRETARY', sekda)]);
      expect(authorizeAction(quickWinWorkflowV1, null, approval, both, 'APPROVE', NOW)).toMatchObject({ allowed: true, onBehalfOf: null });
    });

    it('refuses a delegate who created the document with SEPARATION_OF_DUTIES', () => {
      const creatorAsPlh = actor('paser.drafter', 'paser', 'diskominfo', ['DRAFTER'], [delegation('SECRETARY', sekda)]);
      expect(authorizeAction(quickWinWorkflowV1, null, approval, creatorAsPlh, 'APPROVE', NOW)).toMatchObject({
        allowed: false,
        code: 'SEPARATION_OF_DUTIES',
      });
      // Also across governments: the creator holding the province LEGAL's delegation cannot facilitate.
      const facilitation = doc('regulation', 'paser', 'facilitation');
      const provinceLegal = { username: 'kaltim.hukum', governmentCode: 'kaltim', unitCode: 'biro-hukum' };
      const creatorAsLegal = actor('paser.drafter', 'paser', 'diskominfo', ['DRAFTER'], [delegation('LEGAL', provinceLegal)]);
      expect(authorizeAction(regulationWorkflowV1, null, facilitation, creatorAsLegal, 'FACILITATE', NOW)).toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
      // RETURN is not bound by separation of duties.
      expect(authorizeAction(regulationWorkflowV1, null, facilitation, creatorAsLegal, 'RETURN', NOW)).toMatchObject({
        allowed: true,
        onBehalfOf: 'kaltim.hukum',
      });
    });

    it('refuses to act on behalf of the creator where the creator could not act', () => {
      const endorsement = doc('quick-win', 'paser', 'endorsement');
      const creatorWhoIsHead = { username: 'paser.drafter', governmentCode: 'paser', unitCode: 'diskominfo' };
      const deputy = actor('paser.deputy', 'paser', 'diskominfo', [], [delegation('UNIT_HEAD', creatorWhoIsHead)]);
      expect(authorizeAction(quickWinWorkflowV1, null, endorsement, deputy, 'ENDORSE', NOW)).toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
      expect(authorizeAction(quickWinWorkflowV1, null, endorsement, deputy, 'RETURN', NOW)).toMatchObject({ allowed: true, onBehalfOf: 'paser.drafter' });
    });

    it('does not let a creator escape through a second authority', () => {
      const creatorAlsoHead = actor('paser.drafter', 'paser', 'diskominfo', ['DRAFTER', 'UNIT_HEAD'], [
        delegation('UNIT_HEAD', { username: 'paser.kadis', governmentCode: 'paser', unitCode: 'diskominfo' }),
      ]);
      expect(authorizeAction(quickWinWorkflowV1, null, doc('quick-win', 'paser', 'endorsement'), creatorAlsoHead, 'ENDORSE', NOW)).toMatchObject({
        code: 'SEPARATION_OF_DUTIES',
      });
    });
  });

  describe('refusal order: INVALID_TRANSITION, then FORBIDDEN, then SEPARATION_OF_DUTIES', () => {
    const creatorPlain = actor('paser.drafter', 'paser', 'diskominfo', ['DRAFTER']);
    const creatorHead = actor('paser.drafter', 'paser', 'diskominfo', ['DRAFTER', 'UNIT_HEAD']);

    it('answers INVALID_TRANSITION before anything else', () => {
      expect(authorizeAction(quickWinWorkflowV1, null, doc('quick-win', 'paser', 'draft'), creatorPlain, 'ENDORSE', NOW)).toMatchObject({
        code: 'INVALID_TRANSITION',
      });
      expect(authorizeAction(quickWinWorkflowV1, null, doc('quick-win', 'paser', 'draft'), creatorHead, 'ENDORSE', NOW)).toMatchObject({
        code: 'INVALID_TRANSITION',
      });
      expect(authorizeAction(quickWinWorkflowV1, null, doc('quick-win', 'paser', 'completed'), creatorHead, 'WITHDRAW', NOW)).toMatchObject({
        code: 'INVALID_TRANSITION',
      });
    });

    it('answers INVALID_TRANSITION when a guard is false (COMPLETE without a progress report)', () => {
      const implementation = doc('quick-win', 'paser', 'implementation');
      const head = actor('paser.kadis', 'paser', 'diskominfo', ['UNIT_HEAD']);
      const none = snapshotAt(quickWinWorkflowV1, implementation, 0);
      expect(authorizeAction(quickWinWorkflowV1, none, implementation, head, 'COMPLETE', NOW)).toMatchObject({ code: 'INVALID_TRANSITION' });
      expect(authorizeAction(quickWinWorkflowV1, none, implementation, creatorPlain, 'COMPLETE', NOW)).toMatchObject({ code: 'INVALID_TRANSITION' });
      expect(allowedActions(quickWinWorkflowV1, none, implementation, head, NOW)).toEqual([]);
      const one = snapshotAt(quickWinWorkflowV1, implementation, 1);
      expect(authorizeAction(quickWinWorkflowV1, one, implementation, head, 'COMPLETE', NOW)).toMatchObject({ allowed: true });
    });

    it('answers FORBIDDEN before SEPARATION_OF_DUTIES', () => {
      const endorsement = doc('quick-win', 'paser', 'endorsement');
      expect(authorizeAction(quickWinWorkflowV1, null, endorsement, creatorPlain, 'ENDORSE', NOW)).toMatchObject({ code: 'FORBIDDEN' });
      expect(authorizeAction(quickWinWorkflowV1, null, endorsement, creatorHead, 'ENDORSE', NOW)).toMatchObject({ code: 'SEPARATION_OF_DUTIES' });
    });

    it('explains every refusal', () => {
      const decision = authorizeAction(quickWinWorkflowV1, null, doc('quick-win', 'paser', 'endorsement'), creatorPlain, 'ENDORSE', NOW);
      expect(decision.allowed === false && decision.reason).toMatch(/UNIT_HEAD.*diskominfo.*paser/);
    });

    it('uses the snapshot state when one is given', () => {
      const document = doc('quick-win', 'paser', 'draft');
      const inEndorsement = snapshotAt(quickWinWorkflowV1, doc('quick-win', 'paser', 'endorsement'));
      const head = actor('paser.kadis', 'paser', 'diskominfo', ['UNIT_HEAD']);
      expect(authorizeAction(quickWinWorkflowV1, inEndorsement, document, head, 'ENDORSE', NOW)).toMatchObject({ allowed: true });
    });
  });

  describe('allowedActions', () => {
    it('lists what the actor may fire now', () => {
      const endorsement = doc('regulation', 'paser', 'endorsement');
      expect(allowedActions(regulationWorkflowV1, null, endorsement, actor('paser.kadis', 'paser', 'diskominfo', ['UNIT_HEAD']), NOW)).toEqual(['ENDORSE', 'RETURN']);
      expect(allowedActions(regulationWorkflowV1, null, endorsement, actor('paser.drafter', 'paser', 'diskominfo', ['DRAFTER']), NOW)).toEqual(['WITHDRAW']);
      expect(allowedActions(regulationWorkflowV1, null, endorsement, actor('paser.sekda', 'paser', 'setda', ['SECRETARY']), NOW)).toEqual([]);
      const secretary = doc('regulation', 'kaltim', 'coordination.secretary');
      expect(allowedActions(regulationWorkflowV1, null, secretary, actor('kaltim.sekda', 'kaltim', 'setda', ['SECRETARY']), NOW)).toEqual(['PARAF', 'RETURN']);
    });
  });
});
