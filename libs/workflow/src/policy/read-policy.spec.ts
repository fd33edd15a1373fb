import { describe, expect, it } from '@jest/globals';
import { createDefaultRegistry } from '../registry/default-registry.js';
import type { Role } from '../domain/role.types.js';
import { canRead, governmentsReadWhole, readableGovernments, readableGovernmentsOfAnyKind, readScopeMarksAfter, type ReadableDocument } from './read-policy.js';
import type { ActorFacts, DelegationGrant } from './policy.types.js';
import { stageActorsFor } from './stage-actors.util.js';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const registry = createDefaultRegistry();
const regulation = registry.require('regulation', 1);
const quickWin = registry.requireLatest('quick-win');

const acted = (usernames: string[]) => usernames.map((actor) => ({ action: 'X', fromState: 'draft', actor, onBehalfOf: null }));

const paserRegulation = (state: string, marks: Partial<ReadableDocument> = {}): ReadableDocument => ({
  kind: 'regulation',
  state,
  createdBy: 'paser.drafter',
  governmentCode: 'paser',
  governmentLevel: 'REGENCY',
  parentGovernmentCode: 'kaltim',
  unitCode: 'diskominfo',
  submitted: state !== 'draft',
  facilitationRequested: false,
  history: acted(state === 'draft' ? [] : ['paser.drafter']),
  stageActors: stageActorsFor(regulation, state),
  ...marks,
});
const paserQuickWin = (state: string, actors: string[] = ['paser.drafter']): ReadableDocument => ({
  ...paserRegulation('draft'),
  kind: 'quick-win',
  state,
  submitted: state !== 'draft',
  history: acted(state === 'draft' ? [] : actors),
  stageActors: stageActorsFor(quickWin, state),
});

const actor = (username: string, governmentCode: string, unitCode: string, roles: Role[], delegations: DelegationGrant[] = []): ActorFacts => ({
  username,
  governmentCode,
  unitCode,
  roles,
  delegations,
});

const grant = (role: Role, principal: ActorFacts, overrides: Partial<DelegationGrant> = {}): DelegationGrant => ({
  id: 'g1',
  role,
  principal: { username: principal.username, governmentCode: principal.governmentCode, unitCode: principal.unitCode },
  startsAt: new Date(NOW.getTime() - 1000),
  endsAt: new Date(NOW.getTime() + 1000),
  revokedAt: null,
  ...overrides,
});

const paserSekda = actor('paser.sekda', 'paser', 'setda', ['SECRETARY']);
const paserPlh = actor('paser.plh', 'paser', 'setda', []);
const paserDrafter2 = actor('paser.drafter2', 'paser', 'diskominfo', ['DRAFTER']);
const otherUnitHead = actor('paser.kaban', 'paser', 'bappeda', ['UNIT_HEAD']);
const provinceLegal = actor('kaltim.hukum', 'kaltim', 'biro-hukum', ['LEGAL']);

describe('read scope', () => {
  it('shows a draft never submitted to its unit only', () => {
    expect(canRead(paserQuickWin('draft'), paserDrafter2, NOW)).toBe(true);
    expect(canRead(paserQuickWin('draft'), paserPlh, NOW)).toBe(false);
    expect(canRead(paserQuickWin('draft'), paserSekda, NOW)).toBe(false);
    expect(canRead(paserQuickWin('draft'), otherUnitHead, NOW)).toBe(false);
  });

  it("once submitted, shows it to the government's reading roles, not to someone without a role in another unit", () => {
    for (const role of ['ORG_VERIFIER', 'LEGAL', 'ASSISTANT', 'SECRETARY', 'REGIONAL_HEAD', 'INSPECTOR', 'ADMIN'] as Role[]) {
      expect(canRead(paserQuickWin('approval'), actor('paser.x', 'paser', 'setda', [role]), NOW)).toBe(true);
    }
    expect(canRead(paserQuickWin('approval'), paserPlh, NOW)).toBe(false);
    expect(canRead(paserQuickWin('approval'), otherUnitHead, NOW)).toBe(false);
  });

  it('shows it to whoever acted on it and to their delegates', () => {
    const doc = paserQuickWin('approval', ['paser.drafter', 'paser.kaban']);
    expect(canRead(doc, otherUnitHead, NOW)).toBe(true);
    expect(canRead(doc, actor('paser.staff', 'paser', 'setda', [], [grant('UNIT_HEAD', otherUnitHead)]), NOW)).toBe(true);
    expect(canRead(doc, actor('paser.staff', 'paser', 'setda', [], [grant('UNIT_HEAD', otherUnitHead, { revokedAt: NOW })]), NOW)).toBe(false);
  });

  it('shows it to whoever must act on it now', () => {
    const mustAct = actor('paser.y', 'paser', 'setda', ['DRAFTER']);
    const doc: ReadableDocument = { ...paserQuickWin('approval'), stageActors: [{ role: 'DRAFTER', scope: 'government', actions: ['APPROVE'] }] };
    expect(canRead(doc, mustAct, NOW)).toBe(true);
    expect(canRead({ ...doc, stageActors: [] }, mustAct, NOW)).toBe(false);
  });

  it("shows a regency's regulation to the province's LEGAL from the moment facilitation is requested", () => {
    expect(canRead(paserRegulation('harmonization'), provinceLegal, NOW)).toBe(false);
    expect(canRead(paserRegulation('facilitation', { facilitationRequested: true }), provinceLegal, NOW)).toBe(true);
    expect(canRead(paserRegulation('revision', { facilitationRequested: true }), provinceLegal, NOW)).toBe(true);
    expect(canRead(paserRegulation('revision', { facilitationRequested: true }), actor('kaltim.organisasi', 'kaltim', 'biro-organisasi', ['ORG_VERIFIER']), NOW)).toBe(false);
    expect(canRead(paserRegulation('revision', { facilitationRequested: true, parentGovernmentCode: 'kalteng' }), provinceLegal, NOW)).toBe(false);
    expect(canRead(paserRegulation('revision', { facilitationRequested: true }), actor('kaltim.staff', 'kaltim', 'biro-hukum', [], [grant('LEGAL', provinceLegal)]), NOW)).toBe(true);
  });

  it('hides documents of other governments', () => {
    expect(canRead(paserQuickWin('approval'), actor('berau.sekda', 'berau', 'setda', ['SECRETARY']), NOW)).toBe(false);
    expect(canRead(paserQuickWin('approval'), actor('kaltim.sekda', 'kaltim', 'setda', ['SECRETARY']), NOW)).toBe(false);
  });

  it("lets a delegate read what its active principal's role reads", () => {
    const berauUser = actor('berau.x', 'berau', 'setda', [], [grant('SECRETARY', paserSekda)]);
    expect(canRead(paserQuickWin('approval'), berauUser, NOW)).toBe(true);
    expect(canRead(paserQuickWin('approval'), { ...berauUser, delegations: [grant('SECRETARY', paserSekda, { startsAt: new Date(NOW.getTime() + 1) })] }, NOW)).toBe(false);
  });

  it('marks a document submitted when it leaves its draft for the flow, and facilitation requested when the province must act', () => {
    const none = { submitted: false, facilitationRequested: false };
    expect(readScopeMarksAfter(quickWin, none, { fromState: 'draft', toState: 'endorsement', final: false })).toEqual({ submitted: true, facilitationRequested: false });
    expect(readScopeMarksAfter(quickWin, none, { fromState: 'draft', toState: 'withdrawn', final: true })).toEqual(none);
    expect(readScopeMarksAfter(regulation, { submitted: true, facilitationRequested: false }, { fromState: 'harmonization', toState: 'facilitation', final: false })).toEqual({
      submitted: true,
      facilitationRequested: true,
    });
    expect(readScopeMarksAfter(regulation, { submitted: true, facilitationRequested: true }, { fromState: 'facilitation', toState: 'revision', final: false }).facilitationRequested).toBe(true);
  });

  it('names the governments whose every submitted document the actor reads', () => {
    expect(governmentsReadWhole(paserPlh, NOW)).toEqual([]);
    expect(governmentsReadWhole(actor('kaltim.x', 'kaltim', 'setda', ['INSPECTOR'], [grant('SECRETARY', paserSekda)]), NOW)).toEqual(['kaltim', 'paser']);
  });

  describe('the governments a list reads from (readableGovernments)', () => {
    const kaltimRegulation = (state: string, marks: Partial<ReadableDocument> = {}): ReadableDocument =>
      paserRegulation(state, { governmentCode: 'kaltim', governmentLevel: 'PROVINCE', parentGovernmentCode: null, createdBy: 'kaltim.drafter', ...marks });
    const berauDocument = (doc: ReadableDocument): ReadableDocument => ({
      ...doc,
      governmentCode: 'berau',
      createdBy: 'berau.drafter',
      history: doc.history.map((h) => ({ ...h, actor: h.actor.replace('paser.', 'berau.') })),
    });
    const documents = [regulation, quickWin].flatMap((definition) =>
      Object.keys((definition.machine.config as { states: Record<string, unknown> }).states).flatMap((state) => {
        const of = definition.kind === 'regulation' ? paserRegulation : paserQuickWin;
        const marks = [{ facilitationRequested: false }, { facilitationRequested: definition.kind === 'regulation' }];
        const paser = marks.map((m) => ({ ...of(state), ...m, history: acted(['paser.drafter', 'paser.kaban', ...(m.facilitationRequested ? ['kaltim.hukum'] : [])]) }));
        return [...paser, ...paser.map(berauDocument), ...(definition.kind === 'regulation' ? [kaltimRegulation(state), kaltimRegulation(state, { history: acted(['kaltim.hukum']) })] : [])];
      }),
    );
    const actors = [
      paserSekda,
      paserPlh,
      paserDrafter2,
      otherUnitHead,
      provinceLegal,
      actor('kaltim.sekda', 'kaltim', 'setda', ['SECRETARY']),
      actor('kaltim.staff', 'kaltim', 'biro-hukum', [], [grant('LEGAL', provinceLegal)]),
      actor('berau.x', 'berau', 'setda', [], [grant('SECRETARY', paserSekda)]),
      actor('paser.hukum', 'paser', 'bagian-hukum', ['LEGAL']),
    ];

    it('holds every document canRead lets the actor read through their present authorities, for every stage of both workflows', () => {
      let read = 0;
      for (const reader of actors) {
        for (const document of documents) {
          if (!canRead(document, reader, NOW)) continue;
          read++;
          const { codes, childrenOf } = readableGovernments(document.kind, reader, NOW);
          expect([reader.username, document.governmentCode, codes.includes(document.governmentCode) || childrenOf.includes(document.parentGovernmentCode ?? '')]).toEqual([
            reader.username,
            document.governmentCode,
            true,
          ]);
        }
      }
      expect(read).toBeGreaterThan(100);
    });

    it("is the actor's own government and their principals', and a LEGAL's child governments for regulations only", () => {
      expect(readableGovernments('quick-win', paserDrafter2, NOW)).toMatchObject({ codes: ['paser'], childrenOf: [] });
      expect(readableGovernments('regulation', paserDrafter2, NOW)).toMatchObject({ codes: ['paser'], childrenOf: [] });
      expect(readableGovernments('regulation', provinceLegal, NOW)).toMatchObject({ codes: ['kaltim'], childrenOf: ['kaltim'] });
      expect(readableGovernments('quick-win', provinceLegal, NOW)).toMatchObject({ codes: ['kaltim'], childrenOf: [] });
      expect(readableGovernmentsOfAnyKind(provinceLegal, NOW)).toEqual({ own: 'kaltim', codes: ['kaltim'], childrenOf: ['kaltim'], actedBy: ['kaltim.hukum'], kinds: ['quick-win', 'regulation'] });
      expect(readableGovernments('regulation', actor('kaltim.staff', 'kaltim', 'biro-hukum', [], [grant('LEGAL', provinceLegal)]), NOW)).toMatchObject({ codes: ['kaltim'], childrenOf: ['kaltim'] });
      const berauPlt = actor('berau.x', 'berau', 'setda', [], [grant('SECRETARY', paserSekda)]);
      expect(readableGovernments('quick-win', berauPlt, NOW)).toMatchObject({ codes: ['berau', 'paser'], childrenOf: [] });
      // what the principal acted on elsewhere, the delegate reads through the history clause while the delegation lasts
      expect(readableGovernments('quick-win', berauPlt, NOW).actedBy).toEqual(['berau.x', 'paser.sekda']);
      const expired = { ...berauPlt, delegations: [grant('SECRETARY', paserSekda, { endsAt: new Date(NOW.getTime() - 1) })] };
      expect(readableGovernments('quick-win', expired, NOW)).toEqual({ own: 'berau', codes: ['berau'], childrenOf: [], actedBy: ['berau.x'], kinds: ['quick-win'] });
    });
  });
});
